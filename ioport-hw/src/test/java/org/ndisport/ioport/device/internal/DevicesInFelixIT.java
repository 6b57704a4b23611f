package org.ndisport.ioport.device.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.io.IoClaim;
import org.ndisport.api.io.IoDecode;
import org.ndisport.api.io.IoPortRange;
import org.ndisport.api.io.IoPortSpace;
import org.ndisport.api.miniport.HaltAction;
import org.ndisport.api.miniport.MiniportAttributes;
import org.ndisport.api.miniport.MiniportDriver;
import org.ndisport.api.miniport.MiniportDriverProperties;
import org.ndisport.api.miniport.MiniportInitParameters;
import org.ndisport.api.miniport.NdisMiniportHandle;
import org.ndisport.api.runtime.NdisRuntime;
import org.ndisport.core.testing.FelixHarness;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.ServiceTracker;

/**
 * ioport-hw in a real Felix with SCR, ConfigAdmin and Metatype: a device configuration becomes a device
 * on the bus and a hardware device service, the engine matches it with a driver by hardware id and
 * initializes the adapter with the device's resources; deleting the configuration or stopping the
 * bundle is a surprise removal; the configuration survives a restart.
 */
class DevicesInFelixIT {
    private static final long WAIT = FelixHarness.WAIT_SECONDS;

    private FelixHarness felix;
    private final ClaimingDriver driver = new ClaimingDriver();
    private ServiceRegistration<MiniportDriver> registration;

    /** Claims the device's first range in initialize and gives it back in halt, logging both. */
    static final class ClaimingDriver implements MiniportDriver {
        final BlockingQueue<String> log = new LinkedBlockingQueue<>();

        @Override
        public NdisStatus initialize(NdisMiniportHandle handle, MiniportInitParameters p) {
            handle.setMiniportAttributes(MiniportAttributes.registration());
            IoPortRange r = p.ioResources().get(0);
            NdisStatus s = handle.registerIoPortRange(r.base(), r.count()).status();
            log.add("initialize " + p.adapterName() + " " + p.ioResources() + " irq " + p.interruptLine() + " " + s);
            return s;
        }

        @Override
        public void halt(NdisMiniportHandle handle, HaltAction action) {
            handle.deregisterIoPortRange(0x300, 0x20, 0x300);
            log.add("halt " + handle.adapterName() + " " + action);
        }
    }

    @BeforeEach
    void start() throws Exception {
        List<String> keys = new ArrayList<>(FelixHarness.RUNTIME);
        keys.addAll(List.of("log", "metatype", "core", "ioport"));
        felix = new FelixHarness(keys);
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(MiniportDriverProperties.DRIVER_NAME, "claiming");
        props.put(MiniportDriverProperties.HARDWARE_IDS, new String[] {"NE2000"});
        registration = felix.context().registerService(MiniportDriver.class, driver, props);
    }

    @AfterEach
    void stop() throws Exception {
        felix.close();
    }

    private Object configureNic(String name, int base) throws Exception {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("name", name);
        props.put("type", "ne2000");
        props.put("io.base", base);
        props.put("irq", 9);
        return felix.createFactoryConfiguration(DeviceConfiguration.FACTORY_PID, props);
    }

    @Test
    @DisplayName("a device configuration makes an adapter initialized with its resources; deleting it is a surprise removal")
    void configuredDevice_adapterLifecycle() throws Exception {
        NdisRuntime runtime = felix.waitFor(NdisRuntime.class);
        IoPortSpace space = felix.waitFor(IoPortSpace.class);
        Object config = configureNic("nic0", 0x300);
        assertEquals("initialize nic0 [0300-031f] irq 9 NDIS_STATUS_SUCCESS (0x00000000)",
                driver.log.poll(WAIT, TimeUnit.SECONDS));
        FelixHarness.awaitTrue(() -> runtime.adapter("nic0").isPresent(), "adapter nic0");
        assertEquals("nic0 [ne2000]", runtime.adapter("nic0").orElseThrow().device());
        assertEquals(List.of(new IoClaim(new IoPortRange(0x300, 0x20), "nic0", "nic0")), space.claims());
        assertEquals(List.of(new IoDecode(new IoPortRange(0x300, 0x20), "nic0")), space.decodes());
        assertEquals(0xFF, space.busRead(0x300, org.ndisport.api.io.IoWidth.BYTE),
                "a claimed range is its adapter's alone, also to bus access (R72)");

        config.getClass().getMethod("delete").invoke(config);
        assertEquals("halt nic0 DEVICE_SURPRISE_REMOVED", driver.log.poll(WAIT, TimeUnit.SECONDS));
        FelixHarness.awaitTrue(() -> runtime.adapter("nic0").isEmpty(), "adapter nic0 gone");
        assertEquals(List.of(), space.claims());
        FelixHarness.awaitTrue(() -> space.decodes().isEmpty(), "device off the bus");
        assertEquals(List.of(), runtime.verifier().violations().stream()
                .filter(v -> !v.ruleId().equals("D28")).toList());
    }

    @Test
    @DisplayName("stopping ioport-hw halts the adapter (surprise removal); starting it again brings the device back from configuration")
    void bundleRestart_devicesComeBack() throws Exception {
        NdisRuntime runtime = felix.waitFor(NdisRuntime.class);
        configureNic("nic0", 0x300);
        assertTrue(driver.log.poll(WAIT, TimeUnit.SECONDS).startsWith("initialize nic0"));
        Bundle ioport = felix.bundle("ioport");
        ioport.stop();
        assertEquals("halt nic0 DEVICE_SURPRISE_REMOVED", driver.log.poll(WAIT, TimeUnit.SECONDS));
        FelixHarness.awaitTrue(() -> runtime.adapter("nic0").isEmpty(), "adapter nic0 gone");
        ioport.start();
        assertTrue(driver.log.poll(WAIT, TimeUnit.SECONDS).startsWith("initialize nic0 [0300-031f]"));
        FelixHarness.awaitTrue(() -> runtime.adapter("nic0").isPresent(), "adapter nic0 back");
    }

    @Test
    @DisplayName("the driver leaving halts its adapters (DEVICE_DISABLED); a driver arriving later is matched with waiting devices")
    void driverLeavesAndComes() throws Exception {
        NdisRuntime runtime = felix.waitFor(NdisRuntime.class);
        configureNic("nic0", 0x300);
        assertTrue(driver.log.poll(WAIT, TimeUnit.SECONDS).startsWith("initialize nic0"));
        registration.unregister();
        assertEquals("halt nic0 DEVICE_DISABLED", driver.log.poll(WAIT, TimeUnit.SECONDS));
        FelixHarness.awaitTrue(() -> runtime.adapter("nic0").isEmpty(), "adapter nic0 gone");
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(MiniportDriverProperties.DRIVER_NAME, "claiming");
        props.put(MiniportDriverProperties.HARDWARE_IDS, "ne2000");
        felix.context().registerService(MiniportDriver.class, driver, props);
        assertTrue(driver.log.poll(WAIT, TimeUnit.SECONDS).startsWith("initialize nic0"));
        FelixHarness.awaitTrue(() -> runtime.adapter("nic0").isPresent(), "adapter nic0 back");
    }

    @Test
    @DisplayName("the device configuration is typed and described by Metatype (factory PID, attributes, defaults)")
    void metatype_describesDeviceConfiguration() throws Exception {
        ServiceTracker<Object, Object> tracker = new ServiceTracker<>(felix.context(),
                felix.context().createFilter("(objectClass=org.osgi.service.metatype.MetaTypeService)"), null);
        tracker.open(true);
        Object metatype = tracker.waitForService(TimeUnit.SECONDS.toMillis(WAIT));
        Class<?> serviceType = tracker.getServiceReference().getBundle()
                .loadClass("org.osgi.service.metatype.MetaTypeService");
        Object info = serviceType.getMethod("getMetaTypeInformation", Bundle.class).invoke(metatype,
                felix.bundle("ioport"));
        String[] factoryPids = (String[]) info.getClass().getMethod("getFactoryPids").invoke(info);
        assertTrue(Arrays.asList(factoryPids).contains(DeviceConfiguration.FACTORY_PID), Arrays.toString(factoryPids));
        Object ocd = info.getClass().getMethod("getObjectClassDefinition", String.class, String.class)
                .invoke(info, DeviceConfiguration.FACTORY_PID, null);
        Object[] attributes = (Object[]) ocd.getClass().getMethod("getAttributeDefinitions", int.class).invoke(ocd, -1);
        List<String> ids = new ArrayList<>();
        for (Object a : attributes) {
            Method id = a.getClass().getMethod("getID");
            id.setAccessible(true);
            ids.add((String) id.invoke(a));
        }
        assertEquals(List.of("name", "type", "io.base", "io.length", "irq", "hardware.id", "mac", "segment"), ids);
    }

    @Test
    @DisplayName("stopping core-impl halts the adapter (DEVICE_STOPPED) and releases its claim; starting it again re-initializes it")
    void coreRestart_adapterComesBack() throws Exception {
        IoPortSpace space = felix.waitFor(IoPortSpace.class);
        configureNic("nic0", 0x300);
        assertTrue(driver.log.poll(WAIT, TimeUnit.SECONDS).startsWith("initialize nic0"));
        felix.bundle("core").stop();
        assertEquals("halt nic0 DEVICE_STOPPED", driver.log.poll(WAIT, TimeUnit.SECONDS));
        assertEquals(List.of(), space.claims());
        felix.bundle("core").start();
        assertEquals("initialize nic0 [0300-031f] irq 9 NDIS_STATUS_SUCCESS (0x00000000)",
                driver.log.poll(WAIT, TimeUnit.SECONDS));
        assertEquals(1, space.claims().size());
    }
}
