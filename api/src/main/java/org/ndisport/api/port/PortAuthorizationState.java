package org.ndisport.api.port;

/** {@code NDIS_PORT_AUTHORIZATION_STATE} (spec §1.4), kept per direction. */
public enum PortAuthorizationState {
    /** Not known. */
    UNKNOWN,
    /** Authorized. */
    AUTHORIZED,
    /** Not authorized. */
    UNAUTHORIZED,
    /** Authorization is being renewed. */
    REAUTHORIZING
}
