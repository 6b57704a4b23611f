package org.ndisport.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.miniport.HaltAction;
import org.ndisport.api.miniport.MiniportAttributes;
import org.ndisport.api.miniport.MiniportDriver;
import org.ndisport.api.miniport.MiniportDriverProperties;
import org.ndisport.api.miniport.MiniportInitParameters;
import org.ndisport.api.miniport.NdisMiniportHandle;
import org.ndisport.api.pnp.NetPnPEventNotification;
import org.ndisport.api.port.AuthStates;
import org.ndisport.api.port.PortCharacteristics;
import org.ndisport.api.port.PortAuthorizationState;
import org.ndisport.api.port.PortControlState;
import org.ndisport.api.runtime.AdapterPhase;
import org.ndisport.api.runtime.AdapterView;
import org.ndisport.api.runtime.NdisRuntime;
import org.ndisport.api.runtime.PortState;
import org.ndisport.core.testing.FelixHarness;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * The core bundle in a real Felix with real SCR, ConfigAdmin and EventAdmin: the engine component
 * activates, a factory configuration plus a MiniportDriver service make a virtual adapter, and removing
 * the configuration, the driver or the engine halts it. The API packages come from the class path
 * through the system bundle, so the test's driver and the bundles share them.
 */
class EngineInFelixIT {
    private static final long WAIT_SECONDS = FelixHarness.WAIT_SECONDS;

    private FelixHarness felix;
    private BundleContext context;
    private Bundle core;

    /** A driver that signals its initialize and halt; initialize can be held until released. */
    static final class SignallingDriver implements MiniportDriver {
        volatile CountDownLatch initializing = new CountDownLatch(1);
        volatile CountDownLatch release = new CountDownLatch(0);
        volatile String initializeThread;
        volatile boolean haltedBeforeInitializeReturned;
        volatile boolean initializeReturned;
        volatile CountDownLatch initialized = new CountDownLatch(1);
        volatile CountDownLatch halted = new CountDownLatch(1);
        volatile MiniportInitParameters parameters;
        volatile HaltAction haltAction;
        volatile NdisMiniportHandle handle;

        @Override
        public NdisStatus initialize(NdisMiniportHandle handle, MiniportInitParameters p) {
            parameters = p;
            this.handle = handle;
            initializeThread = Thread.currentThread().getName();
            initializing.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return NdisStatus.FAILURE;
            }
            handle.setMiniportAttributes(MiniportAttributes.registration());
            initializeReturned = true;
            initialized.countDown();
            return NdisStatus.SUCCESS;
        }

        @Override
        public void halt(NdisMiniportHandle handle, HaltAction action) {
            haltedBeforeInitializeReturned |= !initializeReturned;
            haltAction = action;
            halted.countDown();
        }
    }

    @BeforeEach
    void startFelix() throws Exception {
        List<String> keys = new ArrayList<>(FelixHarness.RUNTIME);
        keys.add("core");
        felix = new FelixHarness(keys);
        context = felix.context();
        core = felix.bundle("core");
    }

    @AfterEach
    void stopFelix() throws Exception {
        felix.close();
    }

    @Test
    void factoryConfigurationCreatesAVirtualAdapterAndDeletingItHaltsIt() throws Exception {
        NdisRuntime runtime = waitFor(NdisRuntime.class);
        SignallingDriver driver = new SignallingDriver();
        registerDriver(driver);
        Object configuration = createAdapterConfiguration("vnic0");
        assertTrue(driver.initialized.await(WAIT_SECONDS, TimeUnit.SECONDS), "driver initialized");

        awaitTrue(() -> runtime.adapter("vnic0").map(v -> v.phase() == AdapterPhase.P2_OPERATIONAL).orElse(false),
                "vnic0 operational");
        AdapterView view = runtime.adapter("vnic0").orElseThrow();
        assertEquals(PortState.ACTIVATED, view.port(0).state());
        assertEquals("it-driver", view.driver());
        assertEquals("org.apache.felix.framework", view.driverBundle());
        assertEquals(new AuthStates(PortControlState.CONTROLLED, PortControlState.UNCONTROLLED,
                PortAuthorizationState.UNAUTHORIZED, PortAuthorizationState.UNKNOWN),
                driver.parameters.defaultPortAuthStates().authStates());

        awaitActive("vnic0");
        configuration.getClass().getMethod("delete").invoke(configuration);
        assertTrue(driver.halted.await(WAIT_SECONDS, TimeUnit.SECONDS), "driver halted");
        assertEquals(HaltAction.DEVICE_DISABLED, driver.haltAction);
        awaitTrue(() -> runtime.adapter("vnic0").isEmpty(), "adapter vnic0 removed");
    }

    @Test
    void driverServiceGoingAwayHaltsItsAdapter() throws Exception {
        waitFor(NdisRuntime.class);
        SignallingDriver driver = new SignallingDriver();
        ServiceRegistration<MiniportDriver> registration = registerDriver(driver);
        createAdapterConfiguration("vnic1");
        assertTrue(driver.initialized.await(WAIT_SECONDS, TimeUnit.SECONDS));
        awaitActive("vnic1");
        registration.unregister();
        assertTrue(driver.halted.await(WAIT_SECONDS, TimeUnit.SECONDS));
    }

    @Test
    @DisplayName("N10 a virtual adapter's MiniportInitializeEx runs on its own thread, not on the SCR or ConfigAdmin thread")
    void n10_initializeRunsOnItsOwnThread() throws Exception {
        waitFor(NdisRuntime.class);
        SignallingDriver driver = new SignallingDriver();
        registerDriver(driver);
        createAdapterConfiguration("vnic4");
        assertTrue(driver.initialized.await(WAIT_SECONDS, TimeUnit.SECONDS));
        assertEquals("ndisport-init-vnic4", driver.initializeThread);
    }

    @Test
    @DisplayName("N10 the driver's service going away while its MiniportInitializeEx runs: the halt waits for it, then halts once")
    void n10_driverGoingAwayDuringInitialize_haltWaitsForIt() throws Exception {
        NdisRuntime runtime = waitFor(NdisRuntime.class);
        SignallingDriver driver = new SignallingDriver();
        driver.release = new CountDownLatch(1);
        ServiceRegistration<MiniportDriver> registration = registerDriver(driver);
        createAdapterConfiguration("vnic5");
        assertTrue(driver.initializing.await(WAIT_SECONDS, TimeUnit.SECONDS), "initialize under way");
        CountDownLatch unregistered = new CountDownLatch(1);
        Thread stopper = new Thread(() -> {
            registration.unregister();
            unregistered.countDown();
        }, "driver-bundle-stopping");
        stopper.start();
        assertEquals(1, driver.halted.getCount(), "no halt while initialize runs");
        driver.release.countDown();
        assertTrue(driver.halted.await(WAIT_SECONDS, TimeUnit.SECONDS), "halted once initialize returned");
        assertTrue(unregistered.await(WAIT_SECONDS, TimeUnit.SECONDS), "the unregistration finished");
        assertEquals(false, driver.haltedBeforeInitializeReturned, "MiniportHaltEx never overlapped MiniportInitializeEx");
        assertEquals(HaltAction.DEVICE_DISABLED, driver.haltAction);
        awaitTrue(() -> runtime.adapter("vnic5").map(v -> v.phase() == AdapterPhase.P4_HALTED).orElse(true),
                "vnic5 halted or removed");
    }

    @Test
    void stoppingTheCoreBundleHaltsEveryAdapter() throws Exception {
        waitFor(NdisRuntime.class);
        SignallingDriver driver = new SignallingDriver();
        registerDriver(driver);
        createAdapterConfiguration("vnic2");
        assertTrue(driver.initialized.await(WAIT_SECONDS, TimeUnit.SECONDS));
        core.stop();
        assertTrue(driver.halted.await(WAIT_SECONDS, TimeUnit.SECONDS));
    }

    @Test
    @DisplayName("R53 allocating and activating ports creates no network interface: no service appears per port")
    void r53_portsCreateNoInterface() throws Exception {
        NdisRuntime runtime = waitFor(NdisRuntime.class);
        SignallingDriver driver = new SignallingDriver();
        registerDriver(driver);
        createAdapterConfiguration("vnic3");
        assertTrue(driver.initialized.await(WAIT_SECONDS, TimeUnit.SECONDS));
        awaitActive("vnic3");
        int services = context.getAllServiceReferences(null, null).length;
        for (int i = 0; i < 3; i++) {
            int port = driver.handle.allocatePort(PortCharacteristics.forAllocation()).portNumber();
            assertEquals(NdisStatus.SUCCESS, driver.handle.netPnPEvent(NetPnPEventNotification.portActivation(port)));
        }
        assertEquals(4, runtime.adapter("vnic3").orElseThrow().ports().size());
        assertEquals(services, context.getAllServiceReferences(null, null).length);
    }

    private ServiceRegistration<MiniportDriver> registerDriver(MiniportDriver driver) {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(MiniportDriverProperties.DRIVER_NAME, "it-driver");
        return context.registerService(MiniportDriver.class, driver, props);
    }

    private Object createAdapterConfiguration(String name) throws Exception {
        return felix.createAdapterConfiguration(name, "it-driver", Map.of("default.send.control.state", "CONTROLLED",
                "default.send.authorization.state", "UNAUTHORIZED"));
    }

    private void awaitActive(String name) throws Exception {
        felix.awaitActive(core, VirtualAdapter.class.getName(), name);
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, String what) {
        FelixHarness.awaitTrue(condition, what);
    }

    private <T> T waitFor(Class<T> type) throws InterruptedException {
        return felix.waitFor(type);
    }
}
