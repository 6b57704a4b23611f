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

    /** A received list a binding still holds. */
    static final int HELD = -1;
    /** A list still in a miniport's care. */
    static final int IN_FLIGHT = -2;
    /** Links that form a cycle. */
    static final int CYCLIC = -3;

    /**
     * The chain's length, counted in the same walk as the checks, or {@link #HELD}, {@link #IN_FLIGHT} or
     * {@link #CYCLIC} when the runtime cannot take it.
     */
    static int length(NetBufferList lists) {
        NetBufferList slow = lists;
        int n = 0;
        for (NetBufferList l = lists; l != null; l = l.next()) {
            if (l.ndisReferences() > 0) {
                return HELD;
            }
            if (!l.ndisInCareOf(null)) {
                return IN_FLIGHT;
            }
            n++;
            if ((n & 1) == 0) {
                slow = slow.next();
                if (slow == l.next()) {
                    return CYCLIC;
                }
            }
        }
        return n;
    }

    /** What a negative {@link #length} says. */
    static String refusal(int code) {
        return switch (code) {
            case HELD -> "a received list a binding still holds";
            case IN_FLIGHT -> "a list still in the miniport's care (sent and not completed yet)";
            default -> "a chain whose links form a cycle";
        };
    }
}
