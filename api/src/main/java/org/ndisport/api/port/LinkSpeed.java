package org.ndisport.api.port;

/** Link speed constants (spec §0.4): unsigned 64-bit bits per second. */
public final class LinkSpeed {
    /** {@code NDIS_LINK_SPEED_UNKNOWN}: 0xFFFFFFFFFFFFFFFF. */
    public static final long UNKNOWN = -1L;

    private LinkSpeed() {
    }
}
