package org.ndisport.binding.internal;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;
import org.ndisport.api.data.NetBufferList;

/**
 * The received lists of one adapter that some binding kept past the indication that handed them out
 * (a protocol returning later, from any thread), so a binding that closes still holding lists can be
 * made to give them back (N59). A list is entered by the indicating thread before the runtime drops its
 * own reference, and left by whoever drops its last one; it records its own place, so both are one
 * atomic operation on a slot. Lists returned inside the receive callback never enter. Segments are added,
 * never replaced, when every slot is taken: memory grows with the most lists ever kept at once, and
 * nothing is allocated per frame.
 */
final class KeptLists {
    private static final int SEGMENT_BITS = 10;
    private static final int SEGMENT = 1 << SEGMENT_BITS;

    private volatile AtomicReferenceArray<NetBufferList>[] segments = firstSegment();
    /** Where the next search for a free slot starts; racy on purpose, only a hint. */
    private int hint;

    /** Enters {@code list}; it must not be entered already. */
    void add(NetBufferList list) {
        while (true) {
            AtomicReferenceArray<NetBufferList>[] all = segments;
            int capacity = all.length << SEGMENT_BITS;
            int start = Math.floorMod(hint, capacity);
            for (int i = 0; i < capacity; i++) {
                int index = (start + i) % capacity;
                AtomicReferenceArray<NetBufferList> segment = all[index >>> SEGMENT_BITS];
                int offset = index & (SEGMENT - 1);
                if (segment.get(offset) == null && segment.compareAndSet(offset, null, list)) {
                    list.ndisKeptIndex(index);
                    hint = index + 1;
                    return;
                }
            }
            grow(all);
        }
    }

    /** Leaves {@code list} if it was entered; its last reference is gone, so nobody else removes it. */
    void remove(NetBufferList list) {
        int index = list.ndisKeptIndex();
        if (index < 0) {
            return;
        }
        list.ndisKeptIndex(-1);
        segments[index >>> SEGMENT_BITS].compareAndSet(index & (SEGMENT - 1), list, null);
    }

    /** Every list entered now (and perhaps some entered or left while this runs). */
    void forEach(Consumer<NetBufferList> action) {
        for (AtomicReferenceArray<NetBufferList> segment : segments) {
            for (int i = 0; i < SEGMENT; i++) {
                NetBufferList l = segment.get(i);
                if (l != null) {
                    action.accept(l);
                }
            }
        }
    }

    private synchronized void grow(AtomicReferenceArray<NetBufferList>[] seen) {
        if (segments != seen) {
            return;
        }
        AtomicReferenceArray<NetBufferList>[] more = Arrays.copyOf(seen, seen.length + 1);
        more[seen.length] = new AtomicReferenceArray<>(SEGMENT);
        segments = more;
    }

    @SuppressWarnings("unchecked")
    private static AtomicReferenceArray<NetBufferList>[] firstSegment() {
        AtomicReferenceArray<NetBufferList>[] all = new AtomicReferenceArray[1];
        all[0] = new AtomicReferenceArray<>(SEGMENT);
        return all;
    }
}
