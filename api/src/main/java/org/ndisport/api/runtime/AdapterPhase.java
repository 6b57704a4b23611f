package org.ndisport.api.runtime;

/** An adapter's phase for ports and I/O ranges (spec §1.1). */
public enum AdapterPhase {
    /** Inside initialize, before registration attributes were set. */
    P0_INIT_PRE_REG,
    /** Inside initialize, after registration attributes were set. */
    P1_INIT_POST_REG,
    /** Initialize returned success; halt not yet called. */
    P2_OPERATIONAL,
    /** Inside halt. */
    P3_HALTING,
    /** Halt returned or initialize failed; the handle is stale. */
    P4_HALTED;

    /** How tools and scenario files name the phase: initializing (P0, P1), running, halting, halted. */
    public String label() {
        return switch (this) {
            case P0_INIT_PRE_REG, P1_INIT_POST_REG -> "initializing";
            case P2_OPERATIONAL -> "running";
            case P3_HALTING -> "halting";
            case P4_HALTED -> "halted";
        };
    }
}
