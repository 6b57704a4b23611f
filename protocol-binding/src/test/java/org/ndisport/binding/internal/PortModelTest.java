package org.ndisport.binding.internal;

import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.ActionChainArbitrary;
import net.jqwik.api.state.ChangeDetector;
import net.jqwik.api.state.Transformer;
import org.ndisport.api.runtime.VerifierMode;

/**
 * Model-based test of the port model (spec §1.1, §1.2, §2.1–§2.6, §4.1, D1–D34 as they bear on ports),
 * of I/O port ranges (§5, R62–R74) and of status indications (§2.5, §6.4): random sequences of
 * allocations, frees, well-formed and malformed port events (with sends, frees, allocations, repeated
 * events, receives and status indications inside the protocols' callbacks), protocols arriving and
 * leaving, sends, OID_GEN_PORT_STATE, receives, status indications, I/O registrations, deregistrations
 * and raw or immediate accesses, halts with leftovers, re-creation with scripted initialize and calls on
 * stale handles, on two adapters of the real engine with the real binding layer, over the real I/O port
 * space of ioport-hw with two latch cards. After every step the engine must agree with {@link PortModel}
 * and {@link IoModel} (see {@link StepCheck}).
 *
 * <p>1,000 sequences of up to 40 steps per mode by default. {@code -Dndisport.model.tries=N} runs N (the
 * long profile: {@code mvn -B test -pl protocol-binding -Dtest=PortModelTest -Dndisport.model.tries=100000}),
 * {@code -Dndisport.model.seed=S} replays a run, {@code -Dndisport.model.shrinking=FULL} lifts jqwik's
 * shrinking bound. A failure is reported as a minimal replayable sequence ({@link SequenceMinimizer}).
 */
class PortModelTest {
    static final int DEFAULT_TRIES = 1_000;
    static final int MAX_STEPS = 40;

    @Property
    @AddLifecycleHook(RunSettings.class)
    void engineFollowsThePortModel(@ForAll("sequences") ActionChain<PortModelWorld> chain) {
        chain.run();
    }

    /**
     * The same in FAIL_FAST mode (D21): a call the model says records a violation must throw
     * NdisVerifierException with no other effect; records at a callback's return (R39-R41) are still made.
     */
    @Property
    @AddLifecycleHook(RunSettings.class)
    void engineFollowsThePortModelInFailFastMode(@ForAll("failFastSequences") ActionChain<PortModelWorld> chain) {
        chain.run();
    }

    @Provide
    Arbitrary<ActionChain<PortModelWorld>> sequences() {
        return sequences(VerifierMode.REPORT);
    }

    @Provide
    Arbitrary<ActionChain<PortModelWorld>> failFastSequences() {
        return sequences(VerifierMode.FAIL_FAST);
    }

    private static Arbitrary<ActionChain<PortModelWorld>> sequences(VerifierMode mode) {
        ActionChainArbitrary<PortModelWorld> chains = ActionChain.startWith(() -> new PortModelWorld(mode));
        for (var weighted : PortModelActions.all()) {
            chains = chains.withAction(weighted.get1(), weighted.get2());
        }
        return chains.withMaxTransformations(MAX_STEPS).improveShrinkingWith(StateChange::new);
    }

    /** A step that changes neither the model's state nor the closed bindings is the first to go when shrinking. */
    static final class StateChange implements ChangeDetector<PortModelWorld> {
        private String before;

        @Override
        public void before(PortModelWorld w) {
            before = w.fingerprint();
        }

        @Override
        public boolean hasChanged(PortModelWorld w) {
            return !before.equals(w.fingerprint());
        }
    }

    /**
     * Tries from {@code ndisport.model.tries} (default 1,000), seed from {@code ndisport.model.seed},
     * shrinking mode from {@code ndisport.model.shrinking}; a failure's sequence is then reduced by ddmin.
     */
    public static final class RunSettings implements AroundPropertyHook {
        @Override
        public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
            context.attributes().setTries(Integer.getInteger("ndisport.model.tries", DEFAULT_TRIES));
            String seed = System.getProperty("ndisport.model.seed", "");
            if (!seed.isEmpty()) {
                context.attributes().setSeed(seed);
            }
            String shrinking = System.getProperty("ndisport.model.shrinking", "");
            if (!shrinking.isEmpty()) {
                context.attributes().setShrinking(ShrinkingMode.valueOf(shrinking));
            }
            PropertyExecutionResult result = property.execute();
            if (result.status() != PropertyExecutionResult.Status.FAILED || result.falsifiedParameters().isEmpty()
                    || !(result.falsifiedParameters().get().get(0) instanceof ActionChain<?> chain)) {
                return result;
            }
            @SuppressWarnings("unchecked")
            List<Transformer<PortModelWorld>> steps = (List<Transformer<PortModelWorld>>) (List<?>) chain.transformers();
            VerifierMode mode = context.targetMethod().getName().contains("FailFast") ? VerifierMode.FAIL_FAST
                    : VerifierMode.REPORT;
            return SequenceMinimizer.minimize(steps, mode).map(m -> result.mapToFailed(new AssertionError(m.describe()
                    + "\n(seed " + result.seed().orElse("?") + ")", result.throwable().orElse(null)))).orElse(result);
        }
    }
}
