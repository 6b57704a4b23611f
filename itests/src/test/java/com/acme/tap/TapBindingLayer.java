package com.acme.tap;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.binding.AdapterEventSink;
import org.ndisport.api.binding.BindableAdapter;
import org.ndisport.api.binding.UnbindReason;
import org.ndisport.api.data.NetBufferList;
import org.ndisport.api.data.OidRequest;
import org.ndisport.api.data.StatusIndication;
import org.ndisport.api.pnp.NetPnPEventNotification;
import org.ndisport.api.port.NdisPort;

/**
 * Another implementation of the binding layer, written against the ndisport API only: it binds no
 * protocol at all. It logs what the engine tells it and hands every received list straight back. Its
 * log is readable through its {@code Supplier<List<String>>} service, and its {@code Consumer<String>}
 * service sends one broadcast frame down port 0 of the named ready adapter, so a test can see the
 * whole data path switch to it.
 */
public final class TapBindingLayer implements AdapterEventSink, Supplier<List<String>>, Consumer<String> {
    private static final byte[] FRAME = {-1, -1, -1, -1, -1, -1, 2, (byte) 0xAC, 0x3E, 0, 0, 2, (byte) 0x88,
            (byte) 0xB7, 't', 'a', 'p', '!'};

    private final List<String> log = new CopyOnWriteArrayList<>();
    private final Map<String, BindableAdapter> ready = new ConcurrentHashMap<>();

    @Override
    public List<String> get() {
        return List.copyOf(log);
    }

    @Override
    public void adapterReady(BindableAdapter adapter) {
        ready.put(adapter.name(), adapter);
        log.add("ready " + adapter.name() + " " + numbers(adapter.activePorts()));
    }

    @Override
    public void accept(String adapterName) {
        BindableAdapter adapter = ready.get(adapterName);
        if (adapter == null) {
            throw new IllegalStateException(adapterName + " is not ready");
        }
        adapter.sendNetBufferLists(NetBufferList.copyOf(FRAME), 0, 0);
    }

    @Override
    public void adapterUnavailable(BindableAdapter adapter, UnbindReason reason) {
        ready.remove(adapter.name(), adapter);
        log.add("unavailable " + adapter.name() + " " + reason);
    }

    @Override
    public void portEvent(BindableAdapter adapter, NetPnPEventNotification notification) {
        log.add("port-event " + adapter.name() + " " + notification.netPnPEvent().netEvent());
    }

    @Override
    public void receive(BindableAdapter adapter, NetBufferList lists, int portNumber, int numberOfLists,
            int receiveFlags) {
        log.add("receive " + adapter.name() + " " + portNumber + " " + numberOfLists);
        adapter.returnNetBufferLists(lists, 0);
    }

    @Override
    public void status(BindableAdapter adapter, StatusIndication indication) {
        log.add("status " + adapter.name());
    }

    @Override
    public void sendComplete(BindableAdapter adapter, NetBufferList lists, int sendCompleteFlags) {
        log.add("sent " + adapter.name() + " " + lists.status().name());
    }

    @Override
    public void oidComplete(BindableAdapter adapter, OidRequest request, NdisStatus status) {
        log.add("oid-complete " + adapter.name() + " " + status.name());
    }

    private static List<Integer> numbers(NdisPort chain) {
        List<Integer> out = new ArrayList<>();
        for (NdisPort p = chain; p != null; p = p.next()) {
            out.add(p.portCharacteristics().portNumber());
        }
        return out;
    }
}
