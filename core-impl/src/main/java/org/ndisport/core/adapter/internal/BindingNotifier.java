package org.ndisport.core.adapter.internal;

import org.ndisport.api.Irql;
import org.ndisport.api.binding.AdapterEventSink;
import org.ndisport.api.binding.BindableAdapter;
import org.ndisport.api.binding.UnbindReason;
import org.ndisport.api.pnp.NetPnPEventNotification;
import org.ndisport.api.runtime.AdapterPhase;
import org.ndisport.api.runtime.PortState;
import org.ndisport.api.runtime.Violation;
import org.ndisport.core.port.internal.PortEntry;

/**
 * Tells the binding layer about one adapter, one thing at a time under the delivery lock (R76): ready
 * (bind), unavailable (unbind) and port events, each at PASSIVE (D31). A sink that throws is logged and
 * recorded (N1).
 */
final class BindingNotifier {
    private final Adapter adapter;
    private final BindableAdapter bindable;

    BindingNotifier(Adapter adapter, BindableAdapter bindable) {
        this.adapter = adapter;
        this.bindable = bindable;
    }

    /**
     * Announces the adapter on the engine's executor, so binding starts after the call that made port 0
     * active has returned (O-2, D16). Re-checks the conditions when it runs.
     */
    void announceLater() {
        adapter.context().bindExecutor().execute(this::announceIfReady);
    }

    /** Announces the adapter now, if port 0 is active, it is operational, no halt is scheduled, and not yet announced. */
    void announceIfReady() {
        adapter.deliveryLock().lock();
        try {
            AdapterEventSink sink = adapter.context().sink();
            if (sink == null || adapter.announced() || !ready()) {
                return;
            }
            adapter.announced(true);
            call(() -> sink.adapterReady(bindable), "adapterReady");
        } finally {
            adapter.deliveryLock().unlock();
        }
    }

    /** Phase, halt flag and port 0 read together, so a halt cannot slip between the readings (D34). */
    private boolean ready() {
        synchronized (adapter.stateLock()) {
            PortEntry port0 = adapter.ports().get(0);
            return adapter.phase() == AdapterPhase.P2_OPERATIONAL && !adapter.haltScheduled()
                    && port0 != null && port0.state() == PortState.ACTIVATED;
        }
    }

    /** Closes every binding synchronously through the current binding layer (D15, D34), if announced. */
    void unannounce(UnbindReason reason) {
        unannounce(reason, adapter.context().sink());
    }

    /**
     * Closes every binding through {@code sink}, if the adapter was announced: first no new indication
     * reaches the bindings, then those in progress on other threads finish, then the sink unbinds.
     */
    void unannounce(UnbindReason reason, AdapterEventSink sink) {
        adapter.deliveryLock().lock();
        try {
            if (!adapter.announced()) {
                return;
            }
            adapter.announced(false);
            adapter.context().calls().awaitOthersIndicating(adapter.ports().entries());
            if (sink != null) {
                call(() -> sink.adapterUnavailable(bindable, reason), "adapterUnavailable");
            }
        } finally {
            adapter.deliveryLock().unlock();
        }
    }

    /** Delivers a port event to the bindings before returning (D22); nothing while unannounced (O-1). */
    void deliver(NetPnPEventNotification copy) {
        adapter.deliveryLock().lock();
        try {
            AdapterEventSink sink = adapter.context().sink();
            if (sink != null && adapter.announced()) {
                call(() -> sink.portEvent(bindable, copy), "portEvent");
            }
        } finally {
            adapter.deliveryLock().unlock();
        }
    }


    private void call(Runnable action, String what) {
        Irql previous = adapter.context().calls().enter(Irql.PASSIVE_LEVEL);
        try {
            action.run();
        } catch (Exception | Error e) {
            adapter.bindingLayerFailed(what, Violation.NO_PORT, e);
        } finally {
            adapter.context().calls().restore(previous);
        }
    }
}
