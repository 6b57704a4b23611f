package org.ndisport.api.port;

/** {@code NET_IF_MEDIA_CONNECT_STATE} (spec §1.4). */
public enum MediaConnectState {
    /** Not known. */
    UNKNOWN,
    /** Connected. */
    CONNECTED,
    /** Disconnected. */
    DISCONNECTED
}
