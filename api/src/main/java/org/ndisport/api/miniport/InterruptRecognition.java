package org.ndisport.api.miniport;

/** What a miniport's interrupt service routine answers (the BOOLEAN result and QueueDefaultInterruptDpc). */
public enum InterruptRecognition {
    /** The interrupt was not this device's. */
    NOT_RECOGNIZED,
    /** The device interrupted; the routine handled it fully and no DPC is needed. */
    RECOGNIZED,
    /** The device interrupted; the runtime queues the DPC. */
    RECOGNIZED_QUEUE_DPC
}
