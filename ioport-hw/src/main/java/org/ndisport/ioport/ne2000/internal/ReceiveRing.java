package org.ndisport.ioport.ne2000.internal;

import java.util.zip.CRC32;

/**
 * The DP8390's receive ring: its page registers PSTART, PSTOP, BNRY and CURR, and storing a frame at
 * CURR with its 4-byte header (RSR, next page, count) and FCS, wrapping at PSTOP. The write never
 * reaches the BNRY page, so CURR never catches up with BNRY; BNRY = CURR reads as an empty ring
 * (drivers initialize it either way). Guarded by the chip's lock.
 */
final class ReceiveRing {
    /** {@link #store} result: the frame is in the ring. */
    static final int STORED = 0;
    /** {@link #store} result: the ring is not set up (PSTART ≥ PSTOP or CURR outside); nothing stored. */
    static final int NO_RING = 1;
    /** {@link #store} result: the frame does not fit; nothing stored. */
    static final int FULL = 2;

    int pstart;
    int pstop;
    int bnry;
    int curr;
    private final CardMemory memory;
    private final CRC32 crc = new CRC32();

    ReceiveRing(CardMemory memory) {
        this.memory = memory;
    }

    int store(byte[] frame, int length, int rsr) {
        int ringPages = pstop - pstart;
        if (ringPages <= 0 || curr < pstart || curr >= pstop) {
            return NO_RING;
        }
        int stored = 4 + length + 4;
        int pages = (stored + 255) >>> 8;
        int gap = Math.floorMod(bnry - curr, ringPages);
        if (pages > (gap == 0 ? ringPages - 1 : gap - 1)) {
            return FULL;
        }
        int next = pstart + Math.floorMod(curr - pstart + pages, ringPages);
        int address = curr << 8;
        address = put(address, rsr);
        address = put(address, next);
        address = put(address, stored & 0xFF);
        address = put(address, stored >>> 8);
        for (int i = 0; i < length; i++) {
            address = put(address, frame[i]);
        }
        crc.reset();
        crc.update(frame, 0, length);
        long fcs = crc.getValue();
        for (int i = 0; i < 4; i++) {
            address = put(address, (int) (fcs >>> (8 * i)));
        }
        curr = next;
        return STORED;
    }

    /** The address after {@code address}, wrapping from PSTOP to PSTART (remote DMA wraps the same way). */
    int after(int address) {
        int next = (address + 1) & 0xFFFF;
        return pstop > pstart && next == pstop << 8 ? pstart << 8 : next;
    }

    private int put(int address, int value) {
        memory.write(address, value);
        return after(address);
    }
}
