package org.ndisport.core.port.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.ndisport.api.PortNumbers;

/**
 * The ports of one adapter by number: a two-level page table over 0..0xFFFFFF, so a lookup is two
 * array reads, takes no lock and allocates nothing. Writers hold the adapter's state lock.
 */
public final class PortTable {
    private static final int PAGE_BITS = 12;
    private static final int PAGE_SIZE = 1 << PAGE_BITS;

    private final AtomicReferenceArray<AtomicReferenceArray<PortEntry>> pages =
            new AtomicReferenceArray<>(PortNumbers.MAXIMUM_PORTS >>> PAGE_BITS);
    private volatile int size;

    /** The entry for {@code n} (any unsigned int), or null when it does not exist. */
    public PortEntry get(int n) {
        if (!PortNumbers.isValid(n)) {
            return null;
        }
        AtomicReferenceArray<PortEntry> page = pages.get(n >>> PAGE_BITS);
        return page == null ? null : page.get(n & (PAGE_SIZE - 1));
    }

    /** Adds an entry under its number; the caller holds the state lock and the number is free. */
    public void put(PortEntry entry) {
        int n = entry.number();
        AtomicReferenceArray<PortEntry> page = pages.get(n >>> PAGE_BITS);
        if (page == null) {
            page = new AtomicReferenceArray<>(PAGE_SIZE);
            pages.set(n >>> PAGE_BITS, page);
        }
        page.set(n & (PAGE_SIZE - 1), entry);
        size++;
    }

    /** Removes the entry for {@code n}; the caller holds the state lock. */
    public void remove(int n) {
        if (!PortNumbers.isValid(n)) {
            return;
        }
        AtomicReferenceArray<PortEntry> page = pages.get(n >>> PAGE_BITS);
        if (page != null && page.getAndSet(n & (PAGE_SIZE - 1), null) != null) {
            size--;
        }
    }

    /** Existing ports. */
    public int size() {
        return size;
    }

    /** Every entry, ascending by number. */
    public List<PortEntry> entries() {
        List<PortEntry> out = new ArrayList<>(size);
        for (int p = 0; p < pages.length(); p++) {
            AtomicReferenceArray<PortEntry> page = pages.get(p);
            if (page == null) {
                continue;
            }
            for (int i = 0; i < PAGE_SIZE; i++) {
                PortEntry e = page.get(i);
                if (e != null) {
                    out.add(e);
                }
            }
        }
        return out;
    }
}
