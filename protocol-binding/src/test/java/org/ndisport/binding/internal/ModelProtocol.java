package org.ndisport.binding.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.data.NetBufferList;
import org.ndisport.api.data.StatusIndication;
import org.ndisport.api.pnp.NetPnPEvent;
import org.ndisport.api.pnp.NetPnPEventCode;
import org.ndisport.api.pnp.NetPnPEventNotification;
import org.ndisport.api.port.NdisPort;
import org.ndisport.api.protocol.BindParameters;
import org.ndisport.api.protocol.ProtocolBindingHandle;
import org.ndisport.api.protocol.ProtocolDriver;

/**
 * The protocol of the model-based test: writes what it sees in the form {@link PortModel} predicts
 * ({@code "p1 bind A [0, 1]"}, {@code "p1 activate A [2]"}, {@code "p1 deactivate A [2]"},
 * {@code "p1 unbind A"}, {@code "p1 receive A port=2"}, {@code "p1 status A port=2 code=40010022"},
 * {@code "p1 sendComplete A port=2 SUCCESS"}),
 * noting anything of a port event that differs from §4.1 (BufferLength, notification PortNumber), and
 * hands each port event to the test's hook. Answers binds and port events as its style says; returns
 * received lists at once.
 */
final class ModelProtocol implements ProtocolDriver {
    /** What the test runs inside a port-event or unbind callback, after it was logged. */
    interface EventHook {
        void onPortEvent(ModelProtocol protocol, ProtocolBindingHandle binding, NetPnPEventNotification notification);

        void onUnbind(ModelProtocol protocol, ProtocolBindingHandle binding);
    }

    final String name;
    private final List<String> log;
    private final EventHook hook;
    final Map<String, ProtocolBindingHandle> handles = new java.util.concurrent.ConcurrentHashMap<>();
    /** Handles of bindings that were closed, newest last. */
    final List<ProtocolBindingHandle> closed = new ArrayList<>();
    private final Map<NetBufferList, Integer> sendPorts = new IdentityHashMap<>();
    ProtocolEntry entry;

    private final ModelOps.ProtocolStyle style;

    ModelProtocol(String name, List<String> log, EventHook hook, ModelOps.ProtocolStyle style) {
        this.name = name;
        this.log = log;
        this.hook = hook;
        this.style = style;
    }

    /** Sends one frame on {@code port} through {@code handle}. */
    void send(ProtocolBindingHandle handle, int port) {
        NetBufferList l = NetBufferList.copyOf(new byte[] {1, 2, 3});
        synchronized (sendPorts) {
            sendPorts.put(l, port);
        }
        handle.sendNetBufferLists(l, port, 0);
    }

    @Override
    public NdisStatus bindAdapter(ProtocolBindingHandle binding, BindParameters parameters) {
        log.add(name + " bind " + binding.adapterName() + " " + numbers(parameters.activePorts()));
        if (style.bindAnswer() == NdisStatus.SUCCESS) {
            handles.put(binding.adapterName(), binding);
        }
        return style.bindAnswer();
    }

    @Override
    public void unbindAdapter(ProtocolBindingHandle binding) {
        log.add(name + " unbind " + binding.adapterName());
        handles.remove(binding.adapterName());
        closed.add(binding);
        hook.onUnbind(this, binding);
    }

    @Override
    public NdisStatus netPnPEvent(ProtocolBindingHandle binding, NetPnPEventNotification notification) {
        NetPnPEvent event = notification.netPnPEvent();
        String odd = notification.portNumber() != 0 ? " notification-port=" + notification.portNumber() : "";
        if (event.netEvent() == NetPnPEventCode.PORT_ACTIVATION.code() && event.buffer() instanceof NdisPort chain) {
            List<Integer> listed = numbers(chain);
            if (event.bufferLength() != listed.size() * NdisPort.SIZE) {
                odd += " len=" + Integer.toUnsignedString(event.bufferLength());
            }
            log.add(name + " activate " + binding.adapterName() + " " + listed + odd);
        } else if (event.netEvent() == NetPnPEventCode.PORT_DEACTIVATION.code() && event.buffer() instanceof int[] a) {
            int count = Integer.divideUnsigned(event.bufferLength(), Integer.BYTES);
            String shown = Arrays.toString(Arrays.copyOf(a, Math.min(count, a.length)));
            if (event.bufferLength() % Integer.BYTES != 0 || count > a.length) {
                odd += " len=" + Integer.toUnsignedString(event.bufferLength()) + " of " + a.length;
            }
            log.add(name + " deactivate " + binding.adapterName() + " " + shown + odd);
        } else {
            log.add(name + " event " + binding.adapterName() + " code=" + event.netEvent());
        }
        hook.onPortEvent(this, binding, notification);
        return style.eventAnswer();
    }

    @Override
    public void receiveNetBufferLists(ProtocolBindingHandle binding, NetBufferList lists, int portNumber,
            int numberOfLists, int receiveFlags) {
        log.add(name + " receive " + binding.adapterName() + " port=" + portNumber);
        binding.returnNetBufferLists(lists, 0);
    }

    @Override
    public void status(ProtocolBindingHandle binding, StatusIndication indication) {
        log.add(name + " status " + binding.adapterName() + " port=" + Integer.toUnsignedString(indication.portNumber())
                + " code=" + Integer.toHexString(indication.statusCode()));
    }

    @Override
    public void sendNetBufferListsComplete(ProtocolBindingHandle binding, NetBufferList lists, int flags) {
        for (NetBufferList l = lists; l != null; l = l.next()) {
            Integer port;
            synchronized (sendPorts) {
                port = sendPorts.remove(l);
            }
            log.add(name + " sendComplete " + binding.adapterName() + " port=" + port + " " + l.status());
        }
    }

    static List<Integer> numbers(NdisPort chain) {
        List<Integer> out = new ArrayList<>();
        for (NdisPort p = chain; p != null && out.size() <= PortModel.LIMIT + 2; p = p.next()) {
            out.add(p.portCharacteristics() == null ? null : p.portCharacteristics().portNumber());
        }
        return out;
    }
}
