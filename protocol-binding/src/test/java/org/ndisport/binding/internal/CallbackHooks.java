package org.ndisport.binding.internal;

import java.util.List;
import org.ndisport.api.pnp.NetPnPEventNotification;
import org.ndisport.api.port.PortCharacteristics;
import org.ndisport.api.protocol.ProtocolBindingHandle;
import org.ndisport.binding.internal.ModelOps.EventSpec;
import org.ndisport.binding.internal.ModelOps.Hook;
import org.ndisport.binding.internal.PortModelWorld.Slot;

/**
 * What runs inside the protocols' callbacks during a step: the D32 and §1.2 checks at each port-event
 * callback, the step's hooks, and the allocation probing a scheduled halt from the first unbind.
 */
final class CallbackHooks implements ModelProtocol.EventHook {
    private final PortModelWorld w;
    List<Hook> hooks = List.of();
    String haltScheduledProbe;
    private Expected current;
    private int callbackIndex;
    private boolean inHook;

    CallbackHooks(PortModelWorld w) {
        this.w = w;
    }

    void start(Expected e) {
        current = e;
        callbackIndex = 0;
    }

    void end() {
        current = null;
        hooks = List.of();
        haltScheduledProbe = null;
    }

    @Override
    public void onPortEvent(ModelProtocol protocol, ProtocolBindingHandle binding, NetPnPEventNotification n) {
        Slot s = w.slots.get(binding.adapterName());
        if (current == null || callbackIndex >= current.callbacks.size()) {
            w.problems.add("unexpected port event to " + protocol.name);
        } else {
            w.check.inCallback(current.callbacks.get(callbackIndex++), protocol.name, s, binding.adapterName());
        }
        if (inHook) {
            return;
        }
        inHook = true;
        try {
            for (Hook h : hooks) {
                if (h.at().equals(protocol.name)) {
                    runHook(s, binding.adapterName(), h, n);
                }
            }
        } finally {
            inHook = false;
        }
    }

    private void runHook(Slot s, String adapter, Hook h, NetPnPEventNotification n) {
        switch (h.kind()) {
            case SEND -> {
                ModelProtocol sender = w.protocols.get(h.sender());
                sender.send(sender.handles.get(adapter), h.port());
            }
            case FREE -> w.nestedActual.add(s.handle().freePort(h.port()));
            case REPEAT -> w.nestedActual.add(s.handle().netPnPEvent(
                    EventSpec.wellFormed(n.netPnPEvent().netEvent(), List.of(h.port())).toApi()));
            case RECEIVE -> w.indicate(s, h.port());
            case STATUS -> w.ioActual.add(PortModelWorld.guarded(() -> {
                s.handle().indicateStatus(new StatusSpec(h.port(), true, StatusSpec.StatusBuffer.PORT_STATE).toApi());
                return "done";
            }));
            case ALLOCATE -> w.nestedActual.add(s.handle().allocatePort(PortCharacteristics.forAllocation()).status());
        }
    }

    @Override
    public void onUnbind(ModelProtocol protocol, ProtocolBindingHandle binding) {
        if (!binding.adapterName().equals(haltScheduledProbe)) {
            return;
        }
        haltScheduledProbe = null;
        Slot s = w.slots.get(binding.adapterName());
        if (!s.runtime.view().haltScheduled()) {
            w.problems.add("halt not shown as scheduled during the unbind before MiniportHaltEx");
        }
        w.nestedActual.add(s.handle().allocatePort(PortCharacteristics.forAllocation()).status());
    }
}
