package org.ndisport.api;

/**
 * Interrupt request levels as the runtime models them per thread (spec D31).
 *
 * <p>The runtime sets the level on entry to each driver callback; a driver raises it with
 * {@code NdisMiniportHandle.raiseIrql} (as it would by taking a spin lock) and lowers it again.
 */
public enum Irql {
    /** Ordinary thread context: initialize, halt, OID and PnP callbacks, driver threads. */
    PASSIVE_LEVEL,
    /** Asynchronous procedure calls. */
    APC_LEVEL,
    /** Spin locks, DPCs, send and receive-return callbacks. */
    DISPATCH_LEVEL,
    /** Device interrupt level: inside an interrupt service routine. */
    DIRQL
}
