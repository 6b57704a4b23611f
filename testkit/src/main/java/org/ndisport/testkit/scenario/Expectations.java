package org.ndisport.testkit.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.ndisport.api.io.IoClaim;
import org.ndisport.api.runtime.AdapterView;
import org.ndisport.api.runtime.PortState;
import org.ndisport.api.runtime.PortView;
import org.ndisport.testkit.RecordingProtocol;

/**
 * The {@code expect …} lines. Each is re-checked until it holds or the wait ends (bindings and pended
 * events settle on other threads); what was seen last is the "got" of a failure.
 */
final class Expectations {
    private final ScenarioRun run;

    Expectations(ScenarioRun run) {
        this.run = run;
    }

    void check(Step step) {
        List<String> w = step.words();
        String first = w.get(0);
        switch (Words.keyword(first)) {
            case "violations" -> run.findings().expect(step, Words.items(w.get(1)));
            case "ioports" -> hold(step, EventText.sorted(normalizedItems(w.get(1))), this::ioports);
            default -> {
                RecordingProtocol p = run.protocol(first);
                if (p != null) {
                    protocol(step, p);
                } else {
                    adapter(step, run.adapter(first, step.line()));
                }
            }
        }
    }

    private void protocol(Step step, RecordingProtocol p) {
        List<String> w = step.words();
        switch (Words.keyword(w.get(1))) {
            case "events" -> {
                List<String> expected = normalizedItems(w.get(2));
                String got = Await.until(() -> {
                    List<String> seen = events(p);
                    return seen.equals(expected) ? null : seen.toString();
                }, run.timeoutMillis());
                if (got != null) {
                    throw StepFailure.expected(step.line(), "events " + expected, "events " + got);
                }
                p.takeEvents(expected.size());
            }
            case "bound" -> hold(step, "bound " + w.get(2),
                    () -> (p.binding(w.get(2)).isPresent() ? "bound " : "unbound ") + w.get(2));
            default -> hold(step, "unbound " + w.get(2),
                    () -> (p.binding(w.get(2)).isPresent() ? "bound " : "unbound ") + w.get(2));
        }
    }

    private void adapter(Step step, AdapterUnderTest a) {
        List<String> w = step.words();
        switch (Words.keyword(w.get(1))) {
            case "phase" -> hold(step, "phase " + Words.keyword(w.get(2)), () -> "phase " + phase(a.control.view()));
            case "port" -> {
                long n = Words.number(w.get(2));
                hold(step, "port " + n + " " + Words.keyword(w.get(3)), () -> "port " + n + " " + state(a, (int) n));
            }
            case "ports" -> hold(step, "ports activated " + Words.numbers(w.get(3)) + " allocated "
                    + Words.numbers(w.get(5)), () -> ports(a.control.view()));
            default -> {
                long n = Words.number(w.get(2));
                hold(step, "nbls-outstanding " + n, () -> "nbls-outstanding " + a.driver.outstandingLists());
            }
        }
    }

    /** Waits until {@code actual} reads as {@code expected}. */
    private void hold(Step step, String expected, Supplier<String> actual) {
        String got = Await.until(() -> {
            String now = actual.get();
            return now.equals(expected) ? null : now;
        }, run.timeoutMillis());
        if (got != null) {
            throw StepFailure.expected(step.line(), expected, got);
        }
    }

    private static List<String> events(RecordingProtocol p) {
        List<String> out = new ArrayList<>();
        for (String e : p.events()) {
            out.add(EventText.normalize(e));
        }
        return out;
    }

    private static List<String> normalizedItems(String list) {
        List<String> out = new ArrayList<>();
        for (String item : Words.items(list)) {
            out.add(EventText.normalize(item));
        }
        return out;
    }

    private String ioports() {
        List<String> out = new ArrayList<>();
        for (IoClaim c : run.environment().ioClaims()) {
            if (run.declares(c.adapter())) {
                int lo = c.range().base();
                out.add(EventText.normalize(String.format("0x%x-0x%x %s", lo, lo + c.range().count() - 1, c.adapter())));
            }
        }
        return EventText.sorted(out);
    }

    static String phase(AdapterView view) {
        return switch (view.phase()) {
            case P0_INIT_PRE_REG, P1_INIT_POST_REG -> "initializing";
            case P2_OPERATIONAL -> "running";
            case P3_HALTING -> "halting";
            case P4_HALTED -> "halted";
        };
    }

    private static String state(AdapterUnderTest a, int n) {
        PortView p = a.control.view().port(n);
        return p == null ? "nonexistent" : p.state().formal().name().toLowerCase(Locale.ROOT);
    }

    private static String ports(AdapterView view) {
        List<Long> activated = new ArrayList<>();
        List<Long> allocated = new ArrayList<>();
        for (PortView p : view.ports()) {
            (p.state().formal() == PortState.ACTIVATED ? activated : allocated)
                    .add(Integer.toUnsignedLong(p.portNumber()));
        }
        return "ports activated " + activated + " allocated " + allocated;
    }
}
