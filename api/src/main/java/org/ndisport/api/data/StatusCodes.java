package org.ndisport.api.data;

/** Status indication codes (not call results) used with {@link StatusIndication}. */
public final class StatusCodes {
    /** {@code NDIS_STATUS_PORT_STATE}: a port's link or auth state changed (§6.4). */
    public static final int NDIS_STATUS_PORT_STATE = 0x40010022;
    /** {@code NDIS_STATUS_LINK_STATE}: the adapter's link state changed. */
    public static final int NDIS_STATUS_LINK_STATE = 0x40010017;

    private StatusCodes() {
    }
}
