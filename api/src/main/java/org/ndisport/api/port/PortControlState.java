package org.ndisport.api.port;

/** {@code NDIS_PORT_CONTROL_STATE} (spec §1.4), kept per direction. */
public enum PortControlState {
    /** Not known. */
    UNKNOWN,
    /** The direction requires authorization. */
    CONTROLLED,
    /** The direction does not require authorization; its authorization state is ignored. */
    UNCONTROLLED
}
