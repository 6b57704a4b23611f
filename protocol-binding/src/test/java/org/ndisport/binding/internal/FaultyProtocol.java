package org.ndisport.binding.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.data.NetBufferList;
import org.ndisport.api.data.OidRequest;
import org.ndisport.api.data.StatusIndication;
import org.ndisport.api.pnp.NetPnPEventCode;
import org.ndisport.api.pnp.NetPnPEventNotification;
import org.ndisport.api.port.NdisPort;
import org.ndisport.api.protocol.BindParameters;
import org.ndisport.api.protocol.ProtocolBindingHandle;
import org.ndisport.api.protocol.ProtocolDriver;

/**
 * A protocol whose callbacks can be made to fail per adapter ({@link #inject}), logging every call to a
 * log shared with the other test drivers as {@code "NAME CALLBACK ADAPTER …"}. Received lists are
 * returned at the end of the callback, after the injection point (so a throw happens while the
 * protocol still holds them), or kept on adapters in {@link #keepOn}; port events on adapters in
 * {@link #pendOn} return PENDING and are never completed unless the test does.
 */
final class FaultyProtocol implements ProtocolDriver {
    final String name;
    final List<String> log;
    final Map<String, ProtocolBindingHandle> handles = new ConcurrentHashMap<>();
    final Set<String> keepOn = ConcurrentHashMap.newKeySet();
    final Set<String> pendOn = ConcurrentHashMap.newKeySet();
    final List<NetBufferList> kept = new CopyOnWriteArrayList<>();
    final List<NetBufferList> completions = new CopyOnWriteArrayList<>();
    final BlockingQueue<NetPnPEventNotification> pended = new LinkedBlockingQueue<>();
    private final Map<String, Fault> faults = new ConcurrentHashMap<>();
    private final Map<String, Runnable> hooks = new ConcurrentHashMap<>();
    volatile ProtocolEntry entry;

    FaultyProtocol(String name, List<String> log) {
        this.name = name;
        this.log = log;
    }

    /**
     * Injects {@code fault} into {@code callback} (bind, unbind, event, receive, status, sendComplete,
     * oidComplete) for {@code adapter} only; returns it.
     */
    Fault inject(String callback, String adapter, Fault fault) {
        faults.put(callback + "@" + adapter, fault);
        return fault;
    }

    /** Runs {@code hook} at the start of {@code callback} for {@code adapter}, before any fault. */
    void onCall(String callback, String adapter, Runnable hook) {
        hooks.put(callback + "@" + adapter, hook);
    }

    /** The handle of the binding to {@code adapter}; fails when not bound. */
    ProtocolBindingHandle handle(String adapter) {
        ProtocolBindingHandle h = handles.get(adapter);
        if (h == null) {
            throw new AssertionError(name + " is not bound to " + adapter);
        }
        return h;
    }

    /** How often {@code list} came back to this protocol as a send completion. */
    long timesCompleted(NetBufferList list) {
        return completions.stream().filter(l -> l == list).count();
    }

    private void enter(String callback, String adapter) {
        Runnable hook = hooks.get(callback + "@" + adapter);
        if (hook != null) {
            hook.run();
        }
        Fault f = faults.get(callback + "@" + adapter);
        if (f != null) {
            f.strike(name + " " + callback + " " + adapter);
        }
    }

    @Override
    public NdisStatus bindAdapter(ProtocolBindingHandle binding, BindParameters parameters) {
        log.add(name + " bind " + parameters.adapterName() + " " + ports(parameters.activePorts()));
        enter("bind", parameters.adapterName());
        handles.put(binding.adapterName(), binding);
        log.add(name + " bound " + parameters.adapterName());
        return NdisStatus.SUCCESS;
    }

    @Override
    public void unbindAdapter(ProtocolBindingHandle binding) {
        log.add(name + " unbind " + binding.adapterName());
        enter("unbind", binding.adapterName());
        handles.remove(binding.adapterName());
    }

    @Override
    public NdisStatus netPnPEvent(ProtocolBindingHandle binding, NetPnPEventNotification notification) {
        Object buffer = notification.netPnPEvent().buffer();
        if (notification.netPnPEvent().netEvent() == NetPnPEventCode.PORT_ACTIVATION.code()) {
            log.add(name + " activate " + binding.adapterName() + " " + ports((NdisPort) buffer));
        } else {
            log.add(name + " deactivate " + binding.adapterName() + " " + Arrays.toString((int[]) buffer));
        }
        enter("event", binding.adapterName());
        if (pendOn.contains(binding.adapterName())) {
            pended.add(notification);
            return NdisStatus.PENDING;
        }
        return NdisStatus.SUCCESS;
    }

    @Override
    public void receiveNetBufferLists(ProtocolBindingHandle binding, NetBufferList lists, int portNumber,
            int numberOfLists, int receiveFlags) {
        String adapter = binding.adapterName();
        log.add(name + " receive " + adapter + " port=" + portNumber + " lists=" + numberOfLists);
        boolean keep = keepOn.contains(adapter);
        if (keep) {
            kept.add(lists);
        }
        enter("receive", adapter);
        if (!keep) {
            binding.returnNetBufferLists(lists, 0);
        }
    }

    @Override
    public void status(ProtocolBindingHandle binding, StatusIndication indication) {
        log.add(name + " status " + binding.adapterName() + " port=" + indication.portNumber());
        enter("status", binding.adapterName());
    }

    @Override
    public void sendNetBufferListsComplete(ProtocolBindingHandle binding, NetBufferList lists, int flags) {
        for (NetBufferList l = lists; l != null; l = l.next()) {
            completions.add(l);
            log.add(name + " sendComplete " + binding.adapterName() + " port=" + l.ndisPortNumber() + " " + l.status().name());
        }
        enter("sendComplete", binding.adapterName());
    }

    @Override
    public void oidRequestComplete(ProtocolBindingHandle binding, OidRequest request, NdisStatus status) {
        log.add(name + " oidComplete " + binding.adapterName() + " " + status.name());
        enter("oidComplete", binding.adapterName());
    }

    private static String ports(NdisPort chain) {
        StringBuilder s = new StringBuilder("[");
        for (NdisPort p = chain; p != null; p = p.next()) {
            s.append(s.length() == 1 ? "" : ", ").append(p.portCharacteristics().portNumber());
        }
        return s.append(']').toString();
    }
}
