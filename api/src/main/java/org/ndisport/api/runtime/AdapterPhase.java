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
    P4_HALTED
}
