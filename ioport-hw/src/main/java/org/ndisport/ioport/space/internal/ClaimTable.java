package org.ndisport.ioport.space.internal;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.ndisport.api.io.IoCaller;
import org.ndisport.api.io.IoPortRange;

/**
 * Who claimed each address, and who formerly owned it (§5.2 row 4), by adapter instance: per-address
 * arrays read without a lock on every access, changed under this table's lock on register, deregister
 * and release. A former owner is held weakly: once its adapter is gone nobody can call with it.
 */
final class ClaimTable {
    private final AtomicReferenceArray<Claim> owners = new AtomicReferenceArray<>(IoPortRange.IO_SPACE_SIZE);
    private final AtomicReferenceArray<WeakReference<IoCaller>> formerOwners =
            new AtomicReferenceArray<>(IoPortRange.IO_SPACE_SIZE);
    private final TreeMap<Integer, Claim> byBase = new TreeMap<>();

    /** The claim covering {@code port}, or null (also outside the I/O space). */
    Claim owner(long port) {
        return port >= 0 && port < IoPortRange.IO_SPACE_SIZE ? owners.get((int) port) : null;
    }

    /** True when {@code caller} deregistered {@code port} and nobody claimed it since. */
    boolean formerlyOwnedBy(long port, IoCaller caller) {
        if (port < 0 || port >= IoPortRange.IO_SPACE_SIZE) {
            return false;
        }
        WeakReference<IoCaller> former = formerOwners.get((int) port);
        return former != null && former.get() == caller;
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
            formerOwners.set(p, null);
            owners.set(p, claim);
        }
    }

    /**
     * Removes the claim; with {@code remember} its addresses become formerly owned by its adapter
     * (marked before the claim goes, so a concurrent access sees one or the other).
     */
    synchronized void remove(Claim claim, boolean remember) {
        if (byBase.remove(claim.range().base(), claim)) {
            IoPortRange r = claim.range();
            WeakReference<IoCaller> former = remember ? new WeakReference<>(claim.owner()) : null;
            for (int p = r.base(); p < r.base() + r.count(); p++) {
                formerOwners.set(p, former);
                owners.set(p, null);
            }
        }
    }

    /** The caller's claims overlapping [from, from + count), ascending. */
    synchronized List<Claim> overlapsOf(IoCaller caller, long from, long count) {
        List<Claim> out = new ArrayList<>();
        for (Claim c : byBase.values()) {
            if (c.ownedBy(caller) && c.range().overlaps(from, count)) {
                out.add(c);
            }
        }
        return out;
    }

    synchronized List<Claim> of(IoCaller caller) {
        return overlapsOf(caller, 0, IoPortRange.IO_SPACE_SIZE);
    }

    /** Removes the caller's claims; what it deregistered before stays formerly owned by it. */
    synchronized List<Claim> releaseAll(IoCaller caller) {
        List<Claim> released = of(caller);
        for (Claim c : released) {
            remove(c, false);
        }
        return released;
    }

    synchronized List<Claim> all() {
        return new ArrayList<>(byBase.values());
    }
}
