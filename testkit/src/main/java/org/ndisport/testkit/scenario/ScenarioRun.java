package org.ndisport.testkit.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.miniport.HaltAction;
import org.ndisport.api.port.AuthStates;
import org.ndisport.api.runtime.AdapterPhase;
import org.ndisport.api.runtime.AdapterSpec;
import org.ndisport.api.runtime.VerifierMode;
import org.ndisport.testkit.RecordingProtocol;
import org.ndisport.testkit.ScriptedMiniport;

/**
 * One scenario being run: what it declared, in order, and the dispatch of its lines. Everything it
 * created is torn down at the end, adapters first (halted as by a plain {@code halt}).
 */
final class ScenarioRun {
    private final ScenarioEnvironment env;
    private final Scenario scenario;
    private final long timeoutMillis;
    private final Map<String, AdapterUnderTest> adapters = new LinkedHashMap<>();
    private final Map<String, RecordingProtocol> protocols = new LinkedHashMap<>();
    private final Map<String, AutoCloseable> registrations = new LinkedHashMap<>();
    private final Map<String, ScenarioEnvironment.Device> devices = new LinkedHashMap<>();
    private final Lifecycles lifecycles = new Lifecycles(this);
    private final Expectations expectations = new Expectations(this);
    private Findings findings;
    private int currentLine;

    ScenarioRun(ScenarioEnvironment env, Scenario scenario, long timeoutMillis) {
        this.env = env;
        this.scenario = scenario;
        this.timeoutMillis = timeoutMillis;
        this.currentLine = scenario.line();
    }

    ScenarioResult run() {
        if (scenario.syntaxError() != null) {
            String error = scenario.syntaxError();
            return new ScenarioResult(scenario.name(), scenario.source(), false,
                    error.startsWith("line ") ? "syntax error: " + error : error);
        }
        StepFailure failure = null;
        try {
            env.verifierMode(VerifierMode.REPORT);
            findings = new Findings(this, env.runtime().verifier());
            for (Step step : scenario.steps()) {
                currentLine = step.line();
                execute(step);
            }
        } catch (StepFailure f) {
            failure = f;
        } catch (Exception | LinkageError | AssertionError e) {
            failure = new StepFailure(currentLine, "the runner failed: " + e);
        }
        failure = tearDown(failure);
        if (failure == null && findings != null) {
            try {
                findings.requireNoneLeft(scenario.lastLine());
            } catch (StepFailure f) {
                failure = f;
            }
        }
        return new ScenarioResult(scenario.name(), scenario.source(), failure == null,
                failure == null ? null : "line " + failure.line() + ": " + failure.getMessage());
    }

    private void execute(Step step) throws Exception {
        switch (step.kind()) {
            case DECLARE -> declare(step);
            case INIT -> lifecycles.init(step, adapter(step.subject(), step.line()));
            case INIT_RESULT -> lifecycles.initResult(step, adapter(step.subject(), step.line()));
            case HALT -> lifecycles.halt(step, adapter(step.subject(), step.line()));
            case MINIPORT -> lifecycles.miniportStep(step, adapter(step.subject(), step.line()));
            case PROTOCOL -> ProtocolSteps.run(step, protocols.get(step.subject()), timeoutMillis)
                    .check(step.line(), step.expected());
            case EXPECT -> expectations.check(step);
            default -> throw new StepFailure(step.line(), "'return' outside an init block");
        }
    }

    private void declare(Step step) throws Exception {
        List<String> w = step.words();
        String name = w.get(1);
        switch (Words.keyword(w.get(0))) {
            case "miniport" -> {
                ScriptedMiniport driver = new ScriptedMiniport();
                ScenarioEnvironment.Device device = w.size() == 4 ? devices.get(w.get(3)) : null;
                AdapterSpec spec = device == null
                        ? new AdapterSpec(name, driver, "scripted", env.bundleName(), AuthStates.UNCONTROLLED_UNKNOWN,
                                List.of(), -1, false)
                        : new AdapterSpec(name, driver, "scripted", env.bundleName(), AuthStates.UNCONTROLLED_UNKNOWN,
                                device.device().ioPorts(), device.device().interruptLine(), false, device.device());
                adapters.put(name, new AdapterUnderTest(name, driver, env.runtime().createAdapter(spec)));
            }
            case "device" -> devices.put(name, env.createDevice(name, Words.keyword(w.get(2)),
                    Words.uint(Syntax.value(w.get(3), "io")), Words.uint(Syntax.value(w.get(4), "len"))));
            case "protocol" -> {
                RecordingProtocol p = new RecordingProtocol(name).bindOnlyTo(this::declares);
                if (w.size() == 3) {
                    String answer = Syntax.value(w.get(2), "port-events");
                    p.answerPortEvents(answer.equalsIgnoreCase("pending") ? NdisStatus.PENDING : Syntax.status(answer));
                }
                protocols.put(name, p);
                registrations.put(name, env.registerProtocol(name, p));
            }
            default -> env.verifierMode(Words.keyword(Syntax.value(w.get(1), "verifier")).equals("fail-fast")
                    ? VerifierMode.FAIL_FAST : VerifierMode.REPORT);
        }
    }

    /** Halts what still runs, then unregisters protocols and removes devices; the first failure wins. */
    private StepFailure tearDown(StepFailure failure) {
        StepFailure first = failure;
        List<AdapterUnderTest> reverse = new ArrayList<>(adapters.values());
        Collections.reverse(reverse);
        for (AdapterUnderTest a : reverse) {
            try {
                if (a.control.view().phase() != AdapterPhase.P4_HALTED) {
                    a.driver.onHalt(lifecycles.wellBehavedHalt(a));
                    a.control.halt(HaltAction.DEVICE_DISABLED);
                }
            } catch (RuntimeException e) {
                first = first != null ? first : new StepFailure(scenario.lastLine(), "halting " + a.name + " threw " + e);
            }
        }
        List<AutoCloseable> closing = new ArrayList<>(registrations.values());
        closing.addAll(protocols.values());
        closing.addAll(devices.values());
        for (AutoCloseable c : closing) {
            try {
                c.close();
            } catch (Exception e) {
                first = first != null ? first : new StepFailure(scenario.lastLine(), "tear-down failed: " + e);
            }
        }
        return first;
    }

    AdapterUnderTest adapter(String name, int line) {
        AdapterUnderTest a = adapters.get(name);
        if (a == null) {
            throw new StepFailure(line, "no adapter " + name);
        }
        return a;
    }

    RecordingProtocol protocol(String name) {
        return protocols.get(name);
    }

    Iterable<RecordingProtocol> protocols() {
        return protocols.values();
    }

    boolean declares(String adapterName) {
        return adapters.containsKey(adapterName);
    }

    Findings findings() {
        return findings;
    }

    ScenarioEnvironment environment() {
        return env;
    }

    long timeoutMillis() {
        return timeoutMillis;
    }
}
