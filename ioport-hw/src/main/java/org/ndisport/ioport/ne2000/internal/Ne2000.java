package org.ndisport.ioport.ne2000.internal;

import java.util.List;
import org.ndisport.api.io.InterruptSink;
import org.ndisport.api.io.IoDevice;
import org.ndisport.api.io.IoPortRange;
import org.ndisport.api.io.IoWidth;
import org.ndisport.ioport.ethernet.internal.EthernetSegment;
import org.ndisport.ioport.ethernet.internal.Station;

/**
 * An NE2000-compatible ISA network card: 32 I/O ports from its base, the DP8390's registers at
 * base+0x00..0x0F, the remote-DMA data port at base+0x10..0x17 (8 or 16 bits per transfer, by DCR.WTS)
 * and the reset port at base+0x18..0x1F (any read or write resets the card). Wider accesses are split
 * the way the ISA bus splits them. Transmitted frames go onto its Ethernet segment; frames from the
 * segment land in its receive ring.
 */
public final class Ne2000 implements IoDevice, Station {
    /** Ports the card decodes. */
    public static final int IO_LENGTH = 0x20;
    /** Offset of the data port. */
    public static final int DATA_PORT = 0x10;
    /** Offset of the reset port. */
    public static final int RESET_PORT = 0x1F;

    private final int base;
    private final byte[] mac;
    private final Dp8390 chip;
    private final EthernetSegment segment;
    private final byte[] transmitBuffer = new byte[Dp8390.MAX_FRAME];

    /** A card at {@code base} with station address {@code mac}, on {@code segment}. */
    public Ne2000(int base, byte[] mac, EthernetSegment segment) {
        if (mac.length != 6) {
            throw new IllegalArgumentException("a MAC address has 6 bytes, not " + mac.length);
        }
        new IoPortRange(base, IO_LENGTH);
        this.base = base;
        this.mac = mac.clone();
        this.chip = new Dp8390(new CardMemory(this.mac));
        this.segment = segment;
    }

    /** Connects the card to the wire. */
    public void plugIn() {
        segment.attach(this);
    }

    /** Disconnects it from the wire. */
    public void unplug() {
        segment.detach(this);
    }

    /** The address in the card's PROM. */
    public byte[] mac() {
        return mac.clone();
    }

    /** Frames the receive ring had no room for (a full ring on real hardware drops them too). */
    public long missedFrames() {
        return chip.missedFrames();
    }

    /** Connects the interrupt line (null disconnects). */
    public void connectInterrupt(InterruptSink sink) {
        chip.connect(sink);
    }

    @Override
    public List<IoPortRange> decodedRanges() {
        return List.of(new IoPortRange(base, IO_LENGTH));
    }

    @Override
    public int read(int port, IoWidth width) {
        int offset = port - base;
        if (offset >= DATA_PORT && offset < DATA_PORT + 8) {
            return dataRead(width);
        }
        int value = 0;
        for (int i = 0; i < width.bytes(); i++) {
            value |= readByte(offset + i) << (8 * i);
        }
        return value;
    }

    @Override
    public void write(int port, IoWidth width, int value) {
        int offset = port - base;
        if (offset >= DATA_PORT && offset < DATA_PORT + 8) {
            dataWrite(width, value);
            return;
        }
        for (int i = 0; i < width.bytes(); i++) {
            writeByte(offset + i, (value >>> (8 * i)) & 0xFF);
        }
    }

    @Override
    public void frameOnWire(byte[] frame, int length) {
        chip.receive(frame, length);
    }

    private int readByte(int offset) {
        if (offset < DATA_PORT) {
            return chip.readRegister(offset);
        }
        if (offset < DATA_PORT + 8) {
            return chip.dataRead(1);
        }
        if (offset < IO_LENGTH) {
            chip.reset();
            return 0;
        }
        return 0xFF;
    }

    private void writeByte(int offset, int value) {
        if (offset < DATA_PORT) {
            if (chip.writeRegister(offset, value)) {
                transmit();
            }
        } else if (offset < DATA_PORT + 8) {
            chip.dataWrite(1, value);
        } else if (offset < IO_LENGTH) {
            chip.reset();
        }
    }

    /** Byte mode moves one byte per access whatever its width; word mode one word per 16 bits. */
    private int dataRead(IoWidth width) {
        if (!chip.wordTransfers()) {
            return chip.dataRead(1);
        }
        return width == IoWidth.DWORD ? chip.dataRead(2) | (chip.dataRead(2) << 16) : chip.dataRead(2);
    }

    private void dataWrite(IoWidth width, int value) {
        if (!chip.wordTransfers()) {
            chip.dataWrite(1, value);
        } else if (width == IoWidth.DWORD) {
            chip.dataWrite(2, value);
            chip.dataWrite(2, value >>> 16);
        } else {
            chip.dataWrite(2, value);
        }
    }

    /** Outside the chip's lock, so two cards sending to each other never wait on each other. */
    private void transmit() {
        int length = chip.frameToTransmit(transmitBuffer);
        if (length >= 0) {
            if (chip.loopback()) {
                chip.receive(transmitBuffer, length);
            } else {
                segment.send(this, transmitBuffer, length);
            }
        }
        chip.transmitDone(length >= 0);
    }
}
