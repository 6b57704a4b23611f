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
 * context ({@code MiniportAdapterContext}); the runtime controls the default port, the only one used.
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
        boolean address = request.oid() == OID_802_3_PERMANENT_ADDRESS || request.oid() == OID_802_3_CURRENT_ADDRESS;
        if (!address || request.requestType() != OidRequestType.QUERY_INFORMATION) {
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
