package org.ndisport.api.port;

import java.util.Objects;

/**
 * A port's link fields: MediaConnectState, XmitLinkSpeed, RcvLinkSpeed and Direction (spec §1.2).
 *
 * @param mediaConnectState connect state
 * @param xmitLinkSpeed     unsigned 64-bit bits per second, {@link LinkSpeed#UNKNOWN} if unknown
 * @param rcvLinkSpeed      unsigned 64-bit bits per second, {@link LinkSpeed#UNKNOWN} if unknown
 * @param direction         send/receive direction
 */
public record LinkState(MediaConnectState mediaConnectState, long xmitLinkSpeed, long rcvLinkSpeed,
        NetIfDirection direction) {

    /** Unknown connect state and speeds, send and receive. */
    public static final LinkState UNKNOWN = new LinkState(MediaConnectState.UNKNOWN, LinkSpeed.UNKNOWN,
            LinkSpeed.UNKNOWN, NetIfDirection.SEND_RECEIVE);

    /** Null fields are not allowed. */
    public LinkState {
        Objects.requireNonNull(mediaConnectState, "mediaConnectState");
        Objects.requireNonNull(direction, "direction");
    }
}
