package org.ndisport.core.internal;

import org.ndisport.api.runtime.VerifierMode;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the port lifecycle engine (PID {@code org.ndisport.core}). */
@ObjectClassDefinition(name = "ndisport engine",
        description = "The port lifecycle engine: verifier mode and limits.")
public @interface EngineConfiguration {
    /** The configuration PID. */
    String PID = "org.ndisport.core";
    /** Default verifier mode. */
    String DEFAULT_MODE = "REPORT";
    /** Default port limit: every valid number (D3). */
    int DEFAULT_PORT_LIMIT = 0xFFFFFF;
    /** Default number of verifier records retained. */
    int DEFAULT_CAPACITY = 10_000;
    /** Default time halt waits for outstanding sends and OIDs. */
    long DEFAULT_DRAIN_TIMEOUT_MS = 30_000;

    @AttributeDefinition(name = "Verifier mode",
            description = "REPORT records violations and returns the documented status; FAIL_FAST makes the "
                    + "offending call throw NdisVerifierException (spec D21).")
    VerifierMode verifier_mode() default VerifierMode.REPORT;

    @AttributeDefinition(name = "Port limit", min = "1", max = "16777215",
            description = "Highest port number allocation hands out; RESOURCES beyond it (spec D3).")
    int port_limit() default DEFAULT_PORT_LIMIT;

    @AttributeDefinition(name = "Verifier capacity", min = "1",
            description = "Verifier records retained; older ones are dropped, the total still counts them.")
    int verifier_capacity() default DEFAULT_CAPACITY;

    @AttributeDefinition(name = "Halt drain timeout (ms)", min = "0",
            description = "How long halt waits for outstanding sends and OIDs before halting with warning N3.")
    long halt_drain_timeout_ms() default DEFAULT_DRAIN_TIMEOUT_MS;
}
