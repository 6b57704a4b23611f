package org.ndisport.core.internal;

import java.lang.annotation.Annotation;
import org.ndisport.api.runtime.VerifierMode;

/** Engine configurations for tests, as SCR would build them from ConfigAdmin properties. */
public final class TestConfigs {
    private TestConfigs() {
    }

    public static EngineConfiguration engine(VerifierMode mode, int portLimit) {
        return engine(mode, portLimit, EngineConfiguration.DEFAULT_CAPACITY, 1_000);
    }

    /** Every engine property given, bad values included (as a hand-written configuration may hold them). */
    public static EngineConfiguration engine(VerifierMode mode, int portLimit, int capacity, long drainTimeoutMillis) {
        return new EngineConfiguration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return EngineConfiguration.class;
            }

            @Override
            public VerifierMode verifier_mode() {
                return mode;
            }

            @Override
            public int port_limit() {
                return portLimit;
            }

            @Override
            public int verifier_capacity() {
                return capacity;
            }

            @Override
            public long halt_drain_timeout_ms() {
                return drainTimeoutMillis;
            }
        };
    }
}
