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
 * A miniport for benchmarks, registered as a service from outside the bundles: it sets registration
 * attributes, keeps each adapter's handle for the benchmark to call, completes sends at once and
 * counts returned lists. Its halt does nothing: benchmarks leave their adapters clean themselves.
 */
public final class BenchDriver implements MiniportDriver {
    public static final String NAME = "bench";

    private final Map<String, NdisMiniportHandle> handles = new ConcurrentHashMap<>();
    private final LongAdder returned = new LongAdder();

    /** Registers a driver named {@link #NAME} in {@code context}. */
    public static BenchDriver register(BundleContext context) {
        BenchDriver d = new BenchDriver();
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
    public void sendNetBufferLists(NdisMiniportHandle handle, NetBufferList lists, int portNumber, int sendFlags) {
        lists.setChainStatus(NdisStatus.SUCCESS);
        handle.sendNetBufferListsComplete(lists, 0);
    }

    /**
     * Counts the returned lists; a list from a {@link ReceiveChain} (its {@code miniportReserved}) goes
     * back to that chain's pool, as a pooling miniport does.
     */
    @Override
    public void returnNetBufferLists(NdisMiniportHandle handle, NetBufferList lists, int returnFlags) {
        int n = 0;
        NetBufferList l = lists;
        while (l != null) {
            NetBufferList next = l.next();
            if (l.miniportReserved() instanceof ReceiveChain chain) {
                chain.giveBack(l);
            }
            n++;
            l = next;
        }
        returned.add(n);
    }
}
