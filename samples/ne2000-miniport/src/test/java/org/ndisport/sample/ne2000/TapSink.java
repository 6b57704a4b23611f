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
import org.ndisport.api.pnp.NetPnPEventNotification;

/** A binding layer stand-in: keeps each ready adapter, copies every received frame, returns the lists at once. */
final class TapSink implements AdapterEventSink {
    final Map<String, BindableAdapter> ready = new ConcurrentHashMap<>();
    final Map<String, BlockingQueue<byte[]>> frames = new ConcurrentHashMap<>();
    final BlockingQueue<NdisStatus> sendCompletions = new LinkedBlockingQueue<>();

    BlockingQueue<byte[]> framesOf(String adapter) {
        return frames.computeIfAbsent(adapter, a -> new LinkedBlockingQueue<>());
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
    }

    @Override
    public void receive(BindableAdapter adapter, NetBufferList lists, int portNumber, int numberOfLists,
            int receiveFlags) {
        for (NetBufferList l = lists; l != null; l = l.next()) {
            framesOf(adapter.name()).add(l.frameBytes());
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
    }
}
