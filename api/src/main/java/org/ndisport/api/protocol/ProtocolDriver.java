package org.ndisport.api.protocol;

import org.ndisport.api.NdisStatus;
import org.ndisport.api.data.NetBufferList;
import org.ndisport.api.data.OidRequest;
import org.ndisport.api.data.StatusIndication;
import org.ndisport.api.pnp.NetPnPEventNotification;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A protocol driver: the callbacks the runtime makes (ProtocolXxx). Registered as a service; bound to
 * every adapter whose port 0 is active (spec §4.1, R22, O-2).
 *
 * <p>Binds, unbinds and port events for one adapter arrive one at a time (R76) at PASSIVE level.
 * Receives and status arrive at DISPATCH and may run concurrently with each other. A callback that
 * throws is caught, logged and recorded; it never changes a miniport's result (O-6).
 */
@ConsumerType
public interface ProtocolDriver {
    /** ProtocolBindAdapterEx: {@code parameters.activePorts()} lists every active port (D17). */
    NdisStatus bindAdapter(ProtocolBindingHandle binding, BindParameters parameters);

    /** ProtocolUnbindAdapterEx: the binding closes when this returns (D15, D34). */
    void unbindAdapter(ProtocolBindingHandle binding);

    /**
     * ProtocolNetPnPEvent: port activation and deactivation (spec §4.1). Returns SUCCESS (P-3), or
     * PENDING and later calls {@code binding.completeNetPnPEvent} with the same notification (P-4).
     * Before returning from a deactivation, every send and OID for the listed ports has completed (P-2).
     */
    NdisStatus netPnPEvent(ProtocolBindingHandle binding, NetPnPEventNotification notification);

    /**
     * ProtocolReceiveNetBufferLists from {@code portNumber} (R77); return each list with
     * {@code returnNetBufferLists}, exactly once. Every binding of the adapter receives the same lists,
     * as in NDIS: do not relink them; return the whole chain as received, in one call.
     */
    default void receiveNetBufferLists(ProtocolBindingHandle binding, NetBufferList lists, int portNumber,
            int numberOfLists, int receiveFlags) {
        binding.returnNetBufferLists(lists, 0);
    }

    /** ProtocolStatusEx; the indication's PortNumber names the source port (R48). */
    default void status(ProtocolBindingHandle binding, StatusIndication indication) {
    }

    /** ProtocolSendNetBufferListsComplete: each sent list comes back exactly once with its status. */
    default void sendNetBufferListsComplete(ProtocolBindingHandle binding, NetBufferList lists, int flags) {
    }

    /** ProtocolOidRequestComplete for a request {@code oidRequest} returned PENDING for. */
    default void oidRequestComplete(ProtocolBindingHandle binding, OidRequest request, NdisStatus status) {
    }
}
