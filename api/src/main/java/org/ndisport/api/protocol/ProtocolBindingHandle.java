package org.ndisport.api.protocol;

import org.ndisport.api.NdisStatus;
import org.ndisport.api.data.NetBufferList;
import org.ndisport.api.data.OidRequest;
import org.ndisport.api.pnp.NetPnPEventNotification;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One open binding between a protocol and an adapter, as the protocol calls the runtime (NdisXxx).
 * Thread safe. After unbind the handle is closed: sends complete with CLOSING and OIDs return CLOSING.
 */
@ProviderType
public interface ProtocolBindingHandle {
    /** The adapter bound to. */
    String adapterName();

    /**
     * NdisSendNetBufferLists to {@code portNumber} (R45, R77). Each list completes exactly once through
     * {@link ProtocolDriver#sendNetBufferListsComplete}; a send to a port not open to this binding
     * completes with INVALID_PORT and records a violation (spec §2.5).
     */
    void sendNetBufferLists(NetBufferList lists, int portNumber, int sendFlags);

    /**
     * NdisOidRequest for {@code request.portNumber()} (R49). Returns the status, or PENDING and later
     * {@link ProtocolDriver#oidRequestComplete}. OID_GEN_ENUMERATE_PORTS and OID_GEN_PORT_STATE are
     * answered by the runtime (D23).
     */
    NdisStatus oidRequest(OidRequest request);

    /** NdisReturnNetBufferLists: gives back lists received in {@code receiveNetBufferLists}. */
    void returnNetBufferLists(NetBufferList lists, int returnFlags);

    /** NdisCompleteNetPnPEvent for a port event the protocol pended (P-4). */
    void completeNetPnPEvent(NetPnPEventNotification notification, NdisStatus status);
}
