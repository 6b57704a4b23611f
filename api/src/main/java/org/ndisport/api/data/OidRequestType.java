package org.ndisport.api.data;

/** {@code NDIS_REQUEST_TYPE} for OID requests. */
public enum OidRequestType {
    /** Query information. */
    QUERY_INFORMATION,
    /** Set information. */
    SET_INFORMATION,
    /** A method (query and set in one request). */
    METHOD
}
