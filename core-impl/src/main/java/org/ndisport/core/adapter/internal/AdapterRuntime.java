package org.ndisport.core.adapter.internal;

import java.util.Objects;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.binding.AdapterEventSink;
import org.ndisport.api.binding.UnbindReason;
import org.ndisport.api.miniport.HaltAction;
import org.ndisport.api.miniport.NdisMiniportHandle;
import org.ndisport.api.runtime.AdapterControl;
import org.ndisport.api.runtime.AdapterSpec;
import org.ndisport.api.runtime.AdapterView;

/** One adapter wired up: state, handle, binding notifier and lifecycle. */
public final class AdapterRuntime implements AdapterControl {
    private final Adapter adapter;
    private final BindingNotifier notifier;
    private final Lifecycle lifecycle;
    private final NdisMiniportHandle handle;

    /** Wires a new adapter of the given spec into the engine's context. */
    public AdapterRuntime(AdapterSpec spec, EngineContext context) {
        this.adapter = new Adapter(Objects.requireNonNull(spec, "spec"), Objects.requireNonNull(context, "context"));
        DriverCalls driver = new DriverCalls(adapter);
        Requests requests = new Requests(adapter, driver);
        adapter.bindable(new Bindable(adapter, requests, driver));
        this.notifier = new BindingNotifier(adapter, adapter.bindable());
        PortOperations ports = new PortOperations(adapter);
        InterruptOperations interrupt = new InterruptOperations(adapter, driver);
        IoOperations io = new IoOperations(adapter);
        this.handle = new MiniportHandle(adapter, ports, new PortEventOperations(adapter, notifier),
                new Indications(adapter, driver), requests, io, interrupt);
        driver.handle(handle);
        this.lifecycle = new Lifecycle(adapter, driver, ports, notifier, interrupt, io);
    }

    @Override
    public String name() {
        return adapter.name();
    }

    @Override
    public NdisStatus initialize() {
        return lifecycle.initialize();
    }

    @Override
    public void halt(HaltAction action) {
        lifecycle.halt(Objects.requireNonNull(action, "action"));
    }

    @Override
    public AdapterView view() {
        return adapter.view();
    }

    /** The adapter's state, for tests in this package. */
    Adapter adapter() {
        return adapter;
    }

    /** The handle the driver is given (for tests acting as the driver's worker thread). */
    public NdisMiniportHandle handle() {
        return handle;
    }

    /** A (new) binding layer appeared: announce the adapter to it, from the engine's thread, if ready. */
    public void sinkAdded() {
        notifier.announceLater();
    }

    /** {@code sink} is being removed or replaced: close its bindings of this adapter first. */
    public void sinkLeaving(AdapterEventSink sink) {
        notifier.unannounce(UnbindReason.BINDING_LAYER_STOPPING, sink);
    }
}
