package org.ndisport.benchmarks;

import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.miniport.AllocatePortResult;
import org.ndisport.api.miniport.HaltAction;
import org.ndisport.api.miniport.MiniportAttributes;
import org.ndisport.api.miniport.MiniportDriver;
import org.ndisport.api.miniport.MiniportDriverProperties;
import org.ndisport.api.miniport.MiniportInitParameters;
import org.ndisport.api.miniport.NdisMiniportHandle;
import org.ndisport.api.pnp.NetPnPEventNotification;
import org.ndisport.api.port.PortCharacteristics;
import org.osgi.framework.BundleContext;

/**
 * A well-behaved miniport with many ports, registered from outside the bundles: initialize sets
 * registration attributes, allocates {@code extraPorts} ports and activates them in one activation
 * event; halt deactivates them in one event and frees them. Counts initializes for a waiting benchmark
 * and every call that did not return SUCCESS.
 */
public final class HotSwapDriver implements MiniportDriver {
    public static final String NAME = "hotswap";

    private final int extraPorts;
    private final Map<NdisMiniportHandle, int[]> ports = new ConcurrentHashMap<>();
    private final AtomicInteger failures = new AtomicInteger();
    private volatile CountDownLatch initialized = new CountDownLatch(0);

    private HotSwapDriver(int extraPorts) {
        this.extraPorts = extraPorts;
    }

    /** Registers a driver named {@link #NAME} in {@code context}. */
    public static HotSwapDriver register(BundleContext context, int extraPorts) {
        HotSwapDriver d = new HotSwapDriver(extraPorts);
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(MiniportDriverProperties.DRIVER_NAME, NAME);
        context.registerService(MiniportDriver.class, d, props);
        return d;
    }

    /** Starts counting down {@code adapters} initializes for {@link #awaitInitialized}. */
    public void expectInitializes(int adapters) {
        initialized = new CountDownLatch(adapters);
    }

    /** Blocks until the expected initializes have set up their ports; fails after {@link Container#WAIT_MILLIS}. */
    public void awaitInitialized() {
        try {
            if (!initialized.await(Container.WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("timed out waiting for initializes, " + initialized.getCount() + " left");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Calls that did not return SUCCESS so far. */
    public int failures() {
        return failures.get();
    }

    @Override
    public NdisStatus initialize(NdisMiniportHandle handle, MiniportInitParameters parameters) {
        NdisStatus status = handle.setMiniportAttributes(MiniportAttributes.registration());
        if (!check(status)) {
            return status;
        }
        int[] numbers = new int[extraPorts];
        PortCharacteristics characteristics = PortCharacteristics.forAllocation();
        for (int i = 0; i < extraPorts; i++) {
            characteristics.portNumber(0);
            AllocatePortResult r = handle.allocatePort(characteristics);
            check(r.status());
            numbers[i] = r.portNumber();
        }
        check(handle.netPnPEvent(NetPnPEventNotification.portActivation(numbers)));
        ports.put(handle, numbers);
        initialized.countDown();
        return NdisStatus.SUCCESS;
    }

    @Override
    public void halt(NdisMiniportHandle handle, HaltAction action) {
        int[] numbers = ports.remove(handle);
        if (numbers == null) {
            return;
        }
        check(handle.netPnPEvent(NetPnPEventNotification.portDeactivation(numbers)));
        for (int n : numbers) {
            check(handle.freePort(n));
        }
    }

    private boolean check(NdisStatus status) {
        if (status != NdisStatus.SUCCESS) {
            failures.incrementAndGet();
            return false;
        }
        return true;
    }
}
