package org.ndisport.benchmarks;

import java.util.concurrent.atomic.LongAdder;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.data.NetBufferList;
import org.ndisport.api.data.OidRequest;
import org.ndisport.api.pnp.NetPnPEventNotification;
import org.ndisport.api.protocol.ProtocolBindingHandle;

/**
 * The binding handle of {@link ReceiveBenchmark}'s baselines: no runtime behind it; its
 * returnNetBufferLists walks the chain and counts the lists, as the miniport's return does (the lists
 * need no re-pooling: nothing relinked them). Exact when Felix EventAdmin calls it from its pool threads.
 */
public final class ReceiveBindingStub implements ProtocolBindingHandle {
    private final LongAdder returned = new LongAdder();

    /** Lists returned through this stub so far. */
    public long returned() {
        return returned.sum();
    }

    @Override
    public String adapterName() {
        return "stub";
    }

    @Override
    public void sendNetBufferLists(NetBufferList lists, int portNumber, int sendFlags) {
        throw new UnsupportedOperationException("the receive baseline sends nothing");
    }

    @Override
    public NdisStatus oidRequest(OidRequest request) {
        return NdisStatus.NOT_SUPPORTED;
    }

    @Override
    public void returnNetBufferLists(NetBufferList lists, int returnFlags) {
        int n = 0;
        for (NetBufferList l = lists; l != null; l = l.next()) {
            n++;
        }
        returned.add(n);
    }

    @Override
    public void completeNetPnPEvent(NetPnPEventNotification notification, NdisStatus status) {
    }
}
