package com.acme.echo;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
 * A third-party protocol written against the ndisport API only: on every bind and port activation it
 * sends one frame to each port it learned of (from its own thread), and it logs binds, unbinds, port
 * events, send completions and receives as lines, readable through its {@code Supplier<List<String>>}
 * service.
 */
public final class EchoProtocol implements ProtocolDriver, Supplier<List<String>>, AutoCloseable {
    private static final byte[] FRAME = {-1, -1, -1, -1, -1, -1, 2, (byte) 0xAC, 0x3E, 0, 0, 1, (byte) 0x88,
            (byte) 0xB6, 'a', 'c', 'm', 'e'};

    private final List<String> log = new CopyOnWriteArrayList<>();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "acme-echo-sender");
        t.setDaemon(true);
        return t;
    });

    @Override
    public List<String> get() {
        return List.copyOf(log);
    }

    @Override
    public NdisStatus bindAdapter(ProtocolBindingHandle binding, BindParameters parameters) {
        List<Integer> ports = numbers(parameters.activePorts());
        log.add("bind " + binding.adapterName() + " " + ports);
        sendLater(binding, ports);
        return NdisStatus.SUCCESS;
    }

    @Override
    public void unbindAdapter(ProtocolBindingHandle binding) {
        log.add("unbind " + binding.adapterName());
    }

    @Override
    public NdisStatus netPnPEvent(ProtocolBindingHandle binding, NetPnPEventNotification notification) {
        int code = notification.netPnPEvent().netEvent();
        if (code == NetPnPEventCode.PORT_ACTIVATION.code()) {
            List<Integer> ports = numbers((NdisPort) notification.netPnPEvent().buffer());
            log.add("port-activation " + binding.adapterName() + " " + ports);
            sendLater(binding, ports);
        } else {
            log.add("pnp-event " + code + " " + binding.adapterName());
        }
        return NdisStatus.SUCCESS;
    }

    private void sendLater(ProtocolBindingHandle binding, List<Integer> ports) {
        sender.execute(() -> {
            for (int port : ports) {
                binding.sendNetBufferLists(NetBufferList.copyOf(FRAME), port, 0);
            }
        });
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
            if (java.util.Arrays.equals(l.frameBytes(), FRAME)) {
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

    @Override
    public void close() {
        sender.shutdownNow();
    }
}
