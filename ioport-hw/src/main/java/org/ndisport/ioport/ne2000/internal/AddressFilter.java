package org.ndisport.ioport.ne2000.internal;

import java.util.zip.CRC32;

/**
 * The DP8390's receive address filter: the physical address registers PAR0-5, the multicast hash
 * MAR0-7 (indexed by the top six bits of the big-endian CRC-32 of the destination) and the RCR bits that
 * admit broadcast, multicast and everything. Guarded by the chip's lock.
 */
final class AddressFilter implements Dp8390Bits {
    private final int[] par = new int[6];
    private final int[] mar = new int[8];
    private final CRC32 crc = new CRC32();

    /** Page-1 register {@code offset} 1-6 (PAR) or 8-15 (MAR). */
    int read(int offset) {
        return offset <= 6 ? par[offset - 1] : mar[offset - 8];
    }

    void write(int offset, int value) {
        if (offset <= 6) {
            par[offset - 1] = value;
        } else {
            mar[offset - 8] = value;
        }
    }

    boolean accepts(byte[] frame, int rcr) {
        if ((rcr & RCR_PRO) != 0) {
            return true;
        }
        if ((frame[0] & 1) == 0) {
            for (int i = 0; i < 6; i++) {
                if ((frame[i] & 0xFF) != par[i]) {
                    return false;
                }
            }
            return true;
        }
        boolean broadcast = true;
        for (int i = 0; i < 6; i++) {
            broadcast &= (frame[i] & 0xFF) == 0xFF;
        }
        if (broadcast) {
            return (rcr & RCR_AB) != 0;
        }
        if ((rcr & RCR_AM) == 0) {
            return false;
        }
        crc.reset();
        crc.update(frame, 0, 6);
        int bit = Integer.reverse(~(int) crc.getValue()) >>> 26;
        return (mar[bit >>> 3] & (1 << (bit & 7))) != 0;
    }
}
