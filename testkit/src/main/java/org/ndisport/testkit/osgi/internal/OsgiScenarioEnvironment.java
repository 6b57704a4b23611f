package org.ndisport.testkit.osgi.internal;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.ndisport.api.io.HardwareDevice;
import org.ndisport.api.io.IoClaim;
import org.ndisport.api.io.IoDecode;
import org.ndisport.api.io.IoPortSpace;
import org.ndisport.api.protocol.ProtocolDriver;
import org.ndisport.api.protocol.ProtocolDriverProperties;
import org.ndisport.api.runtime.NdisRuntime;
import org.ndisport.api.runtime.VerifierMode;
import org.ndisport.testkit.scenario.ScenarioEnvironment;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The scenario environment inside OSGi: protocols are services of the testkit bundle, devices are
 * ConfigAdmin configurations of {@code org.ndisport.ioport.device} (with a hardware id no driver
 * matches), and the verifier mode is the engine's configuration.
 */
final class OsgiScenarioEnvironment implements ScenarioEnvironment {
    static final String DEVICE_FACTORY_PID = "org.ndisport.ioport.device";
    static final String ENGINE_PID = "org.ndisport.core";
    private static final long WAIT_MILLIS = 10_000;

    private final BundleContext context;
    private final NdisRuntime runtime;
    private final ConfigurationAdmin configAdmin;
    private final Supplier<IoPortSpace> ioPorts;

    OsgiScenarioEnvironment(BundleContext context, NdisRuntime runtime, ConfigurationAdmin configAdmin,
            Supplier<IoPortSpace> ioPorts) {
        this.context = context;
        this.runtime = runtime;
        this.configAdmin = configAdmin;
        this.ioPorts = ioPorts;
    }

    @Override
    public NdisRuntime runtime() {
        return runtime;
    }

    @Override
    public String bundleName() {
        return context.getBundle().getSymbolicName();
    }

    @Override
    public AutoCloseable registerProtocol(String name, ProtocolDriver driver) {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(ProtocolDriverProperties.PROTOCOL_NAME, name);
        ServiceRegistration<ProtocolDriver> registration = context.registerService(ProtocolDriver.class, driver, props);
        return registration::unregister;
    }

    @Override
    public Device createDevice(String name, String type, int ioBase, int ioLength) throws Exception {
        IoPortSpace space = ioPorts.get();
        if (space == null) {
            throw new IllegalStateException("no I/O port space is running (is ioport-hw started?)");
        }
        for (IoDecode d : space.decodes()) {
            if (d.range().overlaps(Integer.toUnsignedLong(ioBase), Integer.toUnsignedLong(ioLength))) {
                throw new IllegalStateException("device " + name + ": I/O range overlaps " + d
                        + " (run scenarios in a container without the default configuration)");
            }
        }
        Configuration config = configAdmin.createFactoryConfiguration(DEVICE_FACTORY_PID, "?");
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("name", name);
        props.put("type", type);
        props.put("io.base", ioBase);
        props.put("io.length", ioLength);
        props.put("hardware.id", "scenario-" + type);
        props.put("segment", "scenario-" + name);
        config.update(props);
        ServiceTracker<HardwareDevice, HardwareDevice> tracker = new ServiceTracker<>(context,
                context.createFilter("(&(objectClass=" + HardwareDevice.class.getName() + ")(name=" + name + "))"), null);
        tracker.open();
        HardwareDevice device = tracker.waitForService(WAIT_MILLIS);
        if (device == null) {
            tracker.close();
            config.delete();
            throw new IllegalStateException("device " + name + " did not appear (is ioport-hw running?)");
        }
        return new Device() {
            @Override
            public HardwareDevice device() {
                return device;
            }

            @Override
            public void close() throws Exception {
                try {
                    config.delete();
                    await(() -> tracker.getService() == null, "device " + name + " to leave");
                    // the device leaves the bus after its service: wait for that too, so the next
                    // scenario may reuse the range
                    await(() -> space.decodes().stream().noneMatch(d -> d.device().equals(name)),
                            "device " + name + " to leave the I/O bus");
                } finally {
                    tracker.close();
                }
            }
        };
    }

    @Override
    public List<IoClaim> ioClaims() {
        IoPortSpace space = ioPorts.get();
        return space == null ? List.of() : space.claims();
    }

    @Override
    public void verifierMode(VerifierMode mode) throws Exception {
        if (runtime.verifier().mode() == mode) {
            return;
        }
        Configuration config = configAdmin.getConfiguration(ENGINE_PID, "?");
        Dictionary<String, Object> props = config.getProperties() == null ? new Hashtable<>() : config.getProperties();
        props.put("verifier.mode", mode.name());
        config.update(props);
        await(() -> runtime.verifier().mode() == mode, "verifier mode " + mode);
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }
}
