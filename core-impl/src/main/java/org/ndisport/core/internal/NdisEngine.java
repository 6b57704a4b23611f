package org.ndisport.core.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.ndisport.api.binding.AdapterEventSink;
import org.ndisport.api.io.IoPortSpace;
import org.ndisport.api.miniport.HaltAction;
import org.ndisport.api.runtime.AdapterControl;
import org.ndisport.api.runtime.AdapterSpec;
import org.ndisport.api.runtime.AdapterView;
import org.ndisport.api.runtime.NdisRuntime;
import org.ndisport.api.runtime.Verifier;
import org.ndisport.core.adapter.internal.AdapterRuntime;
import org.ndisport.core.adapter.internal.EngineContext;
import org.ndisport.core.verifier.internal.VerifierCore;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The port lifecycle engine as a DS component: owns the adapters, the verifier and the bind thread. */
@Component(service = NdisRuntime.class, configurationPid = EngineConfiguration.PID)
@Designate(ocd = EngineConfiguration.class)
public final class NdisEngine implements NdisRuntime {
    private static final Logger LOG = LoggerFactory.getLogger(NdisEngine.class);

    private final ConcurrentSkipListMap<String, AdapterRuntime> adapters = new ConcurrentSkipListMap<>();
    private final EventAdminEvents events = new EventAdminEvents();
    private final ExecutorService bindThread;
    private final VerifierCore verifier;
    private final EngineContext context;
    private final List<Runnable> ioPortSpaceListeners = new CopyOnWriteArrayList<>();

    /** Creates the engine with its configuration; unit tests call this with {@code new}. */
    @Activate
    public NdisEngine(EngineConfiguration config) {
        bindThread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "ndisport-bind");
            t.setDaemon(true);
            return t;
        });
        verifier = new VerifierCore(config.verifier_mode(), config.verifier_capacity(), Clock.systemUTC());
        verifier.listener(events);
        context = new EngineContext(verifier, bindThread);
        context.events(events);
        configure(config);
        LOG.info("ndisport engine started (verifier {})", config.verifier_mode());
    }

    @Modified
    void configure(EngineConfiguration config) {
        verifier.configure(config.verifier_mode(), config.verifier_capacity());
        context.portLimit(config.port_limit());
        context.drainTimeoutMillis(config.halt_drain_timeout_ms());
    }

    /** Halts every adapter cleanly (the engine is going away), then stops the bind thread. */
    @Deactivate
    void deactivate() {
        for (AdapterRuntime a : adapters.descendingMap().values()) {
            a.halt(HaltAction.DEVICE_STOPPED);
        }
        adapters.clear();
        events.shutdown();
        bindThread.shutdown();
        try {
            bindThread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("ndisport engine stopped");
    }

    @Override
    public List<AdapterView> adapters() {
        List<AdapterView> out = new ArrayList<>();
        for (AdapterRuntime a : adapters.values()) {
            out.add(a.view());
        }
        return out;
    }

    @Override
    public Optional<AdapterView> adapter(String name) {
        return Optional.ofNullable(adapters.get(name)).map(AdapterRuntime::view);
    }

    @Override
    public AdapterControl createAdapter(AdapterSpec spec) {
        Objects.requireNonNull(spec, "spec");
        AdapterRuntime runtime = new AdapterRuntime(spec, context);
        if (adapters.putIfAbsent(spec.name(), runtime) != null) {
            throw new IllegalArgumentException("adapter name already in use: " + spec.name());
        }
        return new RemovingControl(runtime, () -> adapters.remove(spec.name(), runtime));
    }

    @Override
    public Verifier verifier() {
        return verifier;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindSink(AdapterEventSink sink) {
        AdapterEventSink previous = context.sink();
        if (previous != null) {
            closeBindingsOf(previous);
        }
        context.sink(sink);
        for (AdapterRuntime a : adapters.values()) {
            a.sinkAdded();
        }
    }

    void unbindSink(AdapterEventSink sink) {
        if (context.sink() == sink) {
            closeBindingsOf(sink);
            context.sink(null);
        }
    }

    /** A binding layer leaving (or being replaced) closes its bindings cleanly while it is still active. */
    private void closeBindingsOf(AdapterEventSink sink) {
        for (AdapterRuntime a : adapters.values()) {
            a.sinkLeaving(sink);
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindIoPortSpace(IoPortSpace space) {
        context.ioPortSpace(space);
        ioPortSpaceListeners.forEach(Runnable::run);
    }

    /** True while an I/O port space is bound: hardware adapters with I/O resources can initialize. */
    boolean hasIoPortSpace() {
        return context.ioPortSpace() != null;
    }

    /**
     * Runs {@code listener} each time an I/O port space is bound. A provider bundle starting registers
     * its devices from inside the registration of its space, so the engine can hear of a device before
     * it hears of the space the device sits on: {@link HardwareAdapters} waits for this.
     */
    void addIoPortSpaceListener(Runnable listener) {
        ioPortSpaceListeners.add(listener);
    }

    void removeIoPortSpaceListener(Runnable listener) {
        ioPortSpaceListeners.remove(listener);
    }

    void unbindIoPortSpace(IoPortSpace space) {
        if (context.ioPortSpace() == space) {
            context.ioPortSpace(null);
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindEventAdmin(EventAdmin admin) {
        events.eventAdmin(admin);
    }

    void unbindEventAdmin(EventAdmin admin) {
        events.removeEventAdmin(admin);
    }

    /** Handlers are tracked by reference only (never obtained), for their {@code event.topics}. */
    @Reference(service = EventHandler.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, updated = "updatedEventHandler")
    void bindEventHandler(ServiceReference<EventHandler> handler) {
        events.interest().put(handler, handler.getProperty(EventConstants.EVENT_TOPIC));
    }

    void updatedEventHandler(ServiceReference<EventHandler> handler) {
        bindEventHandler(handler);
    }

    void unbindEventHandler(ServiceReference<EventHandler> handler) {
        events.interest().remove(handler);
    }
}
