package com.acme.echo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.data.NetBufferList;
import org.ndisport.api.pnp.NetPnPEventCode;
import org.ndisport.api.pnp.NetPnPEventNotification;
import org.ndisport.api.port.NdisPort;
import org.ndisport.api.protocol.BindParameters;
import org.ndisport.api.protocol.ProtocolBindingHandle;
import org.ndisport.api.protocol.ProtocolDriver;

/**
 * A third-party protocol written against the ndisport API only. It keeps the ports it learned of per
 * adapter (from bind and port events), sends one frame to each of them when asked through its
 * {@code Consumer<String>} service (the adapter's name), and logs binds, unbinds, port events, send
 * completions and the frames that come back as lines, readable through its
 * {@code Supplier<List<String>>} service.
 */
public final class EchoProtocol implements ProtocolDriver, Supplier<List<String>>, Consumer<String> {
    private static final byte[] FRAME = {-1, -1, -1, -1, -1, -1, 2, (byte) 0xAC, 0x3E, 0, 0, 1, (byte) 0x88,
            (byte) 0xB6, 'a', 'c', 'm', 'e'};

    private final List<String> log = new CopyOnWriteArrayList<>();
    private final Map<String, ProtocolBindingHandle> bindings = new ConcurrentHashMap<>();
    private final Map<String, Set<Integer>> ports = new ConcurrentHashMap<>();

    @Override
    public List<String> get() {
        return List.copyOf(log);
    }

    @Override
    public NdisStatus bindAdapter(ProtocolBindingHandle binding, BindParameters parameters) {
        List<Integer> active = numbers(parameters.activePorts());
        bindings.put(binding.adapterName(), binding);
        ports.put(binding.adapterName(), new ConcurrentSkipListSet<>(active));
        log.add("bind " + binding.adapterName() + " " + active);
        return NdisStatus.SUCCESS;
    }

    @Override
    public void unbindAdapter(ProtocolBindingHandle binding) {
        bindings.remove(binding.adapterName(), binding);
        log.add("unbind " + binding.adapterName());
    }

    @Override
    public NdisStatus netPnPEvent(ProtocolBindingHandle binding, NetPnPEventNotification notification) {
        int code = notification.netPnPEvent().netEvent();
        if (code == NetPnPEventCode.PORT_ACTIVATION.code()) {
            List<Integer> activated = numbers((NdisPort) notification.netPnPEvent().buffer());
            ports.get(binding.adapterName()).addAll(activated);
            log.add("port-activation " + binding.adapterName() + " " + activated);
        } else if (code == NetPnPEventCode.PORT_DEACTIVATION.code()) {
            int[] deactivated = (int[]) notification.netPnPEvent().buffer();
            for (int p : deactivated) {
                ports.get(binding.adapterName()).remove(p);
            }
            log.add("port-deactivation " + binding.adapterName() + " " + Arrays.toString(deactivated));
        } else {
            log.add("pnp-event " + code + " " + binding.adapterName());
        }
        return NdisStatus.SUCCESS;
    }

    /** Sends one frame to every port of {@code adapter} this protocol knows to be open. */
    @Override
    public void accept(String adapter) {
        ProtocolBindingHandle binding = bindings.get(adapter);
        if (binding == null) {
            throw new IllegalStateException("not bound to " + adapter);
        }
        for (int port : ports.get(adapter)) {
            binding.sendNetBufferLists(NetBufferList.copyOf(FRAME), port, 0);
        }
    }

    @Override
    public void sendNetBufferListsComplete(ProtocolBindingHandle binding, NetBufferList lists, int flags) {
        for (NetBufferList l = lists; l != null; l = l.next()) {
            log.add("sent " + binding.adapterName() + " " + l.ndisPortNumber() + " " + l.status().name());
        }
    }

    @Override
    public void receiveNetBufferLists(ProtocolBindingHandle binding, NetBufferList lists, int portNumber,
            int numberOfLists, int receiveFlags) {
        for (NetBufferList l = lists; l != null; l = l.next()) {
            if (Arrays.equals(l.frameBytes(), FRAME)) {
                log.add("received " + binding.adapterName() + " " + portNumber);
            }
        }
        binding.returnNetBufferLists(lists, 0);
    }

    private static List<Integer> numbers(NdisPort chain) {
        List<Integer> out = new ArrayList<>();
        for (NdisPort p = chain; p != null; p = p.next()) {
            out.add(p.portCharacteristics().portNumber());
        }
        return out;
    }
}
