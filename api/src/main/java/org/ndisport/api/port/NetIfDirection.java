package org.ndisport.api.port;

/** {@code NET_IF_DIRECTION_TYPE} (spec §1.4). */
public enum NetIfDirection {
    /** Sends and receives. */
    SEND_RECEIVE,
    /** Sends only. */
    SEND_ONLY,
    /** Receives only. */
    RECEIVE_ONLY
}
