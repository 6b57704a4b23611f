package org.ndisport.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.ndisport.api.protocol.ProtocolDriver;
import org.ndisport.api.protocol.ProtocolDriverProperties;
import org.ndisport.api.runtime.BindingView;
import org.ndisport.api.runtime.Bindings;
import org.ndisport.testkit.RecordingProtocol;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The running installation a test works on, from inside the framework: services (awaited), bundles by
 * symbolic name, device and adapter configurations in ConfigAdmin, protocols registered by the test,
 * and the runtime's EventAdmin lines. Closing it unregisters what the test registered.
 */
final class Installation implements AutoCloseable {
    /** How long anything asynchronous may take. */
    static final long WAIT_MILLIS = 10_000;
    static final String DEVICE_FACTORY_PID = "org.ndisport.ioport.device";
    static final String ADAPTER_FACTORY_PID = "org.ndisport.core.adapter";

    private final BundleContext context;
    private final Events events;
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
    private final List<RecordingProtocol> protocols = new ArrayList<>();
    private final Map<String, ServiceTracker<?, ?>> trackers = new ConcurrentHashMap<>();
    private final FrameworkChanges changes = new FrameworkChanges();

    /** Service and bundle events wake waiters. */
    private static final class FrameworkChanges implements ServiceListener, BundleListener {
        @Override
        public void serviceChanged(ServiceEvent event) {
            Changes.signal();
        }

        @Override
        public void bundleChanged(BundleEvent event) {
            Changes.signal();
        }
    }

    Installation(BundleContext context) {
        this.context = context;
        this.events = new Events(context);
        context.addServiceListener(changes);
        context.addBundleListener(changes);
    }

    BundleContext context() {
        return context;
    }

    Events events() {
        return events;
    }

    /** The service, waiting for it to appear. */
    <T> T service(Class<T> type) {
        return service(type, null);
    }

    /**
     * The service matching {@code filter} (LDAP, or null), waiting for it to appear. Its tracker stays
     * open until {@link #close()}, so the object stays valid (ConfigAdmin is a service factory) and a
     * later call returns the current provider after a restart.
     */
    <T> T service(Class<T> type, String filter) {
        String f = "(objectClass=" + type.getName() + ")";
        String key = filter == null ? f : "(&" + f + filter + ")";
        @SuppressWarnings("unchecked")
        ServiceTracker<T, T> tracker = (ServiceTracker<T, T>) trackers.computeIfAbsent(key, k -> {
            try {
                ServiceTracker<Object, Object> t = new ServiceTracker<>(context, context.createFilter(k), null);
                t.open();
                return t;
            } catch (InvalidSyntaxException e) {
                throw new AssertionError(e);
            }
        });
        try {
            T service = tracker.waitForService(WAIT_MILLIS);
            assertNotNull("service " + type.getSimpleName() + (filter == null ? "" : " " + filter), service);
            return service;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Waits until no service of {@code type} is registered. */
    void awaitNoService(Class<?> type) {
        await(() -> context.getServiceReference(type) == null, "no " + type.getSimpleName() + " service");
    }

    /** The log of an acme bundle ({@code Supplier<List<String>>} with {@code acme.log=name}). */
    @SuppressWarnings("unchecked")
    Supplier<List<String>> acmeLog(String name) {
        return service(Supplier.class, "(acme.log=" + name + ")");
    }

    /** The installed bundle with that symbolic name. */
    Bundle bundle(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (b.getSymbolicName().equals(symbolicName)) {
                return b;
            }
        }
        fail("no bundle " + symbolicName);
        return null;
    }

    /** An NE2000 on segment lan0 from ConfigAdmin, as an operator configures one. */
    Configuration nic(String name, int base, int irq, String mac) {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("name", name);
        props.put("type", "ne2000");
        props.put("io.base", base);
        props.put("irq", irq);
        props.put("mac", mac);
        props.put("segment", "lan0");
        return factoryConfiguration(DEVICE_FACTORY_PID, name, props);
    }

    /** A virtual adapter driven by the miniport driver named {@code driverName}. */
    Configuration virtualAdapter(String name, String driverName) {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("name", name);
        props.put("driver.target", "(ndisport.driver.name=" + driverName + ")");
        return factoryConfiguration(ADAPTER_FACTORY_PID, name, props);
    }

    private Configuration factoryConfiguration(String factoryPid, String name, Dictionary<String, Object> props) {
        try {
            Configuration c = service(ConfigurationAdmin.class).getFactoryConfiguration(factoryPid, name, "?");
            c.update(props);
            return c;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The names in the factory configurations of {@code factoryPid}, sorted. */
    List<String> configuredNames(String factoryPid) {
        try {
            Configuration[] all = service(ConfigurationAdmin.class)
                    .listConfigurations("(service.factoryPid=" + factoryPid + ")");
            List<String> names = new ArrayList<>();
            for (Configuration c : all == null ? new Configuration[0] : all) {
                names.add(String.valueOf(c.getProperties().get("name")));
            }
            names.sort(null);
            return names;
        } catch (IOException | InvalidSyntaxException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Waits until the protocol named {@code protocol} has an open binding to each adapter. A binding
     * opens when the protocol's bindAdapter returned; only then does it receive.
     */
    void awaitOpen(String protocol, String... adapters) {
        await(() -> {
            ServiceReference<Bindings> ref = context.getServiceReference(Bindings.class);
            Bindings bindings = ref == null ? null : context.getService(ref);
            if (bindings == null) {
                return false;
            }
            try {
                List<String> open = bindings.bindings().stream().filter(b -> b.protocol().equals(protocol))
                        .map(BindingView::adapter).toList();
                return open.containsAll(List.of(adapters));
            } finally {
                context.ungetService(ref);
            }
        }, protocol + " bound to " + List.of(adapters));
    }

    /** A testkit recording protocol registered by the test bundle under {@code name}. */
    RecordingProtocol recorder(String name) {
        RecordingProtocol p = protocol(new RecordingProtocol(name), name);
        protocols.add(p);
        return p;
    }

    /** Registers {@code service} from the test bundle; unregistered on close. */
    <S> S register(Class<S> type, S service, Dictionary<String, Object> properties) {
        registrations.add(context.registerService(type, service, properties));
        return service;
    }

    /** Registers {@code protocol} from the test bundle under {@code name}; unregistered on close. */
    <P extends ProtocolDriver> P protocol(P protocol, String name) {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(ProtocolDriverProperties.PROTOCOL_NAME, name);
        register(ProtocolDriver.class, protocol, props);
        return protocol;
    }

    /** The symbolic name of the test's own bundle (the probe): the bundle its calls are recorded with. */
    String ownBundle() {
        return FrameworkUtil.getBundle(Installation.class).getSymbolicName();
    }

    /** Waits until {@code condition} holds ({@link Changes}); fails with {@code what} after {@link #WAIT_MILLIS}. */
    static void await(BooleanSupplier condition, String what) {
        await(condition, what, () -> "");
    }

    /** As {@link #await(BooleanSupplier, String)}; a failure also says what {@code detail} tells then. */
    static void await(BooleanSupplier condition, String what, Supplier<String> detail) {
        if (!Changes.await(condition, WAIT_MILLIS)) {
            fail("timed out waiting for: " + what + detail.get());
        }
    }

    /** The lines in natural order (a copy), for comparing events whose order between adapters is open. */
    static List<String> sorted(java.util.Collection<String> lines) {
        List<String> out = new ArrayList<>(lines);
        out.sort(null);
        return out;
    }

    /** Waits until {@code actual} equals {@code expected}, then asserts it (for a readable failure). */
    static <T> void awaitEquals(String what, T expected, Supplier<T> actual) {
        Changes.await(() -> expected.equals(actual.get()), WAIT_MILLIS);
        assertEquals(what, expected, actual.get());
    }

    @Override
    public void close() {
        for (ServiceRegistration<?> r : registrations) {
            try {
                r.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the framework is stopping
            }
        }
        protocols.forEach(RecordingProtocol::close);
        trackers.values().forEach(ServiceTracker::close);
        events.close();
        try {
            context.removeServiceListener(changes);
            context.removeBundleListener(changes);
        } catch (IllegalStateException stopping) {
            // the framework is stopping
        }
    }
}
