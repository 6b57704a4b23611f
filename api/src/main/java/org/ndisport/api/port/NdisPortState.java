package org.ndisport.api.port;

import java.util.Objects;
import org.ndisport.api.NdisObjectHeader;

/**
 * {@code NDIS_PORT_STATE} (spec §1.5): the buffer of an NDIS_STATUS_PORT_STATE indication (§6.4) and
 * the answer of OID_GEN_PORT_STATE (§6.2).
 *
 * @param header     0x80 (or 0x9D) / revision 1 / size 48 when well formed
 * @param linkState  link fields
 * @param authStates control and authorization states
 * @param flags      reserved, 0
 */
public record NdisPortState(NdisObjectHeader header, LinkState linkState, AuthStates authStates, int flags) {
    /** {@code NDIS_SIZEOF_PORT_STATE_REVISION_1}. */
    public static final int SIZE = 48;

    /** Link and auth fields must be present; the header may be null to express a malformed value. */
    public NdisPortState {
        Objects.requireNonNull(linkState, "linkState");
        Objects.requireNonNull(authStates, "authStates");
    }

    /** A well-formed value with header 0x80/1/48 and flags 0. */
    public static NdisPortState of(LinkState linkState, AuthStates authStates) {
        return new NdisPortState(NdisObjectHeader.defaultRevision1(SIZE), linkState, authStates, 0);
    }
}
