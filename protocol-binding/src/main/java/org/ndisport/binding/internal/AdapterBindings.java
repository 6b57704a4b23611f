package org.ndisport.binding.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.ndisport.api.PortNumbers;
import org.ndisport.api.binding.BindableAdapter;
import org.ndisport.api.data.NetBufferList;
import org.ndisport.api.pnp.NetPnPEventNotification;
import org.ndisport.api.runtime.PortState;
import org.ndisport.api.runtime.Violation;

/**
 * The open bindings of one adapter, in binding order, and the port event being (or last) delivered.
 * Bindings and events change only under the adapter's exclusion (R76); the receive path and the
 * request checks read them without a lock.
 */
final class AdapterBindings {
    private static final Binding[] NONE = new Binding[0];

    private final BindableAdapter adapter;
    private int nextSlot;
    private volatile OpenBindings open = new OpenBindings(NONE, new long[1]);
    private volatile PortEvent current;
    private long nextSequence;
    private final KeptLists kept = new KeptLists();
    /** Slots of bindings that closed (bit i for slot i); never cleared, slots are not reused. */
    private volatile long[] closedSlots = new long[1];
    /** How many bindings have closed; an indication that kept lists while it changed looks again. */
    private volatile long closings;
    /**
     * The bundles of closed bindings by slot, to record what they held: names only, so no protocol's
     * classes stay reachable. Kept for this adapter object's life (a new one is made each time the
     * adapter is ready), as the slots are.
     */
    private final Map<Integer, String> closedBy = new ConcurrentHashMap<>();

    AdapterBindings(BindableAdapter adapter) {
        this.adapter = adapter;
    }

    BindableAdapter adapter() {
        return adapter;
    }

    /**
     * The open bindings in binding order with their holder bits (bit i for slot i), read together; never
     * changed in place.
     */
    record OpenBindings(Binding[] bindings, long[] holders) {
    }

    OpenBindings open() {
        return open;
    }

    /** The open bindings in binding order. */
    Binding[] bindings() {
        return open.bindings();
    }

    /** The binding of {@code protocol}, or null. */
    Binding bindingOf(ProtocolEntry protocol) {
        for (Binding b : bindings()) {
            if (b.protocol() == protocol) {
                return b;
            }
        }
        return null;
    }

    /**
     * A holder slot for a new binding. Slots are never reused on this adapter object (a list a closed
     * binding failed to return keeps its bit), and a new object is made each time the adapter is ready.
     */
    int claimSlot() {
        return nextSlot++;
    }

    /** Appends a binding that finished opening (binding order). */
    void add(Binding binding) {
        Binding[] now = bindings();
        Binding[] next = Arrays.copyOf(now, now.length + 1);
        next[now.length] = binding;
        publish(next);
    }

    /** Removes a binding; receives stop reaching it. */
    void remove(Binding binding) {
        Binding[] now = bindings();
        int at = Arrays.asList(now).indexOf(binding);
        if (at < 0) {
            return;
        }
        Binding[] next = new Binding[now.length - 1];
        System.arraycopy(now, 0, next, 0, at);
        System.arraycopy(now, at + 1, next, at, now.length - at - 1);
        publish(next);
    }

    private void publish(Binding[] next) {
        int maxSlot = 0;
        for (Binding b : next) {
            maxSlot = Math.max(maxSlot, b.slot());
        }
        long[] bits = new long[(maxSlot >>> 6) + 1];
        for (Binding b : next) {
            bits[b.slot() >>> 6] |= 1L << (b.slot() & 63);
        }
        open = new OpenBindings(next, bits);
    }

    /** Received lists some binding kept past their indication. */
    KeptLists kept() {
        return kept;
    }

    long closings() {
        return closings;
    }

    /**
     * N59: {@code binding} closed. Lists it still holds are released on its behalf; those nobody holds
     * any more go back to the miniport, and the binding's protocol is recorded.
     */
    void closed(Binding binding) {
        int slot = binding.slot();
        synchronized (this) {
            closedBy.put(slot, binding.protocol().bundle());
            long[] bits = closedSlots;
            long[] more = Arrays.copyOf(bits, Math.max(bits.length, (slot >>> 6) + 1));
            more[slot >>> 6] |= 1L << (slot & 63);
            closedSlots = more;
            closings++;
        }
        takeBackFromClosed();
    }

    /**
     * Releases, for every closed binding, the kept lists it still holds, returns to the miniport those
     * nobody holds any more, as one chain, and records N59 for each binding that held any. Also called
     * by an indication that kept lists while a binding closed: its kept lists were entered after that
     * binding's own look.
     */
    void takeBackFromClosed() {
        long[] closed = closedSlots;
        Map<Integer, Integer> released = new HashMap<>();
        NetBufferList[] back = {null};
        kept.forEach(l -> {
            for (int word = 0; word < closed.length; word++) {
                for (long bits = l.ndisHolderBits(word) & closed[word]; bits != 0; bits &= bits - 1) {
                    int slot = (word << 6) + Long.numberOfTrailingZeros(bits);
                    int left = l.ndisRelease(slot);
                    if (left < 0) {
                        continue;
                    }
                    released.merge(slot, 1, Integer::sum);
                    if (left == 0) {
                        kept.remove(l);
                        back[0] = l.next(back[0]);
                        return;
                    }
                }
            }
        });
        if (back[0] != null) {
            adapter.returnNetBufferLists(back[0], 0);
        }
        released.forEach((slot, count) -> adapter.finding("N59", Violation.NO_PORT, closedBy.get(slot),
                "its binding closed holding " + count + " received lists; they were taken back"));
    }

    /** Starts delivering a port event: it becomes the event the request checks look at. */
    PortEvent begin(NetPnPEventNotification notification) {
        PortEvent event = PortEvent.of(nextSequence++, notification);
        current = event;
        return event;
    }

    /**
     * Whether {@code port} is open to {@code binding} (spec §1.2): port 0 always; an ACTIVATED port
     * always; an ACTIVATING one once the binding was handed the activation event; a DEACTIVATING one
     * until the binding returned from the deactivation event. The state is read on both sides of the
     * event so a commit between the readings is seen.
     */
    PortAccess access(Binding binding, int port) {
        if (port == PortNumbers.DEFAULT_PORT_NUMBER) {
            return PortAccess.OPEN;
        }
        while (true) {
            PortState state = adapter.portState(port);
            PortEvent event = current;
            if (adapter.portState(port) != state) {
                continue;
            }
            return access(binding, port, state, event);
        }
    }

    /** As {@link #access(Binding, int)} for a state already read (a snapshot's). */
    PortAccess access(Binding binding, int port, PortState state) {
        if (port == PortNumbers.DEFAULT_PORT_NUMBER) {
            return PortAccess.OPEN;
        }
        return access(binding, port, state, current);
    }

    private static PortAccess access(Binding binding, int port, PortState state, PortEvent event) {
        boolean listed = event != null && event.lists(port);
        return switch (state) {
            case ACTIVATED -> PortAccess.OPEN;
            case ACTIVATING -> listed && event.activation() && binding.heard() >= event.sequence()
                    ? PortAccess.OPEN : PortAccess.NOT_YET_REPORTED;
            case DEACTIVATING -> listed && !event.activation() && binding.returned() >= event.sequence()
                    ? PortAccess.AFTER_DEACTIVATION : PortAccess.OPEN;
            default -> PortAccess.INACTIVE;
        };
    }
}
