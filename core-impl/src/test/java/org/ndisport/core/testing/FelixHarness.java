package org.ndisport.core.testing;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.util.tracker.ServiceTracker;

/**
 * A real Felix for integration tests: the API packages come from the class path through the system
 * bundle (so the test's drivers and the bundles share them), and the bundles are the files named by
 * the {@code it.bundle.KEY} system properties the failsafe configuration sets. ConfigAdmin and SCR are
 * reached reflectively, since their classes live in their bundles. Used by core-impl's and
 * protocol-binding's integration tests.
 */
public final class FelixHarness implements AutoCloseable {
    /** Default wait for anything asynchronous. */
    public static final long WAIT_SECONDS = 20;
    private static final String API_PACKAGES = String.join(",", List.of("org.ndisport.api", "org.ndisport.api.port",
            "org.ndisport.api.pnp", "org.ndisport.api.data", "org.ndisport.api.miniport", "org.ndisport.api.protocol",
            "org.ndisport.api.io", "org.ndisport.api.binding", "org.ndisport.api.runtime",
            "org.ndisport.api.capture")).replace(",", ";version=1.0.0,")
            + ";version=1.0.0"
            // the test's own EventHandlers and EventAdmins share the event package with the bundles
            + ",org.osgi.service.event;version=1.4.1";
    /** The runtime bundles every test needs, in start order. */
    public static final List<String> RUNTIME = List.of("slf4j.api", "slf4j.simple", "function", "promise", "component",
            "scr", "configadmin", "eventadmin");

    private final Framework framework;
    private final BundleContext context;
    private final Map<String, Bundle> bundles = new HashMap<>();

    /** Starts Felix and installs and starts the bundles with these keys, in order. */
    public FelixHarness(List<String> keys) throws Exception {
        this(keys, Map.of());
    }

    /** As {@link #FelixHarness(List)}, with more framework properties (read by bundles too, e.g. EventAdmin's). */
    public FelixHarness(List<String> keys, Map<String, String> properties) throws Exception {
        Map<String, String> config = new HashMap<>(properties);
        config.put(Constants.FRAMEWORK_STORAGE, System.getProperty("it.felix.storage"));
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, API_PACKAGES);
        framework = ServiceLoader.load(FrameworkFactory.class).iterator().next().newFramework(config);
        framework.start();
        context = framework.getBundleContext();
        List<Bundle> installed = new ArrayList<>();
        for (String key : keys) {
            String path = System.getProperty("it.bundle." + key);
            assertNotNull(path, "system property it.bundle." + key);
            Bundle b = context.installBundle(new File(path).toURI().toString());
            bundles.put(key, b);
            installed.add(b);
        }
        for (Bundle b : installed) {
            if (b.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                b.start();
            }
        }
    }

    /** The system bundle's context: services registered here stand for a third-party bundle. */
    public BundleContext context() {
        return context;
    }

    /** The installed bundle of a key. */
    public Bundle bundle(String key) {
        return bundles.get(key);
    }

    @Override
    public void close() throws Exception {
        framework.stop();
        framework.waitForStop(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
    }

    /** Waits for a service of {@code type} and returns it. */
    public <T> T waitFor(Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        T service = tracker.waitForService(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
        assertNotNull(service, type.getSimpleName() + " service");
        return service;
    }

    /** Creates a factory configuration of {@code factoryPid} with {@code properties}; returns it. */
    public Object createFactoryConfiguration(String factoryPid, Dictionary<String, Object> properties) throws Exception {
        ServiceTracker<Object, Object> tracker = new ServiceTracker<>(context,
                context.createFilter("(objectClass=org.osgi.service.cm.ConfigurationAdmin)"), null);
        tracker.open(true);
        Object admin = tracker.waitForService(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
        assertNotNull(admin, "ConfigurationAdmin");
        Class<?> adminType = tracker.getServiceReference().getBundle()
                .loadClass("org.osgi.service.cm.ConfigurationAdmin");
        Object configuration = adminType.getMethod("createFactoryConfiguration", String.class, String.class)
                .invoke(admin, factoryPid, "?");
        Method update = configuration.getClass().getMethod("update", Dictionary.class);
        update.invoke(configuration, properties);
        return configuration;
    }

    /** A virtual-adapter configuration ({@code org.ndisport.core.adapter}) for the named driver. */
    public Object createAdapterConfiguration(String name, String driverName, Map<String, Object> more) throws Exception {
        Dictionary<String, Object> props = new Hashtable<>(more);
        props.put("name", name);
        props.put("driver.target", "(ndisport.driver.name=" + driverName + ")");
        return createFactoryConfiguration("org.ndisport.core.adapter", props);
    }

    /**
     * Waits until SCR reports the configuration of {@code componentName} in {@code bundle} whose
     * {@code name} property is {@code name} ACTIVE. A static reference's service leaving while SCR is
     * still activating the component is not seen by SCR, so a test that removes a dependency waits for
     * activation to be over first.
     */
    public void awaitActive(Bundle bundle, String componentName, String name) throws Exception {
        ServiceTracker<Object, Object> tracker = new ServiceTracker<>(context,
                context.createFilter("(objectClass=org.osgi.service.component.runtime.ServiceComponentRuntime)"), null);
        tracker.open(true);
        Object scr = tracker.waitForService(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
        assertNotNull(scr, "ServiceComponentRuntime");
        Class<?> scrType = tracker.getServiceReference().getBundle()
                .loadClass("org.osgi.service.component.runtime.ServiceComponentRuntime");
        Object description = scrType.getMethod("getComponentDescriptionDTO", Bundle.class, String.class)
                .invoke(scr, bundle, componentName);
        Method configurations = scrType.getMethod("getComponentConfigurationDTOs", description.getClass());
        awaitTrue(() -> {
            try {
                for (Object dto : (Collection<?>) configurations.invoke(scr, description)) {
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
        }, componentName + " " + name + " ACTIVE");
    }

    /** Re-checks a condition every 10 ms until it holds, failing after the wait limit. */
    public static void awaitTrue(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }
}
