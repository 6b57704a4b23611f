package org.ndisport.testkit.scenario;

import java.util.List;
import java.util.function.BiConsumer;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.PortNumbers;
import org.ndisport.api.miniport.HaltAction;
import org.ndisport.api.miniport.NdisMiniportHandle;
import org.ndisport.api.runtime.AdapterPhase;
import org.ndisport.api.runtime.AdapterView;
import org.ndisport.api.runtime.PortState;
import org.ndisport.api.runtime.PortView;
import org.ndisport.testkit.RecordingProtocol;
import org.ndisport.testkit.WellBehavedHalt;

/**
 * {@code init}, {@code halt} and miniport steps: what the scripted driver does inside
 * MiniportInitializeEx and MiniportHaltEx, and the wait for binding to settle once port 0 is active.
 */
final class Lifecycles {
    private final ScenarioRun run;

    Lifecycles(ScenarioRun run) {
        this.run = run;
    }

    void init(Step step, AdapterUnderTest a) {
        StepFailure[] inner = new StepFailure[1];
        if (step.hasBlock()) {
            a.driver.onInitialize((handle, parameters) -> block(step.block(), handle, a, inner));
        }
        NdisStatus got;
        try {
            got = a.control.initialize();
        } catch (IllegalStateException e) {
            throw new StepFailure(step.line(), "adapter " + a.name + " was already initialized");
        }
        a.initResult = got;
        if (inner[0] != null) {
            throw inner[0];
        }
        if (!step.resultLater()) {
            Outcome.of(got).check(step.line(), step.expected());
        }
        settleBindings(a);
    }

    void initResult(Step step, AdapterUnderTest a) {
        Outcome.of(a.initResult).check(step.line(), step.expected());
    }

    void halt(Step step, AdapterUnderTest a) {
        StepFailure[] inner = new StepFailure[1];
        a.driver.onHalt(step.hasBlock() ? (handle, action) -> block(step.block(), handle, a, inner) : wellBehavedHalt(a));
        a.control.halt(HaltAction.DEVICE_DISABLED);
        if (inner[0] != null) {
            throw inner[0];
        }
    }

    /** A miniport step outside a block, on the scenario's thread (PASSIVE, as a driver's worker thread). */
    void miniportStep(Step step, AdapterUnderTest a) {
        Outcome outcome = MiniportSteps.run(step, a.handle(step.line()), a.driver);
        outcome.check(step.line(), step.expected());
        if (step.verb().equals("activate") && step.words().size() == 2 && Words.number(step.words().get(1)) == 0) {
            settleBindings(a);
        }
    }

    /** Runs a block's steps inside a driver callback; a failure is kept for the caller and ends the block. */
    private NdisStatus block(List<Step> steps, NdisMiniportHandle handle, AdapterUnderTest a, StepFailure[] inner) {
        for (Step s : steps) {
            if (s.kind() == Step.Kind.RETURN) {
                return s.words().size() == 2 ? Syntax.status(s.words().get(1)) : NdisStatus.SUCCESS;
            }
            try {
                MiniportSteps.run(s, handle, a.driver).check(s.line(), s.expected());
            } catch (StepFailure f) {
                inner[0] = f;
                return NdisStatus.FAILURE;
            }
        }
        return NdisStatus.SUCCESS;
    }

    /** A plain halt by a well-behaved driver (see {@link WellBehavedHalt}). */
    BiConsumer<NdisMiniportHandle, HaltAction> wellBehavedHalt(AdapterUnderTest a) {
        return WellBehavedHalt.of(a.control, run.environment()::ioClaims);
    }

    /** Binding starts on the engine's thread once port 0 is active (O-2, D16): wait until it is done. */
    private void settleBindings(AdapterUnderTest a) {
        AdapterView view = a.control.view();
        PortView zero = view.port(PortNumbers.DEFAULT_PORT_NUMBER);
        if (view.phase() != AdapterPhase.P2_OPERATIONAL || zero == null || zero.state() != PortState.ACTIVATED) {
            return;
        }
        Await.until(() -> {
            for (RecordingProtocol p : run.protocols()) {
                if (p.binding(a.name).isEmpty()) {
                    return "unbound";
                }
            }
            return null;
        }, run.timeoutMillis());
    }
}
