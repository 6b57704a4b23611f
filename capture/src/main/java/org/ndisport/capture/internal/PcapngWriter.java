package org.ndisport.capture.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import org.ndisport.api.capture.FrameDirection;

/**
 * Writes the pcapng blocks a capture needs (draft-ietf-opsawg-pcapng §4): one Section Header Block, one
 * Interface Description Block per interface (link type Ethernet, if_name, if_tsresol) and one Enhanced
 * Packet Block per frame with epb_flags carrying the direction (§4.3.1: inbound 1, outbound 2).
 * Little-endian, every block and option value padded to 32 bits. Not thread-safe: one writer thread.
 */
final class PcapngWriter {
    static final int SHB = 0x0A0D0D0A;
    static final int IDB = 0x00000001;
    static final int EPB = 0x00000006;
    static final int BYTE_ORDER_MAGIC = 0x1A2B3C4D;
    static final int LINKTYPE_ETHERNET = 1;
    static final short OPT_ENDOFOPT = 0;
    static final short SHB_USERAPPL = 4;
    static final short IF_NAME = 2;
    static final short IF_TSRESOL = 9;
    static final short EPB_FLAGS = 2;

    private final WritableByteChannel out;
    private final boolean nanoseconds;
    private ByteBuffer buffer = ByteBuffer.allocate(64 * 1024).order(ByteOrder.LITTLE_ENDIAN);
    private int interfaces;
    private int blockStart;

    /** A writer to {@code out}; timestamps in nanoseconds (if_tsresol 9) or microseconds (the default, 6). */
    PcapngWriter(WritableByteChannel out, boolean nanoseconds) {
        this.out = out;
        this.nanoseconds = nanoseconds;
    }

    /** The Section Header Block: version 1.0, section length unknown (-1), shb_userappl. */
    void sectionHeader(String application) throws IOException {
        byte[] appl = application.getBytes(StandardCharsets.UTF_8);
        begin(SHB, 16 + optionSize(appl.length) + 4);
        buffer.putInt(BYTE_ORDER_MAGIC).putShort((short) 1).putShort((short) 0).putLong(-1L);
        option(SHB_USERAPPL, appl);
        end();
    }

    /** An Interface Description Block named {@code name}; returns its interface id (0, 1, ...). */
    int interfaceDescription(String name) throws IOException {
        byte[] ifName = name.getBytes(StandardCharsets.UTF_8);
        begin(IDB, 8 + optionSize(ifName.length) + optionSize(1) + 4);
        buffer.putShort((short) LINKTYPE_ETHERNET).putShort((short) 0).putInt(0);
        option(IF_NAME, ifName);
        option(IF_TSRESOL, new byte[] {(byte) (nanoseconds ? 9 : 6)});
        end();
        return interfaces++;
    }

    /** An Enhanced Packet Block of interface {@code interfaceId}. */
    void enhancedPacket(int interfaceId, long timestampNanos, FrameDirection direction, byte[] data, int offset,
            int length) throws IOException {
        if (interfaceId < 0 || interfaceId >= interfaces) {
            throw new IllegalArgumentException("interface " + interfaceId + " has no Interface Description Block");
        }
        long ticks = nanoseconds ? timestampNanos : Math.floorDiv(timestampNanos, 1000L);
        begin(EPB, 20 + padded(length) + optionSize(4) + 4);
        buffer.putInt(interfaceId).putInt((int) (ticks >>> 32)).putInt((int) ticks).putInt(length).putInt(length);
        buffer.put(data, offset, length);
        pad(length);
        buffer.putShort(EPB_FLAGS).putShort((short) 4).putInt(direction == FrameDirection.INBOUND ? 1 : 2);
        end();
    }

    /** Writes out what is buffered. */
    void flush() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
        buffer.clear();
    }

    /** Block type and total length; the body, the options and opt_endofopt make up {@code body} bytes. */
    private void begin(int type, int body) throws IOException {
        int total = 8 + body + 4;
        if (buffer.remaining() < total) {
            flush();
            if (buffer.capacity() < total) {
                buffer = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
            }
        }
        blockStart = buffer.position();
        buffer.putInt(type).putInt(total);
    }

    /** opt_endofopt and the trailing copy of the block total length. */
    private void end() {
        buffer.putShort(OPT_ENDOFOPT).putShort((short) 0);
        buffer.putInt(buffer.getInt(blockStart + 4));
    }

    private void option(short code, byte[] value) {
        buffer.putShort(code).putShort((short) value.length).put(value);
        pad(value.length);
    }

    private void pad(int length) {
        for (int i = length; i < padded(length); i++) {
            buffer.put((byte) 0);
        }
    }

    private static int optionSize(int valueLength) {
        return 4 + padded(valueLength);
    }

    static int padded(int length) {
        return (length + 3) & ~3;
    }
}
