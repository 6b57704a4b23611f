package org.ndisport.testkit;

/** Ethernet frames for tests: addresses, EtherType 0x88B5 (local experimental) and a payload a seed tells apart. */
public final class Frames {
    /** The EtherType the frames carry: IEEE local experimental 1. */
    public static final int ETHER_TYPE = 0x88B5;

    private Frames() {
    }

    /**
     * A frame of {@code length} bytes (at least 14) from {@code source} to {@code destination} (6 bytes
     * each), whose payload bytes depend on their offset and {@code seed}.
     */
    public static byte[] ethernet(byte[] destination, byte[] source, int length, int seed) {
        if (destination.length != 6 || source.length != 6 || length < 14) {
            throw new IllegalArgumentException("6-byte addresses and at least 14 bytes, got " + length);
        }
        byte[] f = new byte[length];
        System.arraycopy(destination, 0, f, 0, 6);
        System.arraycopy(source, 0, f, 6, 6);
        f[12] = (byte) (ETHER_TYPE >>> 8);
        f[13] = (byte) ETHER_TYPE;
        for (int i = 14; i < length; i++) {
            f[i] = (byte) (i * 7 + seed);
        }
        return f;
    }
}
