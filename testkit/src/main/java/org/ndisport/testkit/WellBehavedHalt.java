package org.ndisport.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.ndisport.api.PortNumbers;
import org.ndisport.api.io.IoClaim;
import org.ndisport.api.miniport.HaltAction;
import org.ndisport.api.miniport.NdisMiniportHandle;
import org.ndisport.api.pnp.NetPnPEventNotification;
import org.ndisport.api.runtime.AdapterControl;
import org.ndisport.api.runtime.AdapterView;
import org.ndisport.api.runtime.PortState;
import org.ndisport.api.runtime.PortView;

/**
 * MiniportHaltEx as a well-behaved driver writes it (spec R40, R41, R70): deactivate the active ports
 * (port 0 too if the driver controls it), free every port, deregister every I/O range. For
 * {@link ScriptedMiniport#onHalt}.
 */
public final class WellBehavedHalt {
    private WellBehavedHalt() {
    }

    /**
     * A halt that reads the adapter's ports from {@code control} and its ranges from {@code claims}
     * (the I/O space's claims; those of other adapters are ignored).
     */
    public static BiConsumer<NdisMiniportHandle, HaltAction> of(AdapterControl control, Supplier<List<IoClaim>> claims) {
        return (handle, action) -> {
            AdapterView view = control.view();
            List<Integer> active = new ArrayList<>();
            List<Integer> all = new ArrayList<>();
            boolean portZeroActive = false;
            for (PortView p : view.ports()) {
                boolean activated = p.state().formal() == PortState.ACTIVATED;
                if (p.portNumber() == PortNumbers.DEFAULT_PORT_NUMBER) {
                    portZeroActive = activated;
                } else {
                    all.add(p.portNumber());
                    if (activated) {
                        active.add(p.portNumber());
                    }
                }
            }
            if (!active.isEmpty()) {
                handle.netPnPEvent(NetPnPEventNotification.portDeactivation(active.stream().mapToInt(i -> i).toArray()));
            }
            if (view.controlsDefaultPort() && portZeroActive) {
                handle.netPnPEvent(NetPnPEventNotification.portDeactivation(PortNumbers.DEFAULT_PORT_NUMBER));
            }
            all.forEach(handle::freePort);
            for (IoClaim c : claims.get()) {
                if (c.adapter().equals(view.name())) {
                    handle.deregisterIoPortRange(c.range().base(), c.range().count(), c.range().base());
                }
            }
        };
    }
}
