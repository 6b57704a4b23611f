package org.ndisport.core.internal;

import java.lang.annotation.Annotation;
import org.ndisport.api.runtime.VerifierMode;

/** Engine configurations for tests, as SCR would build them from ConfigAdmin properties. */
public final class TestConfigs {
    private TestConfigs() {
    }

    public static EngineConfiguration engine(VerifierMode mode, int portLimit) {
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
                return DEFAULT_CAPACITY;
            }

            @Override
            public long halt_drain_timeout_ms() {
                return 1_000;
            }
        };
    }
}
