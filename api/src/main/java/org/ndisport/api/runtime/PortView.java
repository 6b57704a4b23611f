package org.ndisport.api.runtime;

import org.ndisport.api.port.AuthStates;
import org.ndisport.api.port.LinkState;

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
 */
public record PortView(int portNumber, PortState state, int type, int flags, LinkState linkState,
        AuthStates authStates, boolean lastActivationFailed, long droppedIndications) {
}
