package org.ndisport.api.runtime;

/** A port's state as the runtime's queries show it, transition flags included (spec §1.2, D32). */
public enum PortState {
    /** Not allocated: never allocated, or freed. */
    NONEXISTENT,
    /** Allocated and inactive. */
    ALLOCATED,
    /** An activation event is in flight; formally still ALLOCATED. */
    ACTIVATING,
    /** Active. */
    ACTIVATED,
    /** A deactivation event is in flight; formally still ACTIVATED (R33). */
    DEACTIVATING;

    /** The formal lifecycle state: ACTIVATING reads ALLOCATED, DEACTIVATING reads ACTIVATED. */
    public PortState formal() {
        return switch (this) {
            case ACTIVATING -> ALLOCATED;
            case DEACTIVATING -> ACTIVATED;
            default -> this;
        };
    }

    /** True while an activation or deactivation event is in flight. */
    public boolean inFlight() {
        return this == ACTIVATING || this == DEACTIVATING;
    }
}
