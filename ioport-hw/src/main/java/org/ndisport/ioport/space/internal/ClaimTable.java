package org.ndisport.ioport.space.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.ndisport.api.io.IoPortRange;

/**
 * Who claimed each address, and who formerly owned it (§5.2 row 4): per-address arrays read without a
 * lock on every access, changed under this table's lock on register, deregister and release.
 */
final class ClaimTable {
    private final AtomicReferenceArray<Claim> owners = new AtomicReferenceArray<>(IoPortRange.IO_SPACE_SIZE);
    private final AtomicReferenceArray<String> formerOwners = new AtomicReferenceArray<>(IoPortRange.IO_SPACE_SIZE);
    private final TreeMap<Integer, Claim> byBase = new TreeMap<>();

    /** The claim covering {@code port}, or null (also outside the I/O space). */
    Claim owner(long port) {
        return port >= 0 && port < IoPortRange.IO_SPACE_SIZE ? owners.get((int) port) : null;
    }

    /** The adapter that deregistered {@code port} and nobody claimed since, or null. */
    String formerOwner(long port) {
        return port >= 0 && port < IoPortRange.IO_SPACE_SIZE ? formerOwners.get((int) port) : null;
    }

    /** The first claim overlapping [from, from + count), or null. */
    synchronized Claim firstOverlap(long from, long count) {
        for (Claim c : byBase.values()) {
            if (c.range().overlaps(from, count)) {
                return c;
            }
        }
        return null;
    }

    synchronized void add(Claim claim) {
        byBase.put(claim.range().base(), claim);
        IoPortRange r = claim.range();
        for (int p = r.base(); p < r.base() + r.count(); p++) {
            owners.set(p, claim);
            formerOwners.set(p, null);
        }
    }

    /** Removes the claim; its addresses become formerly owned by its adapter when {@code remember}. */
    synchronized void remove(Claim claim, boolean remember) {
        if (byBase.remove(claim.range().base(), claim)) {
            IoPortRange r = claim.range();
            for (int p = r.base(); p < r.base() + r.count(); p++) {
                owners.set(p, null);
                formerOwners.set(p, remember ? claim.adapter() : null);
            }
        }
    }

    /** The adapter's claims overlapping [from, from + count), ascending. */
    synchronized List<Claim> overlapsOf(String adapter, long from, long count) {
        List<Claim> out = new ArrayList<>();
        for (Claim c : byBase.values()) {
            if (c.adapter().equals(adapter) && c.range().overlaps(from, count)) {
                out.add(c);
            }
        }
        return out;
    }

    synchronized List<Claim> of(String adapter) {
        return overlapsOf(adapter, 0, IoPortRange.IO_SPACE_SIZE);
    }

    /** Removes the adapter's claims and forgets what it formerly owned: the adapter is gone. */
    synchronized List<Claim> releaseAll(String adapter) {
        List<Claim> released = of(adapter);
        for (Claim c : released) {
            remove(c, false);
        }
        for (int p = 0; p < IoPortRange.IO_SPACE_SIZE; p++) {
            if (adapter.equals(formerOwners.get(p))) {
                formerOwners.set(p, null);
            }
        }
        return released;
    }

    synchronized List<Claim> all() {
        return new ArrayList<>(byBase.values());
    }
}
