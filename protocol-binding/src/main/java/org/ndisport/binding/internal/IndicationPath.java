package org.ndisport.binding.internal;

import org.ndisport.api.binding.BindableAdapter;
import org.ndisport.api.data.NetBufferList;
import org.ndisport.api.data.StatusIndication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receive and status indications to every open binding, and received lists back to the miniport exactly once
 * (D33, spec §2.5). Each list carries a reference per binding it was handed to (NDIS keeps the same
 * count in the NBL's reserved area); a list goes back to the miniport when its count reaches zero.
 * Takes no lock and allocates nothing: the lists that reach zero are relinked into one chain.
 */
final class IndicationPath {
    private static final Logger LOG = LoggerFactory.getLogger(IndicationPath.class);

    private IndicationPath() {
    }

    /** Hands a status indication to every open binding, in binding order (R77, §6.4). */
    static void status(AdapterBindings owner, StatusIndication indication) {
        for (Binding b : owner.bindings()) {
            if (!b.beginIndication()) {
                continue;
            }
            try {
                b.protocol().driver().status(b, indication);
            } catch (RuntimeException e) {
                LOG.warn("protocol {} threw from status on {}", b.protocol().name(), b.adapterName(), e);
                b.finding("N1", Integer.toUnsignedLong(indication.portNumber()), "status threw " + e);
            } finally {
                b.endIndication();
            }
        }
    }

    /** Hands the chain to every open binding, in binding order; none open: straight back to the miniport. */
    static void receive(AdapterBindings owner, NetBufferList lists, int port, int count, int flags) {
        Binding[] bindings = owner.bindings();
        if (bindings.length == 0) {
            owner.adapter().returnNetBufferLists(lists, 0);
            return;
        }
        for (NetBufferList l = lists; l != null; l = l.next()) {
            l.ndisReferences(bindings.length);
        }
        for (Binding b : bindings) {
            if (!b.beginIndication()) {
                release(b, lists, 0);
                continue;
            }
            int returnsBefore = b.returnCalls();
            try {
                b.protocol().driver().receiveNetBufferLists(b, lists, port, count, flags);
            } catch (RuntimeException e) {
                LOG.warn("protocol {} threw from receiveNetBufferLists on {}", b.protocol().name(), b.adapterName(), e);
                boolean returnedSome = b.returnCalls() != returnsBefore;
                b.finding("N1", Integer.toUnsignedLong(port), "receiveNetBufferLists threw " + e + (returnedSome
                        ? "; it had returned lists, so it keeps the rest (N16)"
                        : "; its references to the indicated lists were released (N16)"));
                if (!returnedSome) {
                    release(b, lists, 0);
                }
            } finally {
                b.endIndication();
            }
        }
    }

    /**
     * NdisReturnNetBufferLists from {@code binding}: drops one reference per list and gives the lists
     * no binding holds any more back to the miniport, as one chain. The next link is read before the
     * reference is dropped, because the list may be relinked as soon as the count reaches zero.
     */
    static void release(Binding binding, NetBufferList lists, int returnFlags) {
        NetBufferList head = null;
        NetBufferList tail = null;
        NetBufferList l = lists;
        while (l != null) {
            NetBufferList next = l.next();
            int left = l.ndisReleaseReference();
            if (left == 0) {
                l.next(null);
                if (head == null) {
                    head = l;
                } else {
                    tail.next(l);
                }
                tail = l;
            } else if (left < 0) {
                returnedUnheld(binding, head, returnFlags, l);
            }
            l = next;
        }
        if (head != null) {
            binding.owner().adapter().returnNetBufferLists(head, returnFlags);
        }
    }

    /**
     * A list returned that no binding holds (returned twice, or never indicated): recorded and not passed
     * on. In FAIL_FAST the record throws; the lists already released are given back first.
     */
    private static void returnedUnheld(Binding binding, NetBufferList released, int returnFlags, NetBufferList list) {
        try {
            binding.violation("N15", list.ndisPortNumber(), "returned a received list it does not hold");
        } catch (RuntimeException failFast) {
            if (released != null) {
                BindableAdapter adapter = binding.owner().adapter();
                adapter.returnNetBufferLists(released, returnFlags);
            }
            throw failFast;
        }
    }
}
