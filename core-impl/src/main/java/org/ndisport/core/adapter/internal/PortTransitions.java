package org.ndisport.core.adapter.internal;

import org.ndisport.api.NdisStatus;
import org.ndisport.api.NdisVerifierException;
import org.ndisport.api.PortNumbers;
import org.ndisport.api.binding.UnbindReason;
import org.ndisport.api.pnp.NetPnPEvent;
import org.ndisport.api.pnp.NetPnPEventCode;
import org.ndisport.api.pnp.NetPnPEventNotification;
import org.ndisport.api.port.AuthStates;
import org.ndisport.api.port.NdisPort;
import org.ndisport.api.port.PortCharacteristics;
import org.ndisport.api.runtime.AdapterPhase;
import org.ndisport.api.runtime.PortState;
import org.ndisport.core.pnp.internal.ParsedPortEvent;
import org.ndisport.core.port.internal.PortEntry;

/**
 * Activation (A5-A9) and deactivation (X4-X8) after the parameter checks. Existence, port-0
 * exclusivity and state are checked and the transition flags set in one step under the state lock, so
 * an event is all or nothing (R16, R30, D10, D32) and an event listing an in-flight port is rejected
 * (D13). Delivery and the final state change then happen together under the delivery lock, so a bind
 * never sees a port event half done (R76).
 */
final class PortTransitions {
    private final Adapter adapter;
    private final BindingNotifier notifier;

    PortTransitions(Adapter adapter, BindingNotifier notifier) {
        this.adapter = adapter;
        this.notifier = notifier;
    }

    NdisStatus activate(ParsedPortEvent parsed) {
        PortEntry[] entries;
        synchronized (adapter.stateLock()) {
            NdisStatus failure = parsed.valid() ? check(parsed, PortState.ALLOCATED) : parsed.failure();
            if (failure != null) {
                markFailedActivation(parsed.ports());
                return failure;
            }
            entries = lookup(parsed.ports());
            for (int i = 0; i < entries.length; i++) {
                adapter.portState(entries[i], PortState.ACTIVATING);
                if (entries[i].number() != PortNumbers.DEFAULT_PORT_NUMBER) {
                    PortCharacteristics c = parsed.characteristics()[i];
                    entries[i].cache(c.linkState(), effectiveAuth(c));
                }
            }
        }
        boolean port0 = parsed.listsDefaultPort();
        boolean committed;
        adapter.deliveryLock().lock();
        try {
            if (!port0) {
                notifier.deliver(activationCopy(parsed, entries));
            }
            committed = commit(entries, PortState.ACTIVATING, PortState.ACTIVATED);
        } finally {
            adapter.deliveryLock().unlock();
        }
        if (committed && port0 && adapter.phase() == AdapterPhase.P2_OPERATIONAL) {
            notifier.announceLater();
        }
        return committed ? NdisStatus.SUCCESS : NdisStatus.CLOSING;
    }

    NdisStatus deactivate(ParsedPortEvent parsed) {
        PortEntry[] entries;
        synchronized (adapter.stateLock()) {
            NdisStatus failure = parsed.valid() ? check(parsed, PortState.ACTIVATED) : parsed.failure();
            if (failure != null) {
                return failure;
            }
            entries = lookup(parsed.ports());
            flagDeactivatingOrThrow(entries);
        }
        adapter.context().calls().awaitOthersIndicating(java.util.Arrays.asList(entries));
        boolean committed;
        adapter.deliveryLock().lock();
        try {
            if (parsed.listsDefaultPort()) {
                notifier.unannounce(UnbindReason.DEFAULT_PORT_DEACTIVATED);
            } else {
                int[] copy = parsed.ports().clone();
                notifier.deliver(NetPnPEventNotification.of(
                        new NetPnPEvent(NetPnPEventCode.PORT_DEACTIVATION, copy, copy.length * Integer.BYTES)));
            }
            committed = commit(entries, PortState.DEACTIVATING, PortState.ALLOCATED);
        } finally {
            adapter.deliveryLock().unlock();
        }
        return committed ? NdisStatus.SUCCESS : NdisStatus.CLOSING;
    }

    /**
     * Sets DEACTIVATING, then looks for indications still in progress (R31), the caller's own included.
     * The flag is set silently first, so a FAIL_FAST throw can undo it with no visible effect.
     */
    private void flagDeactivatingOrThrow(PortEntry[] entries) {
        for (PortEntry e : entries) {
            e.state(PortState.DEACTIVATING);
        }
        try {
            for (PortEntry e : entries) {
                if (e.indicationsInProgress() > 0) {
                    adapter.violation("R31", e.number(), "deactivation while an indication is in progress");
                }
            }
        } catch (NdisVerifierException failFast) {
            for (PortEntry e : entries) {
                e.state(PortState.ACTIVATED);
            }
            throw failFast;
        }
        for (PortEntry e : entries) {
            adapter.portState(e, PortState.DEACTIVATING);
        }
    }

    /**
     * The final state change, unless a halt reclaimed the ports while the event was in flight: then
     * nothing changes and the call reports CLOSING, as on a stale handle (D13).
     */
    private boolean commit(PortEntry[] entries, PortState flag, PortState target) {
        synchronized (adapter.stateLock()) {
            for (PortEntry e : entries) {
                if (adapter.ports().get(e.number()) != e || e.state() != flag) {
                    return false;
                }
            }
            for (PortEntry e : entries) {
                if (target == PortState.ACTIVATED) {
                    e.lastActivationFailed(false);
                }
                adapter.portState(e, target);
            }
            return true;
        }
    }

    /** Existence (A5/X4), port-0 exclusivity (A6/X5), then state (A7/X6), in D10 order. */
    private NdisStatus check(ParsedPortEvent parsed, PortState required) {
        int[] ports = parsed.ports();
        for (int n : ports) {
            if (adapter.ports().get(n) == null) {
                return NdisStatus.INVALID_PORT;
            }
        }
        if (ports.length > 1 && parsed.listsDefaultPort()) {
            return NdisStatus.INVALID_PORT;
        }
        for (int n : ports) {
            if (adapter.ports().get(n).state() != required) {
                return NdisStatus.INVALID_PORT_STATE;
            }
        }
        return null;
    }

    private PortEntry[] lookup(int[] ports) {
        PortEntry[] entries = new PortEntry[ports.length];
        for (int i = 0; i < ports.length; i++) {
            entries[i] = adapter.ports().get(ports[i]);
        }
        return entries;
    }

    /** "Latest activation attempt failed" (§2.5, N6) for every listed port that exists and is ALLOCATED. */
    private void markFailedActivation(int[] ports) {
        if (ports == null) {
            return;
        }
        for (int n : ports) {
            PortEntry e = adapter.ports().get(n);
            if (e != null && e.state() == PortState.ALLOCATED) {
                e.lastActivationFailed(true);
            }
        }
    }

    private AuthStates effectiveAuth(PortCharacteristics c) {
        return c.usesDefaultAuthSettings() ? adapter.spec().defaultAuthStates() : c.authStates();
    }

    /** The runtime's copy of the chain, in the miniport's order, with effective auth states (R20, §4.1). */
    private NetPnPEventNotification activationCopy(ParsedPortEvent parsed, PortEntry[] entries) {
        PortCharacteristics[] copies = new PortCharacteristics[entries.length];
        for (int i = 0; i < entries.length; i++) {
            copies[i] = parsed.characteristics()[i].copy().authStates(entries[i].authStates());
        }
        return NetPnPEventNotification.portActivation(NdisPort.chain(copies));
    }

}
