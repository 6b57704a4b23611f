package org.ndisport.ioport.device.internal;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/** Parses and derives station addresses. */
final class MacAddresses {
    private MacAddresses() {
    }

    /**
     * {@code text} as six bytes ({@code 02:00:00:00:00:01} or with dashes, two hex digits each, an
     * individual address: N46); when empty, a locally administered unicast address derived from
     * {@code name}, stable across restarts. IllegalArgumentException for anything else.
     */
    static byte[] parseOrDerive(String text, String name) {
        if (text == null || text.isBlank()) {
            CRC32 crc = new CRC32();
            crc.update(name.getBytes(StandardCharsets.UTF_8));
            long v = crc.getValue();
            return new byte[] {0x02, 0x00, (byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
        }
        String trimmed = text.trim();
        if (!trimmed.matches("\\p{XDigit}{2}([:-]\\p{XDigit}{2}){5}")) {
            throw new IllegalArgumentException("not a MAC address (six two-digit hex octets): " + text);
        }
        String[] parts = trimmed.split("[:-]");
        byte[] mac = new byte[6];
        for (int i = 0; i < 6; i++) {
            mac[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        if ((mac[0] & 1) != 0) {
            throw new IllegalArgumentException("a group (multicast or broadcast) address cannot be a station address: "
                    + text);
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
