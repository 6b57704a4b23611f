package org.ndisport.benchmarks;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

/**
 * An embedded Felix for benchmarks: the API, EventAdmin and ConfigAdmin packages come from the class
 * path through the system bundle (so the benchmark's drivers, handlers and the bundles share them), the
 * bundles from {@link #bundles()}, the framework cache from a temporary folder removed on close.
 */
public final class Container implements AutoCloseable {
    /** The runtime bundles, in start order (files {@code NAME.jar} in the bundle folder). */
    public static final List<String> RUNTIME = List.of("slf4j-api", "slf4j-simple", "org.osgi.util.function",
            "org.osgi.util.promise", "org.osgi.service.component", "org.apache.felix.scr",
            "org.apache.felix.configadmin", "org.apache.felix.eventadmin");
    /** ndisport's implementation bundles, in start order. */
    public static final List<String> NDISPORT = List.of("org.ndisport.core", "org.ndisport.binding", "org.ndisport.ioport");
    /** How long anything asynchronous may take. */
    public static final long WAIT_MILLIS = 30_000;

    private static final String SYSTEM_PACKAGES = String.join(",", Stream.of("org.ndisport.api", "org.ndisport.api.port",
            "org.ndisport.api.pnp", "org.ndisport.api.data", "org.ndisport.api.miniport", "org.ndisport.api.protocol",
            "org.ndisport.api.io", "org.ndisport.api.binding", "org.ndisport.api.runtime",
            "org.ndisport.api.capture")
            .map(p -> p + ";version=1.0.0").toList()) + ",org.osgi.service.event;version=1.4.1,org.osgi.service.cm;version=1.6.1";

    private final Path storage;
    private final Framework framework;
    private final Map<String, Bundle> bundles = new HashMap<>();

    /** Starts Felix, then installs and starts the named bundles in order. */
    public Container(List<String> names) {
        try {
            storage = Files.createTempDirectory("ndisport-bench");
            Map<String, String> config = new HashMap<>();
            config.put(Constants.FRAMEWORK_STORAGE, storage.toString());
            config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
            config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, SYSTEM_PACKAGES);
            framework = ServiceLoader.load(FrameworkFactory.class).iterator().next().newFramework(config);
            framework.start();
            List<Bundle> installed = new ArrayList<>();
            for (String name : names) {
                Bundle b = framework.getBundleContext().installBundle(new File(bundles(), name + ".jar").toURI().toString());
                bundles.put(name, b);
                installed.add(b);
            }
            for (Bundle b : installed) {
                if (b.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                    b.start();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (BundleException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The runtime and ndisport's implementation bundles. */
    public static Container ndisport() {
        List<String> all = new ArrayList<>(RUNTIME);
        all.addAll(NDISPORT);
        return new Container(all);
    }

    /**
     * The folder of the bundle jars: {@code -Dndisport.bench.bundles=DIR}, else {@code bundles/} beside
     * the benchmarks jar (the build copies them to {@code benchmarks/target/bundles}).
     */
    public static File bundles() {
        String dir = System.getProperty("ndisport.bench.bundles");
        if (dir != null) {
            return new File(dir);
        }
        try {
            File jar = new File(Container.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return new File(jar.getParentFile(), "bundles");
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The system bundle's context: what the benchmark registers stands for a third-party bundle. */
    public BundleContext context() {
        return framework.getBundleContext();
    }

    /** The installed bundle of that name. */
    public Bundle bundle(String name) {
        return bundles.get(name);
    }

    /** Waits for a service of {@code type}; fails after {@link #WAIT_MILLIS}. */
    public <T> T service(Class<T> type) {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context(), type, null);
        tracker.open();
        try {
            T service = tracker.waitForService(WAIT_MILLIS);
            if (service == null) {
                throw new IllegalStateException("no " + type.getSimpleName() + " service");
            }
            return service;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A virtual adapter configuration for the driver named {@code driverName}. */
    public void virtualAdapter(String name, String driverName) {
        try {
            var c = service(ConfigurationAdmin.class).getFactoryConfiguration("org.ndisport.core.adapter", name, "?");
            var props = new java.util.Hashtable<String, Object>();
            props.put("name", name);
            props.put("driver.target", "(ndisport.driver.name=" + driverName + ")");
            c.update(props);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Re-checks {@code condition} until it holds; fails after {@link #WAIT_MILLIS}. */
    public static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            Thread.onSpinWait();
        }
    }

    @Override
    public void close() {
        try {
            framework.stop();
            framework.waitForStop(WAIT_MILLIS);
        } catch (BundleException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try (Stream<Path> files = Files.walk(storage)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temporary folder: best effort
            }
        }
    }
}
