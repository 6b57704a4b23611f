package org.ndisport.binding.internal;

import org.ndisport.api.data.NetBufferList;

/**
 * The check of a protocol's send chain before the runtime takes any of it (N44): the chain must end, and
 * it must hold no received list a binding still holds (that list is the miniport's, due back to it once)
 * and no list of an earlier send still in a miniport's care (N58's mark).
 * Floyd's cycle check, so it takes no lock and allocates nothing.
 */
final class SendChains {
    private SendChains() {
    }

    /** Why the runtime cannot take {@code lists}, or null when it can. */
    static String refusal(NetBufferList lists) {
        NetBufferList slow = lists;
        NetBufferList fast = lists;
        while (fast != null) {
            String taken = taken(fast);
            if (taken != null) {
                return taken;
            }
            fast = fast.next();
            if (fast == null) {
                return null;
            }
            taken = taken(fast);
            if (taken != null) {
                return taken;
            }
            fast = fast.next();
            slow = slow.next();
            if (fast == slow) {
                return "a chain whose links form a cycle";
            }
        }
        return null;
    }

    /** Why {@code l} is not the protocol's to send now, or null. */
    private static String taken(NetBufferList l) {
        if (l.ndisReferences() > 0) {
            return "a received list a binding still holds";
        }
        if (!l.ndisInCareOf(null)) {
            return "a list still in the miniport's care (sent and not completed yet)";
        }
        return null;
    }
}
