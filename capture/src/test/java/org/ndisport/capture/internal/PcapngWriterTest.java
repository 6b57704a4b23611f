package org.ndisport.capture.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ndisport.api.capture.FrameDirection;

/** The pcapng blocks byte by byte against draft-ietf-opsawg-pcapng §4.1 (SHB), §4.2 (IDB), §4.3 (EPB) (N62). */
class PcapngWriterTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    private PcapngWriter writer(boolean nanoseconds) {
        return new PcapngWriter(Channels.newChannel(bytes), nanoseconds);
    }

    private ByteBuffer written() {
        return ByteBuffer.wrap(bytes.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static byte[] le(int... words) {
        ByteBuffer b = ByteBuffer.allocate(words.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int w : words) {
            b.putInt(w);
        }
        return b.array();
    }

    @Test
    @DisplayName("N62 SHB: type, total length, byte-order magic, version 1.0, section length -1, shb_userappl, opt_endofopt, length again")
    void n62_sectionHeaderBlock() throws IOException {
        PcapngWriter w = writer(false);
        w.sectionHeader("ndisport");
        w.flush();
        byte[] expected = concat(le(0x0A0D0D0A, 44, 0x1A2B3C4D, 0x0000_0001, -1, -1),
                le(0x0008_0004), "ndisport".getBytes(), le(0, 44));
        assertArrayEquals(expected, bytes.toByteArray());
    }

    @Test
    @DisplayName("N62 IDB: link type 1 (Ethernet), snaplen 0, if_name padded to 32 bits, if_tsresol 6 (µs) or 9 (ns)")
    void n62_interfaceDescriptionBlock() throws IOException {
        PcapngWriter w = writer(false);
        assertEquals(0, w.interfaceDescription("nicA/port1"));
        PcapngWriter ns = new PcapngWriter(Channels.newChannel(bytes), true);
        ns.interfaceDescription("n/port0");
        w.flush();
        ns.flush();
        // 8 header + 8 body + if_name (4 + 12: "nicA/port1" is 10 bytes, padded) + if_tsresol (4 + 4) + end (4) + 4
        byte[] first = concat(le(1, 48, 0x0000_0001, 0), le(0x000A_0002), "nicA/port1".getBytes(), new byte[2],
                le(0x0001_0009), new byte[] {6, 0, 0, 0}, le(0, 48));
        byte[] second = concat(le(1, 44, 0x0000_0001, 0), le(0x0007_0002), "n/port0".getBytes(), new byte[1],
                le(0x0001_0009), new byte[] {9, 0, 0, 0}, le(0, 44));
        assertArrayEquals(concat(first, second), bytes.toByteArray());
    }

    @Test
    @DisplayName("N62 EPB: interface id, 64-bit timestamp in if_tsresol units, lengths, data padded, epb_flags inbound 1 / outbound 2")
    void n62_enhancedPacketBlock() throws IOException {
        PcapngWriter w = writer(false);
        w.interfaceDescription("a/port0");
        w.flush();
        bytes.reset();
        byte[] frame = {9, 1, 2, 3, 4, 5, 9};
        long nanos = 0x0000_0123_4567_89ABL * 1000 + 999;
        w.enhancedPacket(0, nanos, FrameDirection.INBOUND, frame, 1, 5);
        w.enhancedPacket(0, nanos, FrameDirection.OUTBOUND, frame, 0, 4);
        w.flush();
        // 8 header + 20 + 8 data (5 padded) + epb_flags (4 + 4) + end (4) + 4 = 52; a 4-byte frame: 48
        byte[] in = concat(le(6, 52, 0, 0x0000_0123, 0x4567_89AB, 5, 5), new byte[] {1, 2, 3, 4, 5, 0, 0, 0},
                le(0x0004_0002, 1, 0, 52));
        byte[] out = concat(le(6, 48, 0, 0x0000_0123, 0x4567_89AB, 4, 4), new byte[] {9, 1, 2, 3},
                le(0x0004_0002, 2, 0, 48));
        assertArrayEquals(concat(in, out), bytes.toByteArray());
    }

    @Test
    @DisplayName("N62 EPB with if_tsresol 9 carries the timestamp in nanoseconds")
    void n62_nanosecondTimestamps() throws IOException {
        PcapngWriter w = writer(true);
        w.interfaceDescription("a/port0");
        w.flush();
        bytes.reset();
        w.enhancedPacket(0, 1_700_000_000_123_456_789L, FrameDirection.INBOUND, new byte[4], 0, 4);
        w.flush();
        ByteBuffer b = written();
        long high = Integer.toUnsignedLong(b.getInt(12));
        long low = Integer.toUnsignedLong(b.getInt(16));
        assertEquals(1_700_000_000_123_456_789L, high << 32 | low);
    }

    @Test
    @DisplayName("N62 a frame larger than the write buffer is written whole")
    void n62_largeFrame() throws IOException {
        PcapngWriter w = writer(false);
        w.interfaceDescription("a/port0");
        w.flush();
        bytes.reset();
        byte[] big = new byte[100_001];
        big[100_000] = 7;
        w.enhancedPacket(0, 0, FrameDirection.OUTBOUND, big, 0, big.length);
        w.flush();
        ByteBuffer b = written();
        int total = 8 + 20 + 100_004 + 8 + 4 + 4;
        assertEquals(total, b.getInt(4));
        assertEquals(total, b.getInt(total - 4));
        assertEquals(7, b.get(28 + 100_000));
    }

    @Test
    @DisplayName("N62 an EPB needs the IDB of its interface first")
    void n62_packetWithoutInterface_refused() {
        PcapngWriter w = writer(false);
        assertThrows(IllegalArgumentException.class,
                () -> w.enhancedPacket(0, 0, FrameDirection.INBOUND, new byte[1], 0, 1));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
