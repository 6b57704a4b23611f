package org.ndisport.core.adapter.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import org.ndisport.api.binding.BindableAdapter;
import org.ndisport.api.runtime.AdapterPhase;
import org.ndisport.api.runtime.AdapterSpec;
import org.ndisport.api.runtime.AdapterView;
import org.ndisport.api.runtime.PortState;
import org.ndisport.api.runtime.PortView;
import org.ndisport.api.runtime.Violation;
import org.ndisport.core.port.internal.NumberAllocator;
import org.ndisport.core.port.internal.PortEntry;
import org.ndisport.core.port.internal.PortTable;

/**
 * One miniport adapter's state: phase, port table and numbers, the state lock that guards every
 * mutation, and the delivery lock that keeps port events, binds and unbinds one at a time (R76).
 */
public final class Adapter {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Adapter.class);

    private final AdapterSpec spec;
    private final EngineContext context;
    private final PortTable ports = new PortTable();
    private final NumberAllocator numbers = new NumberAllocator();
    private final Object stateLock = new Object();
    private final ReentrantLock deliveryLock = new ReentrantLock();
    private final LongAdder dropped = new LongAdder();
    private final AtomicInteger outstandingRequests = new AtomicInteger();
    private final AtomicInteger pendedOids = new AtomicInteger();
    private volatile AdapterPhase phase = AdapterPhase.P0_INIT_PRE_REG;
    private volatile boolean haltScheduled;
    private volatile boolean controlsDefaultPort;
    private volatile Object driverContext;
    private volatile boolean announced;
    private volatile boolean ioRegistrationFailed;
    private volatile BindableAdapter bindable;

    /** A new adapter, not yet initialized. */
    public Adapter(AdapterSpec spec, EngineContext context) {
        this.spec = spec;
        this.context = context;
    }

    public String name() {
        return spec.name();
    }

    /** The adapter as the binding layer sees it. */
    public BindableAdapter bindable() {
        return bindable;
    }

    void bindable(BindableAdapter value) {
        this.bindable = value;
    }

    public AdapterSpec spec() {
        return spec;
    }

    public EngineContext context() {
        return context;
    }

    public PortTable ports() {
        return ports;
    }

    /** The number allocator; callers hold the state lock. */
    NumberAllocator numbers() {
        return numbers;
    }

    /** Guards every change of phase, port state and port table. */
    public Object stateLock() {
        return stateLock;
    }

    /** Held while a port event, bind or unbind is delivered (R76). */
    public ReentrantLock deliveryLock() {
        return deliveryLock;
    }

    public AdapterPhase phase() {
        return phase;
    }

    /** Enters a phase and reports it. */
    void phase(AdapterPhase value) {
        this.phase = value;
        context.events().phaseChanged(name(), value);
    }

    public boolean haltScheduled() {
        return haltScheduled;
    }

    void haltScheduled(boolean value) {
        this.haltScheduled = value;
    }

    public boolean controlsDefaultPort() {
        return controlsDefaultPort;
    }

    void controlsDefaultPort(boolean value) {
        this.controlsDefaultPort = value;
    }

    Object driverContext() {
        return driverContext;
    }

    void driverContext(Object value) {
        this.driverContext = value;
    }

    /** True while the binding layer has been told the adapter is ready and not told otherwise since. */
    boolean announced() {
        return announced;
    }

    void announced(boolean value) {
        this.announced = value;
    }

    boolean ioRegistrationFailed() {
        return ioRegistrationFailed;
    }

    void ioRegistrationFailed(boolean value) {
        this.ioRegistrationFailed = value;
    }

    AtomicInteger outstandingRequests() {
        return outstandingRequests;
    }

    AtomicInteger pendedOids() {
        return pendedOids;
    }

    void countDropped() {
        dropped.increment();
    }

    /** Sets a port's state and reports it; the caller holds the state lock. */
    void portState(PortEntry entry, PortState state) {
        entry.state(state);
        context.events().portStateChanged(name(), entry.number(), state);
    }

    /**
     * Records a violation of a call made by this adapter's driver on a port (read unsigned, spec §0.4);
     * throws in FAIL_FAST.
     */
    Violation violation(String ruleId, int port, String message) {
        return context.verifier().violation(ruleId, name(), Integer.toUnsignedLong(port), spec.driverBundle(), message);
    }

    /** As {@link #violation(String, int, String)} for a record that concerns no port. */
    Violation violation(String ruleId, String message) {
        return context.verifier().violation(ruleId, name(), Violation.NO_PORT, spec.driverBundle(), message);
    }

    /** Records a violation found when a driver callback returned, on a port; never throws. */
    Violation finding(String ruleId, int port, String message) {
        return context.verifier().finding(ruleId, name(), Integer.toUnsignedLong(port), spec.driverBundle(), message);
    }

    /** As {@link #finding(String, int, String)} for a record that concerns no port. */
    Violation finding(String ruleId, String message) {
        return context.verifier().finding(ruleId, name(), Violation.NO_PORT, spec.driverBundle(), message);
    }

    /** Records a warning on a port; never throws. */
    Violation warning(String ruleId, int port, String message) {
        return context.verifier().warning(ruleId, name(), Integer.toUnsignedLong(port), spec.driverBundle(), message);
    }

    /** As {@link #warning(String, int, String)} for a record that concerns no port. */
    Violation warning(String ruleId, String message) {
        return context.verifier().warning(ruleId, name(), Violation.NO_PORT, spec.driverBundle(), message);
    }

    /**
     * N1 for the binding layer: any exception or error (a VirtualMachineError excepted) is logged and
     * recorded as a warning; the engine's outcome is unchanged (O-6).
     */
    void bindingLayerFailed(String what, long port, Throwable e) {
        if (e instanceof VirtualMachineError fatal) {
            throw fatal;
        }
        LOG.warn("binding layer failed in {} for adapter {}", what, name(), e);
        context.verifier().warning("N1", name(), port, "binding-layer", what + " threw " + e);
    }

    /** A snapshot of the adapter and its ports. */
    public AdapterView view() {
        List<PortView> views = new ArrayList<>();
        for (PortEntry e : ports.entries()) {
            views.add(e.view());
        }
        return new AdapterView(name(), spec.driverName(), spec.driverBundle(), phase, haltScheduled,
                controlsDefaultPort, views, dropped.sum(), spec.device() == null ? ""
                        : spec.device().name() + " [" + spec.device().hardwareId() + "]");
    }
}
