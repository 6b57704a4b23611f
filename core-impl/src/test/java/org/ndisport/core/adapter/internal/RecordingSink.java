package org.ndisport.core.adapter.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.binding.AdapterEventSink;
import org.ndisport.api.binding.BindableAdapter;
import org.ndisport.api.binding.UnbindReason;
import org.ndisport.api.data.NetBufferList;
import org.ndisport.api.data.OidRequest;
import org.ndisport.api.data.StatusIndication;
import org.ndisport.api.pnp.NetPnPEvent;
import org.ndisport.api.pnp.NetPnPEventNotification;
import org.ndisport.api.port.NdisPort;

/**
 * A binding layer that records what the engine tells it, one line per call, and returns receives at once.
 * Tests may set hooks to run code inside the engine's calls; each defaults to doing nothing.
 */
public class RecordingSink implements AdapterEventSink {
    final List<String> calls = new CopyOnWriteArrayList<>();
    final List<NetPnPEventNotification> portEvents = new CopyOnWriteArrayList<>();
    final List<NetBufferList> completedSends = new CopyOnWriteArrayList<>();
    volatile BindableAdapter lastAdapter;

    /** Runs after an adapter's readiness is recorded. */
    public volatile Consumer<BindableAdapter> onReady = adapter -> { };
    /** Runs before a port event is recorded. */
    public volatile Consumer<NetPnPEventNotification> beforePortEvent = n -> { };
    /** Runs after a port event is recorded. */
    public volatile Consumer<NetPnPEventNotification> onPortEvent = n -> { };
    /** Runs with the port number before a receive is recorded and its lists returned. */
    public volatile IntConsumer onReceive = port -> { };
    /** Runs before an unbind is recorded. */
    public volatile BiConsumer<BindableAdapter, UnbindReason> beforeUnavailable = (adapter, reason) -> { };
    /** Runs after an unbind is recorded. */
    public volatile BiConsumer<BindableAdapter, UnbindReason> onUnavailable = (adapter, reason) -> { };

    @Override
    public void adapterReady(BindableAdapter adapter) {
        lastAdapter = adapter;
        StringBuilder ports = new StringBuilder();
        for (NdisPort p = adapter.activePorts(); p != null; p = p.next()) {
            ports.append(ports.length() == 0 ? "" : ",").append(p.portCharacteristics().portNumber());
        }
        calls.add("ready " + adapter.name() + " [" + ports + "]");
        onReady.accept(adapter);
    }

    @Override
    public void adapterUnavailable(BindableAdapter adapter, UnbindReason reason) {
        beforeUnavailable.accept(adapter, reason);
        calls.add("unavailable " + adapter.name() + " " + reason);
        onUnavailable.accept(adapter, reason);
    }

    @Override
    public void portEvent(BindableAdapter adapter, NetPnPEventNotification n) {
        beforePortEvent.accept(n);
        portEvents.add(n);
        NetPnPEvent e = n.netPnPEvent();
        StringBuilder ports = new StringBuilder();
        if (e.buffer() instanceof NdisPort head) {
            for (NdisPort p = head; p != null; p = p.next()) {
                ports.append(ports.length() == 0 ? "" : ",").append(p.portCharacteristics().portNumber());
            }
        } else if (e.buffer() instanceof int[] a) {
            for (int p : a) {
                ports.append(ports.length() == 0 ? "" : ",").append(p);
            }
        }
        calls.add((e.netEvent() == 10 ? "activate" : "deactivate") + " " + adapter.name() + " [" + ports + "]");
        onPortEvent.accept(n);
    }

    @Override
    public void receive(BindableAdapter adapter, NetBufferList lists, int port, int count, int flags) {
        onReceive.accept(port);
        calls.add("receive " + adapter.name() + " " + port);
        adapter.returnNetBufferLists(lists, 0);
    }

    @Override
    public void status(BindableAdapter adapter, StatusIndication indication) {
        calls.add("status " + adapter.name() + " " + indication.portNumber());
    }

    @Override
    public void sendComplete(BindableAdapter adapter, NetBufferList lists, int flags) {
        for (NetBufferList l = lists; l != null; l = l.next()) {
            completedSends.add(l);
        }
    }

    @Override
    public void oidComplete(BindableAdapter adapter, OidRequest request, NdisStatus status) {
        calls.add("oidComplete " + adapter.name() + " " + status.name());
    }
}
