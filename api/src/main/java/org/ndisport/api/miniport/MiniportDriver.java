package org.ndisport.api.miniport;

import org.ndisport.api.NdisStatus;
import org.ndisport.api.data.NetBufferList;
import org.ndisport.api.data.OidRequest;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A miniport driver: the callbacks the runtime makes (MiniportXxx). Registered as a service with the
 * properties of {@link MiniportDriverProperties}.
 *
 * <p>One driver instance serves all its adapters; each call names the adapter's handle. The runtime
 * calls {@link #initialize} and {@link #halt} at PASSIVE level (D31), never concurrently for one
 * adapter, and makes no other call to an adapter before initialize returned (spec §1.1). A callback
 * that throws is caught at the boundary, logged and recorded; an initialize that throws fails the
 * adapter.
 */
@ConsumerType
public interface MiniportDriver {
    /**
     * MiniportInitializeEx. Must call {@code handle.setMiniportAttributes} first (P0 to P1, R21); may
     * allocate and activate ports and register I/O ranges. On failure must release everything (R39, R71).
     *
     * @return SUCCESS, or a failure status that fails the adapter
     */
    NdisStatus initialize(NdisMiniportHandle handle, MiniportInitParameters parameters);

    /**
     * MiniportHaltEx: deactivate and free every port (port 0 too if controlled, R40, R41) and deregister
     * every range (R70). Called after every binding is closed (D34).
     */
    void halt(NdisMiniportHandle handle, HaltAction action);

    /**
     * MiniportSendNetBufferLists on {@code portNumber} (R77), at DISPATCH. The driver completes every list
     * exactly once with {@code handle.sendNetBufferListsComplete}. The default completes them with
     * NOT_SUPPORTED.
     */
    default void sendNetBufferLists(NdisMiniportHandle handle, NetBufferList lists, int portNumber, int sendFlags) {
        lists.setChainStatus(NdisStatus.NOT_SUPPORTED);
        handle.sendNetBufferListsComplete(lists, 0);
    }

    /**
     * MiniportOidRequest, at PASSIVE. Returns the status, or PENDING and later calls
     * {@code handle.oidRequestComplete}. The default returns NOT_SUPPORTED.
     */
    default NdisStatus oidRequest(NdisMiniportHandle handle, OidRequest request) {
        return NdisStatus.NOT_SUPPORTED;
    }

    /** MiniportReturnNetBufferLists: lists the driver indicated come back, each exactly once, at DISPATCH. */
    default void returnNetBufferLists(NdisMiniportHandle handle, NetBufferList lists, int returnFlags) {
    }
}
