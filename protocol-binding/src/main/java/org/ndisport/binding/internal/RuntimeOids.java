package org.ndisport.binding.internal;

import java.util.ArrayList;
import java.util.List;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.data.OidRequest;
import org.ndisport.api.data.OidRequestType;
import org.ndisport.api.port.NdisPortArray;
import org.ndisport.api.port.NdisPortState;
import org.ndisport.api.port.PortCharacteristics;
import org.ndisport.api.runtime.AdapterView;
import org.ndisport.api.runtime.PortView;

/**
 * OID_GEN_ENUMERATE_PORTS and OID_GEN_PORT_STATE, answered here and never passed to the miniport
 * (R52, D23), from the cached port state (D20) and the ports open to the asking binding (spec §6.1,
 * §6.2, D17-D19).
 */
final class RuntimeOids {
    private RuntimeOids() {
    }

    /** §6.1: every port open to the binding, port 0 included, ascending; BUFFER_TOO_SHORT with BytesNeeded. */
    static NdisStatus enumeratePorts(Binding binding, OidRequest request) {
        if (request.requestType() != OidRequestType.QUERY_INFORMATION) {
            return NdisStatus.NOT_SUPPORTED;
        }
        AdapterView view = binding.owner().adapter().view();
        List<PortCharacteristics> open = new ArrayList<>();
        for (PortView p : view.ports()) {
            if (binding.owner().access(binding, p.portNumber(), p.state()) == PortAccess.OPEN) {
                open.add(p.characteristics());
            }
        }
        long needed = NdisPortArray.bytesNeeded(open.size());
        if (Integer.toUnsignedLong(request.informationBufferLength()) < needed) {
            request.bytesNeeded((int) needed);
            return NdisStatus.BUFFER_TOO_SHORT;
        }
        request.informationBuffer(NdisPortArray.of(open));
        request.bytesWritten((int) needed);
        return NdisStatus.SUCCESS;
    }

    /**
     * §6.2: the NDIS_PORT_STATE of a port open to the binding; otherwise INVALID_PORT with the record of
     * §2.5 (D19); BUFFER_TOO_SHORT below 48 bytes (D18).
     */
    static NdisStatus portState(Binding binding, OidRequest request, PortAccess access) {
        if (request.requestType() != OidRequestType.QUERY_INFORMATION) {
            return NdisStatus.NOT_SUPPORTED;
        }
        int port = request.portNumber();
        PortView view = binding.owner().adapter().port(port);
        if (access != PortAccess.OPEN || view == null) {
            binding.violation(access == PortAccess.OPEN ? PortAccess.INACTIVE.rule() : access.rule(), port,
                    "OID_GEN_PORT_STATE for a port not open to this binding");
            return NdisStatus.INVALID_PORT;
        }
        if (Integer.toUnsignedLong(request.informationBufferLength()) < NdisPortState.SIZE) {
            request.bytesNeeded(NdisPortState.SIZE);
            return NdisStatus.BUFFER_TOO_SHORT;
        }
        request.informationBuffer(NdisPortState.of(view.linkState(), view.authStates()));
        request.bytesWritten(NdisPortState.SIZE);
        return NdisStatus.SUCCESS;
    }
}
