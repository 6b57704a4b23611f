package org.ndisport.core.adapter.internal;

import java.util.Objects;
import org.ndisport.api.Irql;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.pnp.NetPnPEvent;
import org.ndisport.api.pnp.NetPnPEventCode;
import org.ndisport.api.pnp.NetPnPEventNotification;
import org.ndisport.api.runtime.AdapterPhase;
import org.ndisport.core.pnp.internal.PortEventParser;

/** NdisMNetPnPEvent: the common checks C0-C4 of spec §2.3, then activation or deactivation. */
final class PortEventOperations {
    private final Adapter adapter;
    private final PortTransitions transitions;

    PortEventOperations(Adapter adapter, BindingNotifier notifier) {
        this.adapter = adapter;
        this.transitions = new PortTransitions(adapter, notifier);
    }

    NdisStatus netPnPEvent(NetPnPEventNotification notification) {
        Objects.requireNonNull(notification, "notification");
        NetPnPEvent event = notification.netPnPEvent();
        checkCallContext();
        AdapterPhase phase = adapter.phase();
        if (phase == AdapterPhase.P0_INIT_PRE_REG) {
            adapter.violation("R75", "NdisMNetPnPEvent before registration attributes were set");
            return NdisStatus.FAILURE;
        }
        if (phase == AdapterPhase.P4_HALTED) {
            adapter.violation("R75", "NdisMNetPnPEvent on a halted adapter (stale handle)");
            return NdisStatus.CLOSING;
        }
        int code = event.netEvent();
        if (code != NetPnPEventCode.PORT_ACTIVATION.code() && code != NetPnPEventCode.PORT_DEACTIVATION.code()) {
            boolean reserved = NetPnPEventCode.fromCode(code).map(NetPnPEventCode::isReservedToIntermediateDrivers)
                    .orElse(false);
            if (reserved && !adapter.spec().intermediate()) {
                adapter.violation("R23", "event code " + code + " is reserved to intermediate drivers");
            }
            return NdisStatus.NOT_SUPPORTED;
        }
        if (notification.portNumber() != 0 || event.hasReservedMembersSet()) {
            adapter.warning("D11", "port event with notification PortNumber "
                    + Integer.toUnsignedString(notification.portNumber()) + " or reserved members set");
        }
        return code == NetPnPEventCode.PORT_ACTIVATION.code()
                ? transitions.activate(PortEventParser.activation(event))
                : transitions.deactivate(PortEventParser.deactivation(event));
    }

    /** Row C0: IRQL above PASSIVE records R56; inside or with a pended OID records R57 (D31). */
    private void checkCallContext() {
        Irql irql = adapter.context().calls().irql();
        if (irql != Irql.PASSIVE_LEVEL) {
            adapter.violation("R56", "NdisMNetPnPEvent at " + irql);
        }
        if (adapter.context().calls().inOidRequest()) {
            adapter.violation("R57", "NdisMNetPnPEvent inside MiniportOidRequest");
        } else if (adapter.pendedOids().get() > 0) {
            adapter.violation("R57", "NdisMNetPnPEvent while a pended OID is open");
        }
    }
}
