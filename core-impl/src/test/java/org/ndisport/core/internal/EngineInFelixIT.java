package org.ndisport.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.lang.reflect.Method;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.miniport.HaltAction;
import org.ndisport.api.miniport.MiniportAttributes;
import org.ndisport.api.miniport.MiniportDriver;
import org.ndisport.api.miniport.MiniportDriverProperties;
import org.ndisport.api.miniport.MiniportInitParameters;
import org.ndisport.api.miniport.NdisMiniportHandle;
import org.ndisport.api.port.AuthStates;
import org.ndisport.api.port.PortAuthorizationState;
import org.ndisport.api.port.PortControlState;
import org.ndisport.api.runtime.AdapterPhase;
import org.ndisport.api.runtime.AdapterView;
import org.ndisport.api.runtime.NdisRuntime;
import org.ndisport.api.runtime.PortState;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The core bundle in a real Felix with real SCR, ConfigAdmin and EventAdmin: the engine component
 * activates, a factory configuration plus a MiniportDriver service make a virtual adapter, and removing
 * the configuration, the driver or the engine halts it. The API packages come from the class path
 * through the system bundle, so the test's driver and the bundles share them.
 */
class EngineInFelixIT {
    private static final String API_PACKAGES = String.join(",", List.of("org.ndisport.api", "org.ndisport.api.port",
            "org.ndisport.api.pnp", "org.ndisport.api.data", "org.ndisport.api.miniport", "org.ndisport.api.protocol",
            "org.ndisport.api.io", "org.ndisport.api.binding", "org.ndisport.api.runtime")).replace(",", ";version=1.0.0,")
            + ";version=1.0.0";
    private static final long WAIT_SECONDS = 20;

    private Framework framework;
    private BundleContext context;
    private Bundle core;

    /** A driver that signals its initialize and halt. */
    static final class SignallingDriver implements MiniportDriver {
        volatile CountDownLatch initialized = new CountDownLatch(1);
        volatile CountDownLatch halted = new CountDownLatch(1);
        volatile MiniportInitParameters parameters;
        volatile HaltAction haltAction;

        @Override
        public NdisStatus initialize(NdisMiniportHandle handle, MiniportInitParameters p) {
            parameters = p;
            handle.setMiniportAttributes(MiniportAttributes.registration());
            initialized.countDown();
            return NdisStatus.SUCCESS;
        }

        @Override
        public void halt(NdisMiniportHandle handle, HaltAction action) {
            haltAction = action;
            halted.countDown();
        }
    }

    @BeforeEach
    void startFelix() throws Exception {
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, System.getProperty("it.felix.storage"));
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, API_PACKAGES);
        framework = ServiceLoader.load(FrameworkFactory.class).iterator().next().newFramework(config);
        framework.start();
        context = framework.getBundleContext();
        List<Bundle> bundles = new java.util.ArrayList<>();
        for (String key : List.of("slf4j.api", "slf4j.simple", "function", "promise", "component", "scr",
                "configadmin", "eventadmin", "core")) {
            String path = System.getProperty("it.bundle." + key);
            assertNotNull(path, "system property it.bundle." + key);
            bundles.add(context.installBundle(new File(path).toURI().toString()));
        }
        for (Bundle b : bundles) {
            if (b.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                b.start();
            }
        }
        core = bundles.get(bundles.size() - 1);
    }

    @AfterEach
    void stopFelix() throws Exception {
        framework.stop();
        framework.waitForStop(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
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
    void stoppingTheCoreBundleHaltsEveryAdapter() throws Exception {
        waitFor(NdisRuntime.class);
        SignallingDriver driver = new SignallingDriver();
        registerDriver(driver);
        createAdapterConfiguration("vnic2");
        assertTrue(driver.initialized.await(WAIT_SECONDS, TimeUnit.SECONDS));
        core.stop();
        assertTrue(driver.halted.await(WAIT_SECONDS, TimeUnit.SECONDS));
    }

    private ServiceRegistration<MiniportDriver> registerDriver(MiniportDriver driver) {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(MiniportDriverProperties.DRIVER_NAME, "it-driver");
        return context.registerService(MiniportDriver.class, driver, props);
    }

    /** ConfigurationAdmin is reached reflectively: its classes live in the configadmin bundle. */
    private Object createAdapterConfiguration(String name) throws Exception {
        ServiceTracker<Object, Object> tracker = new ServiceTracker<>(context,
                context.createFilter("(objectClass=org.osgi.service.cm.ConfigurationAdmin)"), null);
        tracker.open(true);
        Object admin = tracker.waitForService(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
        assertNotNull(admin, "ConfigurationAdmin");
        Class<?> adminType = tracker.getServiceReference().getBundle()
                .loadClass("org.osgi.service.cm.ConfigurationAdmin");
        Object configuration = adminType.getMethod("createFactoryConfiguration", String.class, String.class)
                .invoke(admin, VirtualAdapterConfiguration.FACTORY_PID, "?");
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("name", name);
        props.put("driver.target", "(ndisport.driver.name=it-driver)");
        props.put("default.send.control.state", "CONTROLLED");
        props.put("default.send.authorization.state", "UNAUTHORIZED");
        Method update = configuration.getClass().getMethod("update", Dictionary.class);
        update.invoke(configuration, props);
        return configuration;
    }

    /**
     * Waits until SCR reports the VirtualAdapter configuration for {@code name} ACTIVE. A static
     * reference's service leaving while SCR is still activating the component is not seen by SCR, so a
     * test that removes the driver waits for activation to be over first.
     */
    private void awaitActive(String name) throws Exception {
        ServiceTracker<Object, Object> tracker = new ServiceTracker<>(context,
                context.createFilter("(objectClass=org.osgi.service.component.runtime.ServiceComponentRuntime)"), null);
        tracker.open(true);
        Object scr = tracker.waitForService(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
        assertNotNull(scr, "ServiceComponentRuntime");
        Class<?> scrType = tracker.getServiceReference().getBundle()
                .loadClass("org.osgi.service.component.runtime.ServiceComponentRuntime");
        Object description = scrType.getMethod("getComponentDescriptionDTO", Bundle.class, String.class)
                .invoke(scr, core, VirtualAdapter.class.getName());
        Method configurations = scrType.getMethod("getComponentConfigurationDTOs", description.getClass());
        awaitTrue(() -> {
            try {
                for (Object dto : (java.util.Collection<?>) configurations.invoke(scr, description)) {
                    Map<?, ?> props = (Map<?, ?>) dto.getClass().getField("properties").get(dto);
                    int state = dto.getClass().getField("state").getInt(dto);
                    if (name.equals(props.get("name")) && state == 8) {
                        return true;
                    }
                }
                return false;
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }, "VirtualAdapter " + name + " ACTIVE");
    }

    /** Re-checks a condition every 10 ms until it holds, failing after the wait limit. */
    private static void awaitTrue(java.util.function.BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }

    private <T> T waitFor(Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        T service = tracker.waitForService(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
        assertNotNull(service, type.getSimpleName() + " service");
        return service;
    }
}
