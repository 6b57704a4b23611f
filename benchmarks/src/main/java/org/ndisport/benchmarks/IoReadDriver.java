package org.ndisport.benchmarks;

import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.io.IoPortRange;
import org.ndisport.api.io.IoPortRangeResult;
import org.ndisport.api.miniport.HaltAction;
import org.ndisport.api.miniport.MiniportAttributes;
import org.ndisport.api.miniport.MiniportDriver;
import org.ndisport.api.miniport.MiniportDriverProperties;
import org.ndisport.api.miniport.MiniportInitParameters;
import org.ndisport.api.miniport.NdisMiniportHandle;
import org.osgi.framework.BundleContext;

/**
 * The hardware miniport of {@link IoReadBenchmark}: drives devices with hardware id {@value #HARDWARE_ID},
 * registers the device's first assigned I/O range in initialize (failing the adapter if it cannot) and
 * deregisters it in halt; keeps each adapter's handle and mapped port offset for the benchmark.
 */
public final class IoReadDriver implements MiniportDriver {
    public static final String HARDWARE_ID = "bench-ne2000";

    private record Mapped(NdisMiniportHandle handle, IoPortRange range, long offset) {
    }

    private final Map<String, Mapped> adapters = new ConcurrentHashMap<>();

    /** Registers the driver for {@value #HARDWARE_ID} in {@code context}. */
    public static IoReadDriver register(BundleContext context) {
        IoReadDriver d = new IoReadDriver();
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(MiniportDriverProperties.HARDWARE_IDS, new String[] {HARDWARE_ID});
        context.registerService(MiniportDriver.class, d, props);
        return d;
    }

    /** The handle of the adapter named after the device, waiting for its initialize. */
    public NdisMiniportHandle handle(String adapter) {
        Container.await(() -> adapters.containsKey(adapter), "adapter " + adapter + " initialized");
        return adapters.get(adapter).handle();
    }

    /** The port offset NdisMRegisterIoPortRange returned for that adapter. */
    public long portOffset(String adapter) {
        return adapters.get(adapter).offset();
    }

    @Override
    public NdisStatus initialize(NdisMiniportHandle handle, MiniportInitParameters parameters) {
        NdisStatus status = handle.setMiniportAttributes(MiniportAttributes.registration());
        if (status != NdisStatus.SUCCESS || parameters.ioResources().isEmpty()) {
            return NdisStatus.FAILURE;
        }
        IoPortRange range = parameters.ioResources().get(0);
        IoPortRangeResult r = handle.registerIoPortRange(range.base(), range.count());
        if (r.status() != NdisStatus.SUCCESS) {
            return r.status();
        }
        adapters.put(handle.adapterName(), new Mapped(handle, range, r.portOffset()));
        return NdisStatus.SUCCESS;
    }

    @Override
    public void halt(NdisMiniportHandle handle, HaltAction action) {
        Mapped m = adapters.remove(handle.adapterName());
        if (m != null) {
            handle.deregisterIoPortRange(m.range().base(), m.range().count(), m.offset());
        }
    }
}
