package org.ndisport.api;

/**
 * Port number constants and unsigned helpers (spec §1.2, §0.4).
 *
 * <p>An {@code NDIS_PORT_NUMBER} is an unsigned 32-bit value held in a Java {@code int}: -1 is
 * 0xFFFFFFFF. Valid numbers are 0..0xFFFFFF; 0 is the default port.
 */
public final class PortNumbers {
    /** {@code NDIS_DEFAULT_PORT_NUMBER}: the default port, or "not port-specific" (R44). */
    public static final int DEFAULT_PORT_NUMBER = 0;
    /** {@code NDIS_MAXIMUM_PORTS}: the count of port numbers including port 0. */
    public static final int MAXIMUM_PORTS = 0x1000000;
    /** The highest valid port number. */
    public static final int MAX_PORT_NUMBER = 0xFFFFFF;

    private PortNumbers() {
    }

    /** True when {@code n}, read unsigned, is a valid port number (0..0xFFFFFF). */
    public static boolean isValid(int n) {
        return Integer.compareUnsigned(n, MAX_PORT_NUMBER) <= 0;
    }

    /** The unsigned decimal form of a port number. */
    public static String toString(int n) {
        return Integer.toUnsignedString(n);
    }
}
