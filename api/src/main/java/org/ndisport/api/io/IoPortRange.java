package org.ndisport.api.io;

/**
 * A range of I/O port addresses [base, base + count) in the 64 KiB x86 I/O space (spec §5).
 *
 * @param base  first address, 0..0xFFFF
 * @param count number of ports, at least 1
 */
public record IoPortRange(int base, int count) {
    /** The size of the I/O space: 0x10000 ports. */
    public static final int IO_SPACE_SIZE = 0x10000;

    /** Rejects ranges outside the I/O space. */
    public IoPortRange {
        if (base < 0 || count < 1 || (long) base + count > IO_SPACE_SIZE) {
            throw new IllegalArgumentException("range outside the I/O space: base " + base + ", count " + count);
        }
    }

    /** True when the address lies inside the range. */
    public boolean contains(long address) {
        return address >= base && address < (long) base + count;
    }

    /**
     * True when [from, from+len) lies wholly inside the range; false for a negative length. Never
     * overflows: the end is computed without wrapping (N41).
     */
    public boolean containsAll(long from, long len) {
        return len >= 0 && from >= base && len <= (long) base + count - from;
    }

    /** True when the two ranges share an address; false for a length of 0 or less. Never overflows (N41). */
    public boolean overlaps(long from, long len) {
        if (len <= 0 || from >= (long) base + count) {
            return false;
        }
        long distance = base - from; // wraps negative only when the distance exceeds any length
        return from >= base || (distance > 0 && len > distance);
    }

    @Override
    public String toString() {
        return String.format("%04x-%04x", base, base + count - 1);
    }
}
