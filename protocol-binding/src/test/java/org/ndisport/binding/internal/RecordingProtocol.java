package org.ndisport.binding.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
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
 * A protocol that writes every callback to a log shared with other protocols, as
 * {@code "NAME bind ADAPTER [0, 1]"}, {@code "NAME activate ADAPTER [2]"}, {@code "NAME deactivate ADAPTER [2]"},
 * {@code "NAME unbind ADAPTER"}, {@code "NAME receive ADAPTER port=N lists=N"},
 * {@code "NAME status ADAPTER port=N code=0x..."}, {@code "NAME sendComplete ADAPTER port=N STATUS"} and
 * {@code "NAME oidComplete ADAPTER 0x... STATUS"}. Answers are scripted; received lists are returned at
 * once unless {@link #keepReceives} is set.
 */
final class RecordingProtocol implements ProtocolDriver {
    final String name;
    final List<String> log;
    final Map<String, ProtocolBindingHandle> handles = new ConcurrentHashMap<>();
    final List<NetPnPEventNotification> events = new CopyOnWriteArrayList<>();
    final List<NetBufferList> kept = new CopyOnWriteArrayList<>();
    final List<NetBufferList> sendCompletions = new CopyOnWriteArrayList<>();
    final AtomicLong received = new AtomicLong();
    volatile ProtocolEntry entry;
    volatile BindParameters lastBind;
    volatile NdisStatus bindAnswer = NdisStatus.SUCCESS;
    volatile BiFunction<ProtocolBindingHandle, NetPnPEventNotification, NdisStatus> onPortEvent =
            (b, n) -> NdisStatus.SUCCESS;
    volatile ReceiveHook onReceive;
    volatile boolean keepReceives;
    /** When set, received lists are handed to it (to be returned later, elsewhere) instead of kept or returned. */
    volatile java.util.function.Consumer<NetBufferList> handOff;
    volatile boolean quiet;
    /** Run at the end of unbindAdapter, e.g. to wait until lists handed off have been returned. */
    volatile Runnable onUnbind;
    final AtomicLong statuses = new AtomicLong();
    /** The callback that throws after logging: bind, unbind, event, receive, status, sendComplete, oidComplete. */
    volatile String throwIn = "";

    /** Called for each receive before the lists are returned or kept. */
    interface ReceiveHook {
        void received(ProtocolBindingHandle binding, NetBufferList lists, int port);
    }

    RecordingProtocol(String name, List<String> log) {
        this.name = name;
        this.log = log;
    }

    /** The handle of the binding to {@code adapter}; fails when not bound. */
    ProtocolBindingHandle handle(String adapter) {
        ProtocolBindingHandle h = handles.get(adapter);
        if (h == null) {
            throw new AssertionError(name + " is not bound to " + adapter);
        }
        return h;
    }

    @Override
    public NdisStatus bindAdapter(ProtocolBindingHandle binding, BindParameters parameters) {
        lastBind = parameters;
        log.add(name + " bind " + parameters.adapterName() + " " + ports(parameters.activePorts()));
        failIf("bind");
        NdisStatus answer = bindAnswer;
        if (answer == NdisStatus.SUCCESS) {
            handles.put(binding.adapterName(), binding);
        }
        return answer;
    }

    @Override
    public void unbindAdapter(ProtocolBindingHandle binding) {
        log.add(name + " unbind " + binding.adapterName());
        failIf("unbind");
        Runnable hook = onUnbind;
        if (hook != null) {
            hook.run();
        }
        handles.remove(binding.adapterName());
    }

    @Override
    public NdisStatus netPnPEvent(ProtocolBindingHandle binding, NetPnPEventNotification notification) {
        events.add(notification);
        Object buffer = notification.netPnPEvent().buffer();
        if (notification.netPnPEvent().netEvent() == NetPnPEventCode.PORT_ACTIVATION.code()) {
            log.add(name + " activate " + binding.adapterName() + " " + ports((NdisPort) buffer));
        } else {
            log.add(name + " deactivate " + binding.adapterName() + " " + java.util.Arrays.toString((int[]) buffer));
        }
        failIf("event");
        return onPortEvent.apply(binding, notification);
    }

    @Override
    public void receiveNetBufferLists(ProtocolBindingHandle binding, NetBufferList lists, int portNumber,
            int numberOfLists, int receiveFlags) {
        received.incrementAndGet();
        if (!quiet) {
            log.add(name + " receive " + binding.adapterName() + " port=" + portNumber + " lists=" + numberOfLists);
        }
        failIf("receive");
        ReceiveHook hook = onReceive;
        if (hook != null) {
            hook.received(binding, lists, portNumber);
        }
        java.util.function.Consumer<NetBufferList> away = handOff;
        if (away != null) {
            away.accept(lists);
        } else if (keepReceives) {
            kept.add(lists);
        } else {
            binding.returnNetBufferLists(lists, 0);
        }
    }

    @Override
    public void status(ProtocolBindingHandle binding, StatusIndication indication) {
        statuses.incrementAndGet();
        if (!quiet) {
            log.add(name + " status " + binding.adapterName() + " port=" + indication.portNumber()
                    + String.format(" code=0x%08X", indication.statusCode()));
        }
        failIf("status");
    }

    @Override
    public void sendNetBufferListsComplete(ProtocolBindingHandle binding, NetBufferList lists, int flags) {
        for (NetBufferList l = lists; l != null; l = l.next()) {
            sendCompletions.add(l);
            log.add(name + " sendComplete " + binding.adapterName() + " port=" + l.ndisPortNumber() + " " + l.status());
        }
        failIf("sendComplete");
    }

    @Override
    public void oidRequestComplete(ProtocolBindingHandle binding, OidRequest request, NdisStatus status) {
        log.add(name + " oidComplete " + binding.adapterName() + String.format(" 0x%08X ", request.oid()) + status);
        failIf("oidComplete");
    }

    private void failIf(String callback) {
        if (throwIn.equals(callback)) {
            throw new IllegalStateException(name + " fails in " + callback);
        }
    }

    /** Port numbers of a chain, in chain order, as "[0, 1]". */
    static String ports(NdisPort chain) {
        List<Integer> numbers = new ArrayList<>();
        for (NdisPort p = chain; p != null; p = p.next()) {
            numbers.add(p.portCharacteristics().portNumber());
        }
        return numbers.toString();
    }
}
