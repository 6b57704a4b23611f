package org.ndisport.core.adapter.internal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.binding.UnbindReason;
import org.ndisport.api.io.IoCaller;
import org.ndisport.api.io.IoPortRange;
import org.ndisport.api.io.IoPortSpace;
import org.ndisport.api.miniport.HaltAction;
import org.ndisport.api.miniport.MiniportInitParameters;
import org.ndisport.api.port.PortAuthenticationParameters;
import org.ndisport.api.runtime.AdapterPhase;
import org.ndisport.api.runtime.PortState;
import org.ndisport.core.port.internal.PortEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Initialize and halt of one adapter with the checks after each (spec §2.6, R39-R42, R65, R70, R71,
 * D34): leftovers are reported one finding each, then reclaimed without calling the driver; an
 * interrupt left registered is disconnected with warning N23.
 */
final class Lifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(Lifecycle.class);

    private final Adapter adapter;
    private final DriverCalls driver;
    private final PortOperations ports;
    private final BindingNotifier notifier;
    private final InterruptOperations interrupt;
    private final IoCaller ioCaller;
    private boolean initializeCalled;

    Lifecycle(Adapter adapter, DriverCalls driver, PortOperations ports, BindingNotifier notifier,
            InterruptOperations interrupt, IoCaller ioCaller) {
        this.adapter = adapter;
        this.driver = driver;
        this.ports = ports;
        this.notifier = notifier;
        this.interrupt = interrupt;
        this.ioCaller = ioCaller;
    }

    synchronized NdisStatus initialize() {
        if (initializeCalled) {
            throw new IllegalStateException("adapter " + adapter.name() + " was already initialized");
        }
        initializeCalled = true;
        LOG.info("initializing adapter {} with driver {}", adapter.name(), adapter.spec().driverName());
        adapter.phase(AdapterPhase.P0_INIT_PRE_REG);
        NdisStatus result = driver.initialize(new MiniportInitParameters(adapter.name(),
                PortAuthenticationParameters.of(adapter.spec().defaultAuthStates()), adapter.spec().ioResources(),
                adapter.spec().interruptLine()));
        if (result == NdisStatus.SUCCESS && adapter.phase() == AdapterPhase.P0_INIT_PRE_REG) {
            adapter.finding("N2", "MiniportInitializeEx returned SUCCESS without registration attributes");
            result = NdisStatus.FAILURE;
        }
        if (result == NdisStatus.SUCCESS) {
            if (adapter.ioRegistrationFailed()) {
                adapter.warning("R65", "MiniportInitializeEx succeeded after a failed I/O port range registration");
            }
            synchronized (adapter.stateLock()) {
                adapter.phase(AdapterPhase.P2_OPERATIONAL);
            }
            notifier.announceLater();
            LOG.info("adapter {} is operational", adapter.name());
            return result;
        }
        synchronized (adapter.stateLock()) {
            adapter.phase(AdapterPhase.P4_HALTED);
        }
        reportAndReclaim("R39", "R71", false);
        LOG.info("adapter {} failed to initialize: {}", adapter.name(), result);
        return result;
    }

    synchronized void halt(HaltAction action) {
        if (!initializeCalled || adapter.phase() == AdapterPhase.P4_HALTED) {
            initializeCalled = true;
            return;
        }
        LOG.info("halting adapter {} ({})", adapter.name(), action);
        synchronized (adapter.stateLock()) {
            adapter.haltScheduled(true);
        }
        notifier.unannounce(UnbindReason.HALT_SCHEDULED);
        awaitOutstandingRequests();
        synchronized (adapter.stateLock()) {
            adapter.haltScheduled(false);
            adapter.phase(AdapterPhase.P3_HALTING);
        }
        driver.halt(action);
        synchronized (adapter.stateLock()) {
            adapter.phase(AdapterPhase.P4_HALTED);
        }
        reportAndReclaim("R40", "R70", true);
        LOG.info("adapter {} halted", adapter.name());
    }

    /**
     * One finding per leftover port and range, then everything is removed; port 0 last (R42). Holds the
     * delivery lock, so a port event still in flight on a driver thread either finishes first (and its
     * ports are reported as left) or finds its ports reclaimed and returns CLOSING.
     */
    private void reportAndReclaim(String portRule, String rangeRule, boolean afterHalt) {
        if (interrupt.registered()) {
            adapter.warning("N23", "interrupt still registered when the driver returned; deregistered by the runtime");
            interrupt.deregister();
        }
        adapter.deliveryLock().lock();
        try {
            reclaimPorts(portRule, afterHalt);
        } finally {
            adapter.deliveryLock().unlock();
        }
        IoPortSpace io = adapter.context().ioPortSpace();
        if (io != null) {
            for (IoPortRange r : io.claimsOf(ioCaller)) {
                adapter.finding(rangeRule, "I/O port range " + r + " still registered when the driver returned");
            }
            io.releaseAll(ioCaller);
        }
    }

    private void reclaimPorts(String portRule, boolean afterHalt) {
        synchronized (adapter.stateLock()) {
            for (PortEntry e : adapter.ports().entries()) {
                if (e.number() != 0) {
                    adapter.finding(portRule, e.number(), "port left " + e.state() + " when the driver returned");
                } else if (afterHalt && adapter.controlsDefaultPort() && e.state() == PortState.ACTIVATED) {
                    adapter.finding("R41", 0, "controlled port 0 still ACTIVATED when MiniportHaltEx returned");
                }
            }
            for (PortEntry e : adapter.ports().entries()) {
                if (e.number() != 0) {
                    ports.remove(e);
                }
            }
            PortEntry port0 = adapter.ports().get(0);
            if (port0 != null) {
                ports.remove(port0);
            }
        }
    }

    /** Spec §1.1: MiniportHaltEx is not called while sends or OIDs are outstanding. */
    private void awaitOutstandingRequests() {
        // N43: a negative timeout waits not at all; a huge one saturates instead of wrapping into the past
        long timeout = TimeUnit.MILLISECONDS.toNanos(Math.max(0, adapter.context().drainTimeoutMillis()));
        long start = System.nanoTime();
        while (adapter.outstandingRequests().get() > 0) {
            if (System.nanoTime() - start > timeout) {
                LOG.warn("adapter {}: {} requests still outstanding at halt; halting anyway", adapter.name(),
                        adapter.outstandingRequests().get());
                adapter.warning("N3", adapter.outstandingRequests().get()
                        + " sends or OIDs never completed before halt");
                return;
            }
            LockSupport.parkNanos(100_000);
        }
    }
}
