package org.ndisport.core.adapter.internal;

import java.util.Objects;
import org.ndisport.api.Irql;
import org.ndisport.api.NdisObjectHeader;
import org.ndisport.api.binding.AdapterEventSink;
import org.ndisport.api.data.NetBufferList;
import org.ndisport.api.data.StatusCodes;
import org.ndisport.api.data.StatusIndication;
import org.ndisport.api.port.NdisPortState;
import org.ndisport.api.runtime.AdapterPhase;
import org.ndisport.api.runtime.PortState;
import org.ndisport.core.port.internal.PortEntry;

/**
 * Miniport receive and status indications against port state (spec §2.5, §6.4, D21, D33). The
 * receive path takes no lock and allocates nothing: the port is looked up, marked as having an
 * indication in progress, and its state read once; that one reading decides delivery and, for a drop,
 * the rule recorded.
 */
final class Indications {
    private final Adapter adapter;
    private final DriverCalls driver;
    private final CallContext calls;

    Indications(Adapter adapter, DriverCalls driver) {
        this.adapter = adapter;
        this.driver = driver;
        this.calls = adapter.context().calls();
    }

    void receive(NetBufferList lists, int port, int count, int flags) {
        Objects.requireNonNull(lists, "lists");
        checkIrql(port, "receive");
        PortEntry entry = adapter.ports().get(port);
        PortState state = PortState.NONEXISTENT;
        if (entry != null) {
            calls.beginIndication(entry);
            try {
                state = entry.state();
                if (state == PortState.ACTIVATED) {
                    deliverReceive(entry, lists, port, count, flags);
                    return;
                }
            } finally {
                calls.endIndication(entry);
            }
        }
        if (!chainChecked(walk(lists, port), count, port)) {
            return;
        }
        adapter.violation(dropRule(state, entry, "R11"), port, "receive indication dropped: port is " + state);
        countDropped(entry);
        driver.returnNetBufferLists(lists);
    }

    void status(StatusIndication indication) {
        Objects.requireNonNull(indication, "indication");
        AdapterPhase phase = adapter.phase();
        int port = indication.portNumber();
        checkIrql(port, "status");
        if (phase == AdapterPhase.P0_INIT_PRE_REG || phase == AdapterPhase.P4_HALTED) {
            adapter.violation("R59", port, "status indication in " + phase);
            adapter.countDropped();
            return;
        }
        boolean portState = indication.statusCode() == StatusCodes.NDIS_STATUS_PORT_STATE;
        if (portState && !wellFormed(indication)) {
            adapter.violation("R50", port, "malformed NDIS_STATUS_PORT_STATE indication");
            adapter.countDropped();
            return;
        }
        PortEntry entry = adapter.ports().get(port);
        if (port == 0 && !portState && (entry == null || entry.state().formal() != PortState.ACTIVATED)) {
            return;
        }
        PortState state = PortState.NONEXISTENT;
        if (entry != null) {
            calls.beginIndication(entry);
            try {
                state = entry.state();
                if (state == PortState.ACTIVATED) {
                    deliverStatus(entry, indication, portState);
                    return;
                }
            } finally {
                calls.endIndication(entry);
            }
        }
        adapter.violation(dropRule(state, entry, "R48"), port, "status indication dropped: port is " + state);
        countDropped(entry);
    }

    private void deliverReceive(PortEntry entry, NetBufferList lists, int port, int count, int flags) {
        int delivered = walk(lists, port);
        if (!chainChecked(delivered, count, port)) {
            return;
        }
        AdapterEventSink sink = adapter.context().sink();
        if (sink == null || !adapter.announced()) {
            driver.returnNetBufferLists(lists);
            return;
        }
        entry.countReceived(delivered);
        Irql previous = calls.enter(Irql.DISPATCH_LEVEL);
        try {
            sink.receive(adapter.bindable(), lists, port, delivered, flags);
        } catch (Exception | Error e) {
            adapter.bindingLayerFailed("receive", Integer.toUnsignedLong(port), e);
        } finally {
            calls.restore(previous);
        }
    }

    private void deliverStatus(PortEntry entry, StatusIndication indication, boolean portState) {
        if (portState) {
            NdisPortState s = (NdisPortState) indication.statusBuffer();
            entry.cache(s.linkState(), s.authStates());
        }
        AdapterEventSink sink = adapter.context().sink();
        if (sink == null || !adapter.announced()) {
            return;
        }
        Irql previous = calls.enter(Irql.DISPATCH_LEVEL);
        try {
            sink.status(adapter.bindable(), indication);
        } catch (Exception | Error e) {
            adapter.bindingLayerFailed("status", Integer.toUnsignedLong(indication.portNumber()), e);
        } finally {
            calls.restore(previous);
        }
    }

    /**
     * Marks each list with the port and counts the chain, or returns -1 for a cyclic chain (Floyd's
     * check, a pointer that follows at half speed): one walk, no allocation.
     */
    private static int walk(NetBufferList lists, int port) {
        int n = 0;
        NetBufferList slow = lists;
        for (NetBufferList l = lists; l != null; ) {
            l.ndisPortNumber(port);
            n++;
            l = l.next();
            if ((n & 1) == 0) {
                slow = slow.next();
            }
            if (l == slow && l != null) {
                return -1;
            }
        }
        return n;
    }

    /**
     * N38: a cyclic chain is refused (recorded; neither delivered nor returned, the lists stay the
     * caller's); a NumberOfNetBufferLists other than the chain's length is recorded and the chain's
     * length is what the bindings are given.
     */
    private boolean chainChecked(int length, int count, int port) {
        if (length < 0) {
            adapter.violation("N38", port, "receive indication of a cyclic chain: neither delivered nor returned");
            return false;
        }
        if (length != count) {
            adapter.violation("N38", port, "receive indication of " + length + " lists with NumberOfNetBufferLists "
                    + count);
        }
        return true;
    }

    /** R60 (D31): indications are made at IRQL at most DISPATCH; recorded, then handled as usual. */
    private void checkIrql(int port, String what) {
        if (calls.irql() == Irql.DIRQL) {
            adapter.violation("R60", port, what + " indication at DIRQL");
        }
    }

    /** The rule an indication on a port that is not ACTIVATED breaks (§2.5 miniport table). */
    private static String dropRule(PortState state, PortEntry entry, String inactiveRule) {
        return switch (state) {
            case DEACTIVATING -> "R32";
            case ACTIVATING -> "R18";
            case ALLOCATED -> entry.lastActivationFailed() ? "R19" : inactiveRule;
            default -> inactiveRule;
        };
    }

    private void countDropped(PortEntry entry) {
        adapter.countDropped();
        if (entry != null) {
            entry.countDropped();
        }
    }

    /** §6.4: an NdisPortState with header type 0x80 or 0x9D, revision at least 1, sizes at least 48. */
    private static boolean wellFormed(StatusIndication s) {
        if (!(s.statusBuffer() instanceof NdisPortState state) || state.header() == null) {
            return false;
        }
        NdisObjectHeader h = state.header();
        boolean type = h.type() == NdisObjectHeader.TYPE_DEFAULT || h.type() == NdisObjectHeader.TYPE_PORT_STATE;
        return type && h.revision() >= 1 && h.size() >= NdisPortState.SIZE
                && Integer.toUnsignedLong(s.statusBufferSize()) >= NdisPortState.SIZE;
    }
}
