package org.ndisport.api.port;

import java.util.Objects;
import org.ndisport.api.NdisObjectHeader;

/**
 * {@code NDIS_PORT_AUTHENTICATION_PARAMETERS} (spec §1.5): the adapter's default auth states passed
 * to initialize (§1.3), and the buffer of OID_GEN_PORT_AUTHENTICATION_PARAMETERS (§6.3).
 *
 * @param header     0x80 / 1 / 20 when well formed
 * @param authStates the four control and authorization states
 */
public record PortAuthenticationParameters(NdisObjectHeader header, AuthStates authStates) {
    /** {@code NDIS_SIZEOF_PORT_AUTHENTICATION_PARAMETERS_REVISION_1}. */
    public static final int SIZE = 20;

    /** The auth states must be present. */
    public PortAuthenticationParameters {
        Objects.requireNonNull(authStates, "authStates");
    }

    /** A well-formed value carrying the given states. */
    public static PortAuthenticationParameters of(AuthStates authStates) {
        return new PortAuthenticationParameters(NdisObjectHeader.defaultRevision1(SIZE), authStates);
    }
}
