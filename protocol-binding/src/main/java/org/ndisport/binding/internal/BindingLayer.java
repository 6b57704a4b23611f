package org.ndisport.binding.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.binding.AdapterEventSink;
import org.ndisport.api.binding.BindableAdapter;
import org.ndisport.api.binding.UnbindReason;
import org.ndisport.api.capture.FrameDirection;
import org.ndisport.api.capture.FrameTap;
import org.ndisport.api.data.NetBufferList;
import org.ndisport.api.data.OidRequest;
import org.ndisport.api.data.StatusIndication;
import org.ndisport.api.pnp.NetPnPEventNotification;
import org.ndisport.api.port.NdisPort;
import org.ndisport.api.protocol.BindParameters;
import org.ndisport.api.protocol.ProtocolDriver;
import org.ndisport.api.protocol.ProtocolDriverProperties;
import org.ndisport.api.runtime.BindingView;
import org.ndisport.api.runtime.Bindings;
import org.ndisport.api.runtime.EventTopics;
import org.ndisport.api.runtime.Violation;
import org.osgi.framework.Constants;
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

/**
 * The binding layer (spec §4): binds every registered {@link ProtocolDriver} to every adapter whose
 * port 0 is active, delivers port events, routes sends and OIDs down and receives, status and
 * completions up. Binds, unbinds and port events of one adapter run one at a time under the engine's
 * exclusion (R76); the receive path takes no lock.
 */
@Component(service = {AdapterEventSink.class, Bindings.class}, configurationPid = BindingConfiguration.PID)
@Designate(ocd = BindingConfiguration.class)
public final class BindingLayer implements AdapterEventSink, Bindings {
    private static final Logger LOG = LoggerFactory.getLogger(BindingLayer.class);

    private final CopyOnWriteArrayList<ProtocolEntry> protocols = new CopyOnWriteArrayList<>();
    private final Map<Long, ProtocolEntry> byServiceId = new ConcurrentHashMap<>();
    private final Map<BindableAdapter, AdapterBindings> adapters = new ConcurrentHashMap<>();
    private final FrameTaps taps = new FrameTaps();
    private volatile EventDelivery events;
    private final BindingEvents bindingEvents = new BindingEvents();
    private volatile long closeTimeoutNanos;

    /** Creates the layer with its configuration; unit tests call this with {@code new}. */
    @Activate
    public BindingLayer(BindingConfiguration config) {
        configure(config);
    }

    @Modified
    void configure(BindingConfiguration config) {
        long timeout = TimeUnit.MILLISECONDS.toNanos(Math.max(1, config.pnp_timeout_ms()));
        events = new EventDelivery(timeout);
        closeTimeoutNanos = timeout;
    }

    /** Closes every binding this layer still has (the engine normally asked already, N14). */
    @Deactivate
    void deactivate() {
        for (AdapterBindings owner : adaptersByName()) {
            owner.adapter().exclusive(() -> closeAll(owner, UnbindReason.BINDING_LAYER_STOPPING.name()));
        }
        adapters.clear();
        bindingEvents.shutdown();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindProtocol(ServiceReference<ProtocolDriver> reference, ProtocolDriver driver) {
        String bundle = reference.getBundle() == null ? "unknown" : reference.getBundle().getSymbolicName();
        Object property = reference.getProperty(ProtocolDriverProperties.PROTOCOL_NAME);
        boolean named = property instanceof String s && !s.isBlank();
        String name = named ? property.toString().trim() : bundle;
        if (property != null && !named) {
            LOG.warn("protocol of bundle {}: {} is not a name ({}); named after its bundle (N48)", bundle,
                    ProtocolDriverProperties.PROTOCOL_NAME, property);
        }
        long id = (Long) reference.getProperty(Constants.SERVICE_ID);
        byServiceId.put(id, register(driver, name, bundle, id));
    }

    void unbindProtocol(ServiceReference<ProtocolDriver> reference) {
        ProtocolEntry entry = byServiceId.remove((Long) reference.getProperty(Constants.SERVICE_ID));
        if (entry != null) {
            unregister(entry);
        }
    }

    /** N61: a frame observer (whiteboard); optional, any number, from now on sees every frame. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindTap(FrameTap tap) {
        taps.add(tap);
    }

    void unbindTap(FrameTap tap) {
        taps.remove(tap);
    }

    /** The frame observers, which sends call just before their hand-off to the miniport. */
    FrameTaps taps() {
        return taps;
    }

    /**
     * Adds a protocol, in registration order {@code order}, and binds it at once to every adapter that
     * is ready, with the current ActivePorts.
     */
    ProtocolEntry register(ProtocolDriver driver, String name, String bundle, long order) {
        ProtocolEntry entry = new ProtocolEntry(driver, name, bundle, order);
        synchronized (protocols) {
            protocols.add(entry);
            protocols.sort(Comparator.comparingLong(ProtocolEntry::order));
        }
        for (AdapterBindings owner : adaptersByName()) {
            owner.adapter().exclusive(() -> {
                if (adapters.get(owner.adapter()) == owner) {
                    bind(owner, entry);
                }
            });
        }
        return entry;
    }

    /** Removes a protocol and closes its bindings; nothing else changes. */
    void unregister(ProtocolEntry entry) {
        protocols.remove(entry);
        for (AdapterBindings owner : adaptersByName()) {
            owner.adapter().exclusive(() -> {
                Binding b = owner.bindingOf(entry);
                if (b != null) {
                    unbind(owner, b, EventTopics.REASON_PROTOCOL_REMOVED);
                }
            });
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindEventAdmin(EventAdmin admin) {
        bindingEvents.eventAdmin(admin);
    }

    void unbindEventAdmin(EventAdmin admin) {
        bindingEvents.removeEventAdmin(admin);
    }

    /** Handlers are tracked by reference only (never obtained), for their {@code event.topics} (N36). */
    @Reference(service = EventHandler.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, updated = "updatedEventHandler")
    void bindEventHandler(ServiceReference<EventHandler> handler) {
        bindingEvents.handler(handler, handler.getProperty(EventConstants.EVENT_TOPIC));
    }

    void updatedEventHandler(ServiceReference<EventHandler> handler) {
        bindEventHandler(handler);
    }

    void unbindEventHandler(ServiceReference<EventHandler> handler) {
        bindingEvents.removeHandler(handler);
    }

    @Override
    public void adapterReady(BindableAdapter adapter) {
        AdapterBindings owner = new AdapterBindings(adapter);
        AdapterBindings previous = adapters.put(adapter, owner);
        if (previous != null) {
            closeAll(previous, EventTopics.REASON_READY_AGAIN);
        }
        for (ProtocolEntry p : protocols) {
            bind(owner, p);
        }
    }

    @Override
    public void adapterUnavailable(BindableAdapter adapter, UnbindReason reason) {
        AdapterBindings owner = adapters.remove(adapter);
        if (owner != null) {
            LOG.debug("closing the bindings of {}: {}", adapter.name(), reason);
            closeAll(owner, reason.name());
        }
    }

    @Override
    public void portEvent(BindableAdapter adapter, NetPnPEventNotification notification) {
        AdapterBindings owner = adapters.get(adapter);
        if (owner != null) {
            events.deliver(owner, notification);
        }
    }

    @Override
    public void receive(BindableAdapter adapter, NetBufferList lists, int portNumber, int numberOfLists,
            int receiveFlags) {
        taps.observe(adapter, portNumber, FrameDirection.INBOUND, lists, numberOfLists);
        AdapterBindings owner = adapters.get(adapter);
        if (owner == null) {
            adapter.returnNetBufferLists(lists, 0);
            return;
        }
        IndicationPath.receive(owner, lists, portNumber, numberOfLists, receiveFlags);
    }

    @Override
    public void status(BindableAdapter adapter, StatusIndication indication) {
        AdapterBindings owner = adapters.get(adapter);
        if (owner != null) {
            IndicationPath.status(owner, indication);
        }
    }

    @Override
    public void sendComplete(BindableAdapter adapter, NetBufferList lists, int sendCompleteFlags) {
        Completions.sends(adapter, lists, sendCompleteFlags);
    }

    @Override
    public void oidComplete(BindableAdapter adapter, OidRequest request, NdisStatus status) {
        Completions.oid(adapter, request, status);
    }

    @Override
    public List<BindingView> bindings() {
        return BindingViews.of(adaptersByName());
    }

    /** The adapters this layer has bound, by name, so work over all of them runs in a stable order. */
    private List<AdapterBindings> adaptersByName() {
        List<AdapterBindings> all = new ArrayList<>(adapters.values());
        all.sort(Comparator.comparing(o -> o.adapter().name()));
        return all;
    }

    /**
     * Opens a binding of {@code protocol} to the adapter with its own ActivePorts chain (D17); it joins
     * the binding order only if bindAdapter returns SUCCESS.
     */
    private void bind(AdapterBindings owner, ProtocolEntry protocol) {
        if (owner.bindingOf(protocol) != null) {
            return;
        }
        NdisPort active = owner.adapter().activePorts();
        if (active == null) {
            return;
        }
        Binding b = new Binding(owner, protocol, this, owner.claimSlot());
        NdisStatus status;
        try {
            status = protocol.driver().bindAdapter(b, new BindParameters(owner.adapter().name(), active));
        } catch (Exception | Error e) {
            b.callbackThrew("bindAdapter", Violation.NO_PORT, e);
            status = NdisStatus.FAILURE;
        }
        if (status == NdisStatus.SUCCESS) {
            b.run();
            owner.add(b);
            bindingEvents.bound(owner.adapter().name(), protocol);
            return;
        }
        b.close();
        if (status == NdisStatus.PENDING) {
            b.warning("N17", Violation.NO_PORT, "bindAdapter returned PENDING; binds complete synchronously, not bound");
        } else {
            LOG.info("protocol {} declined to bind to {}: {}", protocol.name(), owner.adapter().name(), status);
        }
    }

    /** The normal unbind sequence for every binding, in binding order (D15, D34). */
    private void closeAll(AdapterBindings owner, String reason) {
        for (Binding b : owner.bindings()) {
            unbind(owner, b, reason);
        }
    }

    /**
     * The unbind sequence: no indication reaches the binding any more (paused), ProtocolUnbindAdapterEx,
     * then close, which waits (up to the PnP timeout) for the binding's sends and OIDs to complete, as
     * NdisCloseAdapterEx does. Completions that come later still reach the protocol.
     */
    private void unbind(AdapterBindings owner, Binding b, String reason) {
        owner.remove(b);
        b.detach();
        try {
            b.protocol().driver().unbindAdapter(b);
        } catch (Exception | Error e) {
            b.callbackThrew("unbindAdapter", Violation.NO_PORT, e);
        }
        b.close();
        owner.closed(b);
        bindingEvents.unbound(owner.adapter().name(), b.protocol(), reason);
        long deadline = System.nanoTime() + closeTimeoutNanos;
        while (!b.idle() && deadline - System.nanoTime() > 0) {
            LockSupport.parkNanos(100_000);
        }
        if (!b.idle()) {
            LOG.warn("binding {} closed with requests the miniport has not completed", b);
        }
    }

}
