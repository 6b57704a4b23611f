package org.ndisport.api.miniport;

/** {@code NDIS_HALT_ACTION}: why the runtime halts an adapter. */
public enum HaltAction {
    /** The device was disabled (the adapter or its driver is going away). */
    DEVICE_DISABLED,
    /** The device instance was uninstalled. */
    DEVICE_INSTANCE_DEINSTALLED,
    /** The device was powered down. */
    DEVICE_POWERED_DOWN,
    /** The device disappeared without warning (D34). */
    DEVICE_SURPRISE_REMOVED,
    /** The device failed. */
    DEVICE_FAILED,
    /** Initialization failed. */
    DEVICE_INITIALIZATION_FAILED,
    /** The device was stopped (the engine is going away). */
    DEVICE_STOPPED
}
