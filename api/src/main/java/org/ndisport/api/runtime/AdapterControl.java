package org.ndisport.api.runtime;

import org.ndisport.api.NdisStatus;
import org.ndisport.api.miniport.HaltAction;
import org.osgi.annotation.versioning.ProviderType;

/** Drives one programmatically created adapter through its lifecycle. Thread safe. */
@ProviderType
public interface AdapterControl {
    /** The adapter's name. */
    String name();

    /**
     * Calls MiniportInitializeEx at PASSIVE and returns what it returned (or FAILURE when it threw or
     * returned success without setting registration attributes). Leftovers of a failing initialize are
     * reported and reclaimed (R39, R71). Throws IllegalStateException if already initialized.
     */
    NdisStatus initialize();

    /**
     * Schedules a halt, closes every binding (D34), calls MiniportHaltEx at PASSIVE, then reports and
     * reclaims leftovers (R40-R42, R70) and removes the adapter. Does nothing if already halted.
     */
    void halt(HaltAction action);

    /** A snapshot of the adapter. */
    AdapterView view();
}
