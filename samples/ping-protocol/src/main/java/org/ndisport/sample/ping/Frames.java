package org.ndisport.sample.ping;

import org.ndisport.api.data.NetBufferList;

/** Ping frames: Ethernet II with the local experimental EtherType 0x88B5 and a marker in the payload. */
final class Frames {
    static final int ETHER_TYPE = 0x88B5;
    private static final byte[] MARKER = "ndisport-ping".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final int LENGTH = 64;

    private Frames() {
    }

    static NetBufferList chain(byte[] source, byte[] destination, int count) {
        NetBufferList head = null;
        for (int i = count - 1; i >= 0; i--) {
            byte[] f = new byte[LENGTH];
            System.arraycopy(destination, 0, f, 0, 6);
            System.arraycopy(source, 0, f, 6, 6);
            f[12] = (byte) (ETHER_TYPE >>> 8);
            f[13] = (byte) ETHER_TYPE;
            System.arraycopy(MARKER, 0, f, 14, MARKER.length);
            f[14 + MARKER.length] = (byte) (i >>> 8);
            f[15 + MARKER.length] = (byte) i;
            head = new NetBufferList(f, 0, f.length).next(head);
        }
        return head;
    }

    static boolean isPing(NetBufferList list) {
        byte[] d = list.data();
        int o = list.offset();
        if (list.length() < 14 + MARKER.length || (d[o + 12] & 0xFF) != ETHER_TYPE >>> 8 || (d[o + 13] & 0xFF) != (ETHER_TYPE & 0xFF)) {
            return false;
        }
        for (int i = 0; i < MARKER.length; i++) {
            if (d[o + 14 + i] != MARKER[i]) {
                return false;
            }
        }
        return true;
    }

    static String mac(byte[] a) {
        StringBuilder s = new StringBuilder();
        for (byte b : a) {
            s.append(s.length() == 0 ? "" : ":").append(String.format("%02x", b & 0xFF));
        }
        return s.toString();
    }
}
