package org.ndisport.api.runtime;

import org.ndisport.api.port.AuthStates;
import org.ndisport.api.port.LinkState;
import org.ndisport.api.port.PortCharacteristics;

/**
 * A snapshot of one port (spec §1.2).
 *
 * @param portNumber            the number
 * @param state                 state with the transition flag (D32)
 * @param type                  the raw NDIS_PORT_TYPE given at allocation (0 for port 0)
 * @param flags                 the flags given at allocation (0 for port 0)
 * @param linkState             cached link state (D20)
 * @param authStates            cached auth state (D20)
 * @param lastActivationFailed  the latest activation listing the port failed (§2.5)
 * @param droppedIndications    receive and status indications on this port dropped so far (§2.5, D21)
 * @param framesSent            lists passed down to the miniport's send handler on this port so far
 * @param framesReceived        lists indicated on this port and delivered to the binding layer so far
 */
public record PortView(int portNumber, PortState state, int type, int flags, LinkState linkState,
        AuthStates authStates, boolean lastActivationFailed, long droppedIndications, long framesSent,
        long framesReceived) {

    /**
     * The port as an NDIS_PORT_CHARACTERISTICS element (header 0x80/1/60): type and flags as allocated,
     * link and auth state from the cache (D20), as ActivePorts and OID_GEN_ENUMERATE_PORTS list it (§6.1).
     */
    public PortCharacteristics characteristics() {
        return PortCharacteristics.forPort(portNumber).type(type).flags(flags).linkState(linkState)
                .authStates(authStates);
    }
}
