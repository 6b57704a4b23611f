package org.ndisport.ioport.device.internal;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/** Parses and derives station addresses. */
final class MacAddresses {
    private MacAddresses() {
    }

    /**
     * {@code text} as six bytes ({@code 02:00:00:00:00:01} or with dashes); when empty, a locally
     * administered unicast address derived from {@code name}, stable across restarts.
     */
    static byte[] parseOrDerive(String text, String name) {
        if (text == null || text.isBlank()) {
            CRC32 crc = new CRC32();
            crc.update(name.getBytes(StandardCharsets.UTF_8));
            long v = crc.getValue();
            return new byte[] {0x02, 0x00, (byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
        }
        String[] parts = text.trim().split("[:-]");
        if (parts.length != 6) {
            throw new IllegalArgumentException("not a MAC address: " + text);
        }
        byte[] mac = new byte[6];
        for (int i = 0; i < 6; i++) {
            int b = Integer.parseInt(parts[i], 16);
            if (b < 0 || b > 0xFF) {
                throw new IllegalArgumentException("not a MAC address: " + text);
            }
            mac[i] = (byte) b;
        }
        return mac;
    }

    static String format(byte[] mac) {
        StringBuilder sb = new StringBuilder();
        for (byte b : mac) {
            sb.append(sb.length() == 0 ? "" : ":").append(String.format("%02x", b & 0xFF));
        }
        return sb.toString();
    }
}
