package org.ndisport.itests;

/** Ethernet frames with a recognisable payload, for the tests that carry frames between the NE2000s. */
final class EndToEndFrames {
    private EndToEndFrames() {
    }

    /** A frame of {@code length} bytes from {@code source} to {@code destination}, EtherType 0x88B5. */
    static byte[] frame(byte[] destination, byte[] source, int length) {
        byte[] f = new byte[length];
        System.arraycopy(destination, 0, f, 0, 6);
        System.arraycopy(source, 0, f, 6, 6);
        f[12] = (byte) 0x88;
        f[13] = (byte) 0xB5;
        for (int i = 14; i < length; i++) {
            f[i] = (byte) (i * 7 + length);
        }
        return f;
    }
}
