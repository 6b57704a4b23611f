package org.ndisport.api;

import org.ndisport.api.runtime.Violation;

/**
 * Thrown, in FAIL_FAST verifier mode, by a call into the runtime that breaks a driver obligation
 * (spec §0.3, D21). The call has no other effect.
 */
public class NdisVerifierException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Violation violation;

    /** An exception carrying the violation that the offending call recorded. */
    public NdisVerifierException(Violation violation) {
        super(violation.toString());
        this.violation = violation;
    }

    /** The recorded violation: rule id, adapter, port and calling bundle. */
    public Violation violation() {
        return violation;
    }

    /** The rule id broken, e.g. {@code R1} or {@code P-4}. */
    public String ruleId() {
        return violation.ruleId();
    }
}
