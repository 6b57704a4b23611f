package org.ndisport.core.adapter.internal;

import java.time.Clock;
import org.ndisport.api.runtime.AdapterSpec;
import org.ndisport.api.runtime.VerifierMode;
import org.ndisport.api.runtime.Violation;
import org.ndisport.core.verifier.internal.VerifierCore;

/** An engine context for unit tests (also used by protocol-binding's tests): a real verifier, bindings announced synchronously on the caller. */
public final class EngineFixture {
    public static final String BUNDLE = "test.driver.bundle";

    public final VerifierCore verifier;
    public final EngineContext context;

    public EngineFixture() {
        this(VerifierMode.REPORT);
    }

    public EngineFixture(VerifierMode mode) {
        verifier = new VerifierCore(mode, 100_000, Clock.systemUTC());
        context = new EngineContext(verifier, Runnable::run);
    }

    /** A new adapter (not initialized) driven by {@code driver}. */
    public AdapterRuntime adapter(String name, ScriptedMiniport driver) {
        return new AdapterRuntime(AdapterSpec.virtual(name, driver, BUNDLE), context);
    }

    /** An adapter initialized with the driver's init script; asserts nothing. */
    public AdapterRuntime initialized(String name, ScriptedMiniport driver) {
        AdapterRuntime a = adapter(name, driver);
        a.initialize();
        return a;
    }

    /** Rule ids of every record so far, in order. */
    public java.util.List<String> ruleIds() {
        return verifier.violations().stream().map(Violation::ruleId).toList();
    }
}
