package org.ndisport.sample.ne2000;

import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.binding.AdapterEventSink;
import org.ndisport.api.binding.BindableAdapter;
import org.ndisport.api.binding.UnbindReason;
import org.ndisport.api.data.NetBufferList;
import org.ndisport.api.data.OidRequest;
import org.ndisport.api.data.StatusIndication;
import org.ndisport.api.pnp.NetPnPEventCode;
import org.ndisport.api.pnp.NetPnPEventNotification;
import org.ndisport.api.port.NdisPort;

/**
 * A binding layer stand-in: keeps each ready adapter, copies every received frame (by adapter, and by
 * adapter and port), returns the lists at once, and records port events and OID completions.
 */
final class TapSink implements AdapterEventSink {
    final Map<String, BindableAdapter> ready = new ConcurrentHashMap<>();
    final Map<String, BlockingQueue<byte[]>> frames = new ConcurrentHashMap<>();
    final BlockingQueue<NdisStatus> sendCompletions = new LinkedBlockingQueue<>();
    final BlockingQueue<String> portEvents = new LinkedBlockingQueue<>();
    final Map<OidRequest, NdisStatus> oidCompletions = new ConcurrentHashMap<>();

    BlockingQueue<byte[]> framesOf(String adapter) {
        return frames.computeIfAbsent(adapter, a -> new LinkedBlockingQueue<>());
    }

    BlockingQueue<byte[]> framesOf(String adapter, int port) {
        return frames.computeIfAbsent(adapter + "/" + port, a -> new LinkedBlockingQueue<>());
    }

    @Override
    public void adapterReady(BindableAdapter adapter) {
        ready.put(adapter.name(), adapter);
    }

    @Override
    public void adapterUnavailable(BindableAdapter adapter, UnbindReason reason) {
        ready.remove(adapter.name());
    }

    @Override
    public void portEvent(BindableAdapter adapter, NetPnPEventNotification notification) {
        Object buffer = notification.netPnPEvent().buffer();
        String ports = buffer instanceof int[] numbers ? java.util.Arrays.toString(numbers)
                : ((NdisPort) buffer).toList(100).stream().map(p -> p.portCharacteristics().portNumber()).toList()
                        .toString();
        portEvents.add(adapter.name() + " " + NetPnPEventCode.fromCode(notification.netPnPEvent().netEvent())
                .orElseThrow() + " " + ports);
    }

    @Override
    public void receive(BindableAdapter adapter, NetBufferList lists, int portNumber, int numberOfLists,
            int receiveFlags) {
        for (NetBufferList l = lists; l != null; l = l.next()) {
            framesOf(adapter.name()).add(l.frameBytes());
            framesOf(adapter.name(), portNumber).add(l.frameBytes());
        }
        adapter.returnNetBufferLists(lists, 0);
    }

    @Override
    public void status(BindableAdapter adapter, StatusIndication indication) {
    }

    @Override
    public void sendComplete(BindableAdapter adapter, NetBufferList lists, int sendCompleteFlags) {
        for (NetBufferList l = lists; l != null; l = l.next()) {
            sendCompletions.add(l.status());
        }
    }

    @Override
    public void oidComplete(BindableAdapter adapter, OidRequest request, NdisStatus status) {
        synchronized (oidCompletions) {
            oidCompletions.put(request, status);
            oidCompletions.notifyAll();
        }
    }

    /** The status a pended request completed with, waiting up to 10 s; null if it never completed. */
    NdisStatus awaitCompletion(OidRequest request) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        synchronized (oidCompletions) {
            while (!oidCompletions.containsKey(request) && System.nanoTime() < deadline) {
                oidCompletions.wait(100);
            }
            return oidCompletions.get(request);
        }
    }
}
