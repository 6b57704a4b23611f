package org.ndisport.core.adapter.internal;

import org.ndisport.api.runtime.AdapterPhase;
import org.ndisport.api.runtime.PortState;

/** Where the engine reports adapter phase and port state changes (EventAdmin when present). */
public interface RuntimeEvents {
    /** Reports nothing. */
    RuntimeEvents NONE = new RuntimeEvents() {
        @Override
        public void phaseChanged(String adapter, AdapterPhase phase) {
        }

        @Override
        public void portStateChanged(String adapter, int port, PortState state) {
        }
    };

    /** An adapter entered a phase. */
    void phaseChanged(String adapter, AdapterPhase phase);

    /** A port entered a state (NONEXISTENT when freed or reclaimed). */
    void portStateChanged(String adapter, int port, PortState state);
}
