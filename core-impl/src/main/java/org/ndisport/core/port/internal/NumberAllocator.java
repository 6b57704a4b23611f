package org.ndisport.core.port.internal;

/**
 * Hands out the lowest free port number (R5, D3) from a four-level bitmap over 0..0xFFFFFF: a set bit
 * at one level means the 64 bits below it are all in use, so finding the lowest free number reads four
 * words, never scans. Number 0 is permanently in use (R3). Leaf words are allocated in chunks on first
 * use, so a small adapter costs a few KiB. Not thread safe: the adapter's state lock guards it.
 */
public final class NumberAllocator {
    private static final int LEAF_CHUNK_WORDS = 4096;
    private static final int LEAF_WORDS = 1 << 18;

    private final long[][] leaves = new long[LEAF_WORDS / LEAF_CHUNK_WORDS][];
    private final long[] level1 = new long[1 << 12];
    private final long[] level2 = new long[1 << 6];
    private long level3;
    private int inUse;

    /** An allocator with only number 0 in use. */
    public NumberAllocator() {
        markUsed(0);
    }

    /**
     * Takes the lowest free number, or returns -1 when every number 1..{@code limit} is in use.
     */
    public int allocateLowest(int limit) {
        if (~level3 == 0) {
            return -1;
        }
        int i2 = Long.numberOfTrailingZeros(~level3);
        int i1 = i2 * 64 + Long.numberOfTrailingZeros(~level2[i2]);
        int i0 = i1 * 64 + Long.numberOfTrailingZeros(~level1[i1]);
        long[] chunk = leaves[i0 / LEAF_CHUNK_WORDS];
        long word = chunk == null ? 0 : chunk[i0 % LEAF_CHUNK_WORDS];
        int n = i0 * 64 + Long.numberOfTrailingZeros(~word);
        if (n > limit) {
            return -1;
        }
        markUsed(n);
        return n;
    }

    /** Releases a number taken earlier; the number may be handed out again (R43). */
    public void release(int n) {
        if (n <= 0 || n > org.ndisport.api.PortNumbers.MAX_PORT_NUMBER) {
            throw new IllegalArgumentException("port number " + n + " cannot be released");
        }
        int i0 = n >>> 6;
        long[] chunk = leaves[i0 / LEAF_CHUNK_WORDS];
        long bit = 1L << (n & 63);
        if (chunk == null || (chunk[i0 % LEAF_CHUNK_WORDS] & bit) == 0) {
            throw new IllegalStateException("port number " + n + " is not in use");
        }
        chunk[i0 % LEAF_CHUNK_WORDS] &= ~bit;
        level1[i0 >>> 6] &= ~(1L << (i0 & 63));
        level2[i0 >>> 12] &= ~(1L << ((i0 >>> 6) & 63));
        level3 &= ~(1L << (i0 >>> 12));
        inUse--;
    }

    /** Numbers in use, number 0 included. */
    public int inUse() {
        return inUse;
    }

    private void markUsed(int n) {
        int i0 = n >>> 6;
        int c = i0 / LEAF_CHUNK_WORDS;
        if (leaves[c] == null) {
            leaves[c] = new long[LEAF_CHUNK_WORDS];
        }
        long[] chunk = leaves[c];
        chunk[i0 % LEAF_CHUNK_WORDS] |= 1L << (n & 63);
        inUse++;
        if (~chunk[i0 % LEAF_CHUNK_WORDS] != 0) {
            return;
        }
        int i1 = i0 >>> 6;
        level1[i1] |= 1L << (i0 & 63);
        if (~level1[i1] != 0) {
            return;
        }
        int i2 = i1 >>> 6;
        level2[i2] |= 1L << (i1 & 63);
        if (~level2[i2] != 0) {
            return;
        }
        level3 |= 1L << i2;
    }
}
