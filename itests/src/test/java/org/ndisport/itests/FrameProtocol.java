package org.ndisport.itests;

import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.data.NetBufferList;
import org.ndisport.api.data.OidRequest;
import org.ndisport.api.pnp.NetPnPEventNotification;
import org.ndisport.api.protocol.BindParameters;
import org.ndisport.api.protocol.ProtocolBindingHandle;
import org.ndisport.api.protocol.ProtocolDriver;
import org.ndisport.testkit.EventLines;

/**
 * A protocol for end-to-end tests: records binds, unbinds and port events as testkit event lines,
 * keeps a copy of every received frame by adapter and port, and lets the test send frames and OIDs
 * (pended ones awaited) through its bindings.
 */
final class FrameProtocol implements ProtocolDriver {
    private final Map<String, ProtocolBindingHandle> bindings = new ConcurrentHashMap<>();
    private final Map<String, BlockingQueue<byte[]>> received = new ConcurrentHashMap<>();
    private final Map<OidRequest, BlockingQueue<NdisStatus>> pendedOids = new ConcurrentHashMap<>();
    private final List<String> events = new CopyOnWriteArrayList<>();

    List<String> events() {
        return List.copyOf(events);
    }

    @Override
    public NdisStatus bindAdapter(ProtocolBindingHandle binding, BindParameters parameters) {
        bindings.put(parameters.adapterName(), binding);
        events.add("bind " + parameters.adapterName() + " " + EventLines.ports(parameters.activePorts()));
        Changes.signal();
        return NdisStatus.SUCCESS;
    }

    @Override
    public void unbindAdapter(ProtocolBindingHandle binding) {
        bindings.remove(binding.adapterName(), binding);
        events.add("unbind " + binding.adapterName());
        Changes.signal();
    }

    @Override
    public NdisStatus netPnPEvent(ProtocolBindingHandle binding, NetPnPEventNotification notification) {
        events.add(EventLines.portEvent(binding.adapterName(), notification));
        Changes.signal();
        return NdisStatus.SUCCESS;
    }

    @Override
    public void receiveNetBufferLists(ProtocolBindingHandle binding, NetBufferList lists, int portNumber,
            int numberOfLists, int receiveFlags) {
        for (NetBufferList l = lists; l != null; l = l.next()) {
            queue(binding.adapterName(), portNumber).add(l.frameBytes());
        }
        binding.returnNetBufferLists(lists, 0);
    }

    @Override
    public void sendNetBufferListsComplete(ProtocolBindingHandle binding, NetBufferList lists, int flags) {
        for (NetBufferList l = lists; l != null; l = l.next()) {
            if (l.protocolReserved() instanceof BlockingQueue<?> q) {
                @SuppressWarnings("unchecked")
                BlockingQueue<NdisStatus> completion = (BlockingQueue<NdisStatus>) q;
                completion.add(l.status());
            }
        }
    }

    @Override
    public void oidRequestComplete(ProtocolBindingHandle binding, OidRequest request, NdisStatus status) {
        BlockingQueue<NdisStatus> q = pendedOids.get(request);
        if (q != null) {
            q.add(status);
        }
    }

    /** Sends one frame to {@code port} of {@code adapter}; returns its completion status. */
    NdisStatus send(String adapter, int port, byte[] frame) throws InterruptedException {
        BlockingQueue<NdisStatus> completion = new LinkedBlockingQueue<>();
        binding(adapter).sendNetBufferLists(NetBufferList.copyOf(frame).protocolReserved(completion), port, 0);
        NdisStatus status = completion.poll(Installation.WAIT_MILLIS, TimeUnit.MILLISECONDS);
        if (status == null) {
            throw new AssertionError("send on " + adapter + " port " + port + " never completed");
        }
        return status;
    }

    /** An OID on the binding to {@code adapter}; a PENDING answer is awaited. */
    NdisStatus oid(String adapter, OidRequest request) throws InterruptedException {
        BlockingQueue<NdisStatus> q = new LinkedBlockingQueue<>();
        pendedOids.put(request, q);
        try {
            NdisStatus status = binding(adapter).oidRequest(request);
            if (status != NdisStatus.PENDING) {
                return status;
            }
            NdisStatus completed = q.poll(Installation.WAIT_MILLIS, TimeUnit.MILLISECONDS);
            if (completed == null) {
                throw new AssertionError("pended OID " + Integer.toHexString(request.oid()) + " never completed");
            }
            return completed;
        } finally {
            pendedOids.remove(request);
        }
    }

    /** The next frame received on {@code port} of {@code adapter}, or null after the wait. */
    byte[] nextFrame(String adapter, int port) throws InterruptedException {
        return queue(adapter, port).poll(Installation.WAIT_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The next frame received on {@code port} of {@code adapter} within {@code millis}, or null. */
    byte[] nextFrame(String adapter, int port, long millis) throws InterruptedException {
        return queue(adapter, port).poll(millis, TimeUnit.MILLISECONDS);
    }

    /** Forgets the frames received on {@code port} of {@code adapter} and not yet taken. */
    void drop(String adapter, int port) {
        queue(adapter, port).clear();
    }

    /** Frames received on {@code port} of {@code adapter} and not yet taken. */
    int waitingFrames(String adapter, int port) {
        return queue(adapter, port).size();
    }

    private BlockingQueue<byte[]> queue(String adapter, int port) {
        return received.computeIfAbsent(adapter + "/" + Integer.toUnsignedString(port), k -> new LinkedBlockingQueue<>());
    }

    private ProtocolBindingHandle binding(String adapter) {
        ProtocolBindingHandle b = bindings.get(adapter);
        if (b == null) {
            throw new AssertionError("not bound to " + adapter);
        }
        return b;
    }
}
