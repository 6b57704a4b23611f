package org.ndisport.benchmarks;

import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.data.NetBufferList;
import org.ndisport.api.miniport.HaltAction;
import org.ndisport.api.miniport.MiniportAttributes;
import org.ndisport.api.miniport.MiniportDriver;
import org.ndisport.api.miniport.MiniportDriverProperties;
import org.ndisport.api.miniport.MiniportInitParameters;
import org.ndisport.api.miniport.NdisMiniportHandle;
import org.osgi.framework.BundleContext;

/**
 * The miniport of {@link ReceiveBenchmark}: sets registration attributes, keeps each adapter's handle,
 * and puts every returned list back into the free pool of the {@link ReceiveChain} that owns it (named
 * in the list's {@code miniportReserved}), as a pooling miniport does. The runtime may relink a chain on
 * its way back, so the pool, not the indicated chain, is what the benchmark indicates next.
 */
public final class ReceiveDriver implements MiniportDriver {
    public static final String NAME = "bench-receive";

    private final Map<String, NdisMiniportHandle> handles = new ConcurrentHashMap<>();
    private final LongAdder returned = new LongAdder();

    /** Registers a driver named {@link #NAME} in {@code context}. */
    public static ReceiveDriver register(BundleContext context) {
        ReceiveDriver d = new ReceiveDriver();
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(MiniportDriverProperties.DRIVER_NAME, NAME);
        context.registerService(MiniportDriver.class, d, props);
        return d;
    }

    /** The handle of an initialized adapter, waiting for its initialize. */
    public NdisMiniportHandle handle(String adapter) {
        Container.await(() -> handles.containsKey(adapter), "adapter " + adapter + " initialized");
        return handles.get(adapter);
    }

    /** Lists returned so far, exact under concurrency. */
    public long returned() {
        return returned.sum();
    }

    @Override
    public NdisStatus initialize(NdisMiniportHandle handle, MiniportInitParameters parameters) {
        NdisStatus status = handle.setMiniportAttributes(MiniportAttributes.registration());
        handles.put(handle.adapterName(), handle);
        return status;
    }

    @Override
    public void halt(NdisMiniportHandle handle, HaltAction action) {
        handles.remove(handle.adapterName(), handle);
    }

    @Override
    public void returnNetBufferLists(NdisMiniportHandle handle, NetBufferList lists, int returnFlags) {
        int n = 0;
        NetBufferList l = lists;
        while (l != null) {
            NetBufferList next = l.next();
            ((ReceiveChain) l.miniportReserved()).giveBack(l);
            n++;
            l = next;
        }
        returned.add(n);
    }
}
