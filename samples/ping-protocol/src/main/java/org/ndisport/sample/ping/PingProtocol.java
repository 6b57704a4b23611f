package org.ndisport.sample.ping;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.data.NetBufferList;
import org.ndisport.api.data.OidRequest;
import org.ndisport.api.pnp.NetPnPEventNotification;
import org.ndisport.api.protocol.BindParameters;
import org.ndisport.api.protocol.ProtocolBindingHandle;
import org.ndisport.api.protocol.ProtocolDriver;
import org.ndisport.api.protocol.ProtocolDriverProperties;
import org.osgi.service.component.annotations.Component;

/**
 * A protocol driver that binds to every adapter and, on request ({@code sample:ping FROM TO COUNT} in
 * the shell), sends test frames from one adapter's default port to another adapter's station address
 * and counts them as they arrive. Written against {@code org.ndisport.api*} only, as a third party would.
 */
@Component(service = {ProtocolDriver.class, PingProtocol.class}, property = {
        ProtocolDriverProperties.PROTOCOL_NAME + "=ping", "osgi.command.scope=sample", "osgi.command.function=ping"})
public final class PingProtocol implements ProtocolDriver {
    /** OID_802_3_CURRENT_ADDRESS: the station address the adapter uses. */
    static final int OID_802_3_CURRENT_ADDRESS = 0x01010102;
    private static final long WAIT_MILLIS = 5_000;

    private final Map<String, Station> stations = new ConcurrentHashMap<>();

    @Override
    public NdisStatus bindAdapter(ProtocolBindingHandle binding, BindParameters parameters) {
        stations.put(parameters.adapterName(), new Station(binding));
        return NdisStatus.SUCCESS;
    }

    @Override
    public void unbindAdapter(ProtocolBindingHandle binding) {
        stations.remove(binding.adapterName());
    }

    /** Port events need nothing from ping: it sends on port 0 only. */
    @Override
    public NdisStatus netPnPEvent(ProtocolBindingHandle binding, NetPnPEventNotification notification) {
        return NdisStatus.SUCCESS;
    }

    @Override
    public void receiveNetBufferLists(ProtocolBindingHandle binding, NetBufferList lists, int portNumber,
            int numberOfLists, int receiveFlags) {
        Station s = stations.get(binding.adapterName());
        if (s != null) {
            for (NetBufferList l = lists; l != null; l = l.next()) {
                s.received(l);
            }
        }
        binding.returnNetBufferLists(lists, 0);
    }

    @Override
    public void sendNetBufferListsComplete(ProtocolBindingHandle binding, NetBufferList lists, int flags) {
        Station s = stations.get(binding.adapterName());
        if (s != null) {
            s.completed(lists);
        }
    }

    /**
     * Sends {@code count} frames from {@code from} to the station address of {@code to} and reports how
     * many completed and how many arrived within five seconds.
     */
    public String ping(String from, String to, int count) {
        if (count < 1 || count > 10_000) {
            return "count must be 1..10000";
        }
        Station source = stations.get(from);
        Station target = stations.get(to);
        if (source == null || target == null) {
            return "ping is not bound to " + (source == null ? from : to);
        }
        byte[] destination = target.address(OID_802_3_CURRENT_ADDRESS);
        byte[] sourceAddress = source.address(OID_802_3_CURRENT_ADDRESS);
        if (destination == null || sourceAddress == null) {
            return "cannot learn the station addresses (OID_802_3_CURRENT_ADDRESS is not supported)";
        }
        long receivedBefore = target.pings();
        long completedBefore = source.completions();
        long failedBefore = source.failures();
        source.send(Frames.chain(sourceAddress, destination, count));
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
        while ((target.pings() - receivedBefore < count || source.completions() - completedBefore < count)
                && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
        long received = target.pings() - receivedBefore;
        return String.format("%d frames %s -> %s (%s): %d sent, %d failed, %d received", count, from, to,
                Frames.mac(destination), source.completions() - completedBefore - (source.failures() - failedBefore),
                source.failures() - failedBefore, received);
    }

    /** What the protocol knows of one bound adapter. */
    private static final class Station {
        private final ProtocolBindingHandle binding;
        private final java.util.concurrent.atomic.AtomicLong pings = new java.util.concurrent.atomic.AtomicLong();
        private final java.util.concurrent.atomic.AtomicLong completions = new java.util.concurrent.atomic.AtomicLong();
        private final java.util.concurrent.atomic.AtomicLong failures = new java.util.concurrent.atomic.AtomicLong();

        Station(ProtocolBindingHandle binding) {
            this.binding = binding;
        }

        byte[] address(int oid) {
            OidRequest request = OidRequest.query(oid, 0, 6);
            return binding.oidRequest(request) == NdisStatus.SUCCESS && request.informationBuffer() instanceof byte[] b
                    && b.length == 6 ? b : null;
        }

        void send(NetBufferList chain) {
            binding.sendNetBufferLists(chain, 0, 0);
        }

        void received(NetBufferList list) {
            if (Frames.isPing(list)) {
                pings.incrementAndGet();
            }
        }

        void completed(NetBufferList lists) {
            for (NetBufferList l = lists; l != null; l = l.next()) {
                completions.incrementAndGet();
                if (l.status() != NdisStatus.SUCCESS) {
                    failures.incrementAndGet();
                }
            }
        }

        long pings() {
            return pings.get();
        }

        long completions() {
            return completions.get();
        }

        long failures() {
            return failures.get();
        }
    }
}
