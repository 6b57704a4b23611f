package org.ndisport.api.io;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The runtime's end of a device's interrupt line. A device calls {@link #interrupt()} when its line
 * goes active (an edge); the runtime then runs the miniport's interrupt service routine at DIRQL and,
 * if it asks, the DPC at DISPATCH (D31) on the adapter's interrupt thread, never on the caller's.
 * Implemented by the engine; lock-free and allocation-free, so a device may call it while holding
 * its own lock and at any IRQL.
 */
@ProviderType
public interface InterruptSink {
    /** Signals one interrupt. Signals arriving before the last one was serviced may coalesce. */
    void interrupt();
}
