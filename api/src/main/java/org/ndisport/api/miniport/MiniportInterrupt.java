package org.ndisport.api.miniport;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * {@code NDIS_MINIPORT_INTERRUPT_CHARACTERISTICS}: the interrupt handlers a miniport registers with
 * {@link NdisMiniportHandle#registerInterrupt}. Both run on the adapter's interrupt thread, one at a time
 * (D31): {@link #isr} at DIRQL, {@link #dpc} at DISPATCH. A handler that throws is recorded as N1.
 */
@ConsumerType
public interface MiniportInterrupt {
    /**
     * MiniportInterrupt, at DIRQL: find out whether the device interrupted, silence it (typically by
     * masking its interrupts) and ask for the DPC. Keep it short: only register accesses.
     */
    InterruptRecognition isr(NdisMiniportHandle handle);

    /** MiniportInterruptDPC, at DISPATCH: do the work (receive, send completion) and unmask the device. */
    void dpc(NdisMiniportHandle handle);
}
