package org.ndisport.core.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ndisport.api.io.HardwareDevice;
import org.ndisport.api.miniport.HaltAction;
import org.ndisport.api.miniport.MiniportDriver;
import org.ndisport.api.miniport.MiniportDriverProperties;
import org.ndisport.api.runtime.AdapterSpec;
import org.ndisport.api.runtime.NdisRuntime;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Matches hardware devices with miniport drivers: a device whose hardware id a driver lists in
 * {@code ndisport.hardware.ids} (compared case-insensitively, as PnP does) gets an adapter named after
 * the device, driven by the best-ranked such driver, initialized with the device's resources. The
 * device leaving is a surprise removal (D34: unbind, then halt); the driver leaving halts its adapters
 * and offers the devices to the remaining drivers.
 */
@Component(service = {})
public final class HardwareAdapters {
    private static final Logger LOG = LoggerFactory.getLogger(HardwareAdapters.class);

    private final NdisRuntime runtime;
    private final NdisEngine engine;
    private final Runnable spaceArrived = this::ioPortSpaceArrived;
    private final Map<ServiceReference<HardwareDevice>, Matched> devices = new LinkedHashMap<>();
    private final Map<ServiceReference<MiniportDriver>, MiniportDriver> drivers = new LinkedHashMap<>();
    private volatile boolean active = true;

    /** A device, and the driver and adapter it is matched with (null while unmatched). */
    private static final class Matched {
        private final HardwareDevice device;
        private ServiceReference<MiniportDriver> driver;
        private AdapterInstance adapter;

        Matched(HardwareDevice device) {
            this.device = device;
        }

        /** Forgets the adapter and its driver; returns the adapter (null when unmatched) for halting. */
        AdapterInstance detach() {
            AdapterInstance a = adapter;
            adapter = null;
            driver = null;
            return a;
        }
    }

    /** Created with the engine it creates adapters in. */
    @Activate
    public HardwareAdapters(@Reference NdisRuntime runtime) {
        this.runtime = runtime;
        this.engine = runtime instanceof NdisEngine e ? e : null;
        if (engine != null) {
            engine.addIoPortSpaceListener(spaceArrived);
        }
    }

    /** Devices that waited for an I/O port space get their adapters now. */
    private synchronized void ioPortSpaceArrived() {
        matchUnmatched();
    }

    /** Offers every device without an adapter to the drivers again; with the monitor held. */
    private void matchUnmatched() {
        for (Matched m : devices.values()) {
            if (m.adapter == null) {
                match(m);
            }
        }
    }

    /** True when a driver whose {@code ndisport.hardware.ids} property is {@code ids} drives {@code hardwareId}. */
    static boolean drives(Object ids, String hardwareId) {
        Collection<?> list = ids instanceof String[] a ? List.of(a)
                : ids instanceof Collection<?> c ? c : ids == null ? List.of() : List.of(ids);
        String wanted = hardwareId.toUpperCase(Locale.ROOT);
        for (Object id : list) {
            if (id != null && String.valueOf(id).toUpperCase(Locale.ROOT).equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    synchronized void bindDevice(ServiceReference<HardwareDevice> reference, HardwareDevice device) {
        Matched m = new Matched(device);
        devices.put(reference, m);
        LOG.info("hardware device {} ({}) appeared with I/O {} and interrupt line {}", device.name(),
                device.hardwareId(), device.ioPorts(), device.interruptLine());
        match(m);
    }

    /** A surprise removal: halted before this returns, so before the device leaves the bus (D34). */
    void unbindDevice(ServiceReference<HardwareDevice> reference) {
        AdapterInstance adapter;
        synchronized (this) {
            Matched m = devices.remove(reference);
            adapter = m == null ? null : m.detach();
        }
        if (adapter != null) {
            LOG.info("hardware device {} removed: surprise removal of its adapter", adapter.name());
            adapter.halt(HaltAction.DEVICE_SURPRISE_REMOVED);
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, target = "(" + MiniportDriverProperties.HARDWARE_IDS + "=*)")
    synchronized void bindDriver(ServiceReference<MiniportDriver> reference, MiniportDriver driver) {
        drivers.put(reference, driver);
        matchUnmatched();
    }

    /** Halts the driver's adapters (outside the lock), then offers their devices to the remaining drivers. */
    void unbindDriver(ServiceReference<MiniportDriver> reference) {
        List<Matched> orphans = new ArrayList<>();
        List<AdapterInstance> halting = new ArrayList<>();
        synchronized (this) {
            drivers.remove(reference);
            for (Matched m : devices.values()) {
                if (reference.equals(m.driver)) {
                    orphans.add(m);
                    halting.add(m.detach());
                }
            }
        }
        halting.forEach(a -> a.halt(HaltAction.DEVICE_DISABLED));
        synchronized (this) {
            for (Matched m : orphans) {
                if (devices.containsValue(m) && m.adapter == null) {
                    match(m);
                }
            }
        }
    }

    /** Halts every adapter this component created (the engine or this bundle is going away). */
    @Deactivate
    void deactivate() {
        if (engine != null) {
            engine.removeIoPortSpaceListener(spaceArrived);
        }
        List<AdapterInstance> halting = new ArrayList<>();
        synchronized (this) {
            active = false;
            for (Matched m : devices.values()) {
                if (m.adapter != null) {
                    halting.add(m.detach());
                }
            }
        }
        halting.forEach(a -> a.halt(HaltAction.DEVICE_STOPPED));
    }

    private void match(Matched m) {
        ServiceReference<MiniportDriver> best = null;
        for (ServiceReference<MiniportDriver> r : drivers.keySet()) {
            if (drives(r.getProperty(MiniportDriverProperties.HARDWARE_IDS), m.device.hardwareId()) && (best == null || r.compareTo(best) > 0)) {
                best = r;
            }
        }
        if (best == null || !active) {
            return;
        }
        java.util.List<?> ports = m.device.ioPorts();
        if (ports != null && !ports.isEmpty() && engine != null && !engine.hasIoPortSpace()) {
            LOG.info("device {} waits for an I/O port space before its adapter is created", m.device.name());
            return;
        }
        Bundle bundle = best.getBundle();
        String driverName = String.valueOf(best.getProperty(MiniportDriverProperties.DRIVER_NAME));
        try {
            AdapterSpec spec = AdapterSpec.hardware(m.device, drivers.get(best), driverName,
                    bundle == null ? "unknown" : bundle.getSymbolicName());
            m.adapter = new AdapterInstance(runtime, spec);
            m.driver = best;
        } catch (IllegalArgumentException | NullPointerException e) {
            // a name taken (N26), blank or missing (N41): the device gets no adapter
            LOG.error("cannot create an adapter for device {}: {}", m.device.name(), e.getMessage());
        }
    }
}
