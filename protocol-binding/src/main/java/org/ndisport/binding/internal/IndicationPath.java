package org.ndisport.binding.internal;

import org.ndisport.api.data.NetBufferList;
import org.ndisport.api.data.StatusIndication;

/**
 * Receive and status indications to every open binding, and received lists back to the miniport
 * exactly once (D33, spec §2.5). Before a chain is handed out, each list records which bindings hold it
 * (one bit per binding slot, as NDIS keeps a count in the NBL's reserved area) plus one reference of the
 * runtime's own, dropped when every binding has been called: so no list goes back while the chain is
 * still being handed round, and its links stay as indicated. Its SourceHandle is set to the adapter's
 * bindings, since slots are numbered per adapter (N54). A list goes back to the miniport when its
 * last reference is dropped; a binding can only give back what it holds on its own adapter (N15). Takes
 * no lock and allocates nothing per frame: lists that reach zero are relinked into one chain (in
 * reverse order).
 */
final class IndicationPath {
    private IndicationPath() {
    }

    /** Hands the chain to every open binding, in binding order; none open: straight back to the miniport. */
    static void receive(AdapterBindings owner, NetBufferList lists, int port, int count, int flags) {
        AdapterBindings.OpenBindings open = owner.open();
        Binding[] bindings = open.bindings();
        if (bindings.length == 0) {
            owner.adapter().returnNetBufferLists(lists, 0);
            return;
        }
        for (NetBufferList l = lists; l != null; l = l.next()) {
            l.sourceHandle(owner);
            l.ndisHold(open.holders(), bindings.length + 1);
        }
        long closings = owner.closings();
        ThreadMarks marks = ThreadMarks.current();
        for (Binding b : bindings) {
            if (!b.beginIndication(marks)) {
                giveUp(b, lists);
                continue;
            }
            try {
                b.protocol().driver().receiveNetBufferLists(b, lists, port, count, flags);
            } catch (Exception | Error e) {
                b.callbackThrew("receiveNetBufferLists", Integer.toUnsignedLong(port), e,
                        "; the lists it still held were taken back (N16)");
                giveUp(b, lists);
            } finally {
                b.endIndication(marks);
            }
        }
        NetBufferList back = null;
        boolean keptAny = false;
        KeptLists kept = owner.kept();
        NetBufferList l = lists;
        while (l != null) {
            NetBufferList next = l.next();
            if (l.ndisReferences() > 1) {
                kept.add(l);
                keptAny = true;
            }
            if (l.ndisReleaseOwn() == 0) {
                kept.remove(l);
                back = l.next(back);
            }
            l = next;
        }
        if (back != null) {
            owner.adapter().returnNetBufferLists(back, 0);
        }
        if (keptAny && owner.closings() != closings) {
            owner.takeBackFromClosed();
        }
    }

    /** Hands a status indication to every open binding, in binding order (R77, §6.4). */
    static void status(AdapterBindings owner, StatusIndication indication) {
        ThreadMarks marks = ThreadMarks.current();
        for (Binding b : owner.bindings()) {
            if (!b.beginIndication(marks)) {
                continue;
            }
            try {
                b.protocol().driver().status(b, indication);
            } catch (Exception | Error e) {
                b.callbackThrew("status", Integer.toUnsignedLong(indication.portNumber()), e);
            } finally {
                b.endIndication(marks);
            }
        }
    }

    /**
     * The binding gives up whatever it still holds of a chain being handed round (it was detached, or its
     * callback threw). The runtime's own reference keeps every count above zero, so the links are safe to
     * follow.
     */
    private static void giveUp(Binding b, NetBufferList lists) {
        for (NetBufferList l = lists; l != null; l = l.next()) {
            l.ndisRelease(b.slot());
        }
    }

    /**
     * NdisReturnNetBufferLists from {@code binding}. The chain is checked first: at the first list the
     * binding does not hold (returned twice, never indicated, indicated on another adapter, or a chain
     * relinked against N16) N15 is
     * recorded, before any effect (in FAIL_FAST the call throws and changes nothing), and the walk stops
     * there, since that list's link can no longer be trusted. The lists before it are released; those no
     * binding holds any more go back to the miniport as one chain. Each link is read before its list is
     * released, because the list may be relinked as soon as its count reaches zero. A chain relinked
     * into a cycle (N44) is released up to the first list met twice: the check walks it with a second
     * pointer at twice the pace, so it ends without allocating.
     */
    static void returnLists(Binding binding, NetBufferList lists, int returnFlags) {
        int slot = binding.slot();
        NetBufferList unheld = null;
        boolean cyclic = false;
        NetBufferList hare = lists;
        for (NetBufferList l = lists; l != null; l = l.next()) {
            if (l.sourceHandle() != binding.owner() || !l.ndisHeldBy(slot)) {
                unheld = l;
                break;
            }
            hare = hare == null || hare.next() == null ? null : hare.next().next();
            if (hare != null && hare == l.next()) {
                cyclic = true;
                break;
            }
        }
        if (unheld != null) {
            binding.violation("N15", unheld.ndisPortNumber(), "returned a received list it does not hold");
        } else if (cyclic) {
            binding.violation("N15", lists.ndisPortNumber(),
                    "returned a chain relinked into a cycle; each list released once (N44)");
        }
        NetBufferList back = null;
        NetBufferList l = lists;
        while (l != null && l != unheld) {
            NetBufferList next = l.next();
            int left = l.ndisRelease(slot);
            if (left == 0) {
                binding.owner().kept().remove(l);
                back = l.next(back);
            } else if (left < 0) {
                if (!cyclic) {
                    binding.finding("N15", l.ndisPortNumber(), "returned a received list twice at once");
                }
                break;
            }
            l = next;
        }
        if (back != null) {
            binding.owner().adapter().returnNetBufferLists(back, returnFlags);
        }
    }
}
