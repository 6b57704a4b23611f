package org.ndisport.sample.ne2000;

import org.ndisport.api.NdisStatus;
import org.ndisport.api.data.NetBufferList;
import org.ndisport.api.data.OidRequest;
import org.ndisport.api.data.OidRequestType;
import org.ndisport.api.miniport.HaltAction;
import org.ndisport.api.miniport.MiniportAttributes;
import org.ndisport.api.miniport.MiniportDriver;
import org.ndisport.api.miniport.MiniportInitParameters;
import org.ndisport.api.miniport.NdisMiniportHandle;
import org.osgi.service.component.annotations.Component;

/**
 * A miniport driver for NE2000-compatible cards, written from the DP8390 data sheet against the
 * ndisport API only, as a third party would. The adapter's state is its registration-attributes
 * context ({@code MiniportAdapterContext}); the runtime controls the default port, which carries
 * untagged frames.
 *
 * <p>Beyond the default port, each adapter can carry IEEE 802.1Q VLANs as NDIS ports, created and
 * deleted with {@link #OID_SAMPLE_CREATE_VLAN_PORT} and {@link #OID_SAMPLE_DELETE_VLAN_PORT}: a send on a
 * VLAN port goes out tagged with its VLAN id (priority 0), and a received frame tagged with the VLAN id
 * of an activated VLAN port is indicated on that port with the tag removed; a tagged frame for no such
 * port is dropped. Port events are raised on a daemon thread of the adapter ({@code ne2000-ports-NAME}),
 * never inside MiniportOidRequest nor while an OID is pended (R57); halt deactivates and frees every
 * VLAN port (R40), also on a surprise removal.
 */
@Component(service = MiniportDriver.class, property = {
    "ndisport.driver.name=" + Ne2000Miniport.DRIVER_NAME,
    "ndisport.hardware.ids=ne2000",
    "ndisport.hardware.ids=PCI\\VEN_10EC&DEV_8029" })
public final class Ne2000Miniport implements MiniportDriver {
    /** The driver's name. */
    public static final String DRIVER_NAME = "ne2000";
    /** OID_802_3_PERMANENT_ADDRESS: the station address in the PROM. */
    public static final int OID_802_3_PERMANENT_ADDRESS = 0x01010101;
    /** OID_802_3_CURRENT_ADDRESS: the station address in use. */
    public static final int OID_802_3_CURRENT_ADDRESS = 0x01010102;
    /**
     * Vendor OID: creates a VLAN port. A set ({@code SET_INFORMATION}) on port 0; the information buffer
     * is the VLAN id, an {@code Integer} 1..4094, with an information buffer length of at least 4.
     *
     * <p>Answered at once: NOT_SUPPORTED for a query, a method or a request on another port;
     * BUFFER_TOO_SHORT (BytesNeeded 4) for a length below 4; INVALID_DATA when the buffer is not an
     * {@code Integer}, the id is outside 1..4094, or the id is already used on this adapter (also while
     * its port is being created or deleted). Otherwise the driver returns PENDING and, on its port thread,
     * allocates the port (type Undefined, default authentication settings) and completes the request
     * with {@code oidRequestComplete}: SUCCESS with the new port number written back as the information
     * buffer (an {@code Integer}, BytesRead and BytesWritten 4), or the allocation's failure status
     * (CLOSING once a halt began). Only after that completion does it activate the port: R57 forbids
     * NdisMNetPnPEvent while an OID is pended, so SUCCESS means "allocated", and the port-activation event
     * that follows announces the port as usable; if that activation fails, the port is freed and no event
     * arrives. A request that arrives while the port thread is raising a port event is answered at once
     * (SUCCESS or the failure above) instead of PENDING, for the same reason.
     */
    public static final int OID_SAMPLE_CREATE_VLAN_PORT = 0xFF010001;
    /**
     * Vendor OID: deletes a VLAN port. A set on port 0; the information buffer is the port number, an
     * {@code Integer}, with an information buffer length of at least 4.
     *
     * <p>Answered at once as for {@link #OID_SAMPLE_CREATE_VLAN_PORT} for the request type, port and
     * length; INVALID_DATA when the buffer is not an {@code Integer} or names no VLAN port of this adapter
     * (port 0 included), or one already being deleted; INVALID_PORT is not used, as the runtime would
     * read it as the driver refusing the active port 0 the request came on (R17). Otherwise frames
     * tagged for the VLAN stop being indicated at once, the driver returns PENDING and completes the
     * request on its port thread with SUCCESS (CLOSING once a halt began, which deletes the port anyway),
     * or answers SUCCESS at once while that thread is raising a port event (R57, as above); only then does
     * it raise the port-deactivation event and free the port, after which the VLAN id can be used again.
     */
    public static final int OID_SAMPLE_DELETE_VLAN_PORT = 0xFF010002;

    @Override
    public NdisStatus initialize(NdisMiniportHandle handle, MiniportInitParameters parameters) {
        Ne2000Adapter adapter = new Ne2000Adapter(handle);
        MiniportAttributes plain = MiniportAttributes.registration();
        NdisStatus status = handle.setMiniportAttributes(new MiniportAttributes(plain.header(), 0, adapter));
        return status != NdisStatus.SUCCESS ? status : adapter.initialize(parameters);
    }

    @Override
    public void halt(NdisMiniportHandle handle, HaltAction action) {
        adapter(handle).halt(action);
    }

    @Override
    public void sendNetBufferLists(NdisMiniportHandle handle, NetBufferList lists, int portNumber, int sendFlags) {
        adapter(handle).send(lists, portNumber);
    }

    @Override
    public void returnNetBufferLists(NdisMiniportHandle handle, NetBufferList lists, int returnFlags) {
        adapter(handle).returned(lists);
    }

    @Override
    public NdisStatus oidRequest(NdisMiniportHandle handle, OidRequest request) {
        return switch (request.oid()) {
            case OID_SAMPLE_CREATE_VLAN_PORT -> adapter(handle).vlans().create(request);
            case OID_SAMPLE_DELETE_VLAN_PORT -> adapter(handle).vlans().delete(request);
            case OID_802_3_PERMANENT_ADDRESS, OID_802_3_CURRENT_ADDRESS -> queryAddress(handle, request);
            default -> NdisStatus.NOT_SUPPORTED;
        };
    }

    private static NdisStatus queryAddress(NdisMiniportHandle handle, OidRequest request) {
        if (request.requestType() != OidRequestType.QUERY_INFORMATION) {
            return NdisStatus.NOT_SUPPORTED;
        }
        if (request.informationBufferLength() < 6) {
            request.bytesNeeded(6);
            return NdisStatus.BUFFER_TOO_SHORT;
        }
        request.informationBuffer(adapter(handle).mac());
        request.bytesWritten(6);
        return NdisStatus.SUCCESS;
    }

    private static Ne2000Adapter adapter(NdisMiniportHandle handle) {
        return (Ne2000Adapter) handle.context();
    }
}
