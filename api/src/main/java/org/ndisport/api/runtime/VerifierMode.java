package org.ndisport.api.runtime;

/** The verifier's mode (spec D21). */
public enum VerifierMode {
    /** Record violations; calls return their documented outcome. The default. */
    REPORT,
    /** A call into the runtime that records a violation throws {@code NdisVerifierException} instead. */
    FAIL_FAST
}
