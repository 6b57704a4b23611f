package org.ndisport.api.port;

import java.util.Objects;

/**
 * The four authentication fields a port carries: control and authorization state per direction.
 * Used for a port's cache, for the adapter's default auth states and inside the structures of §1.5.
 *
 * @param sendControlState       send direction control state
 * @param rcvControlState        receive direction control state
 * @param sendAuthorizationState send direction authorization state
 * @param rcvAuthorizationState  receive direction authorization state (pairs with rcvControlState, E4)
 */
public record AuthStates(PortControlState sendControlState, PortControlState rcvControlState,
        PortAuthorizationState sendAuthorizationState, PortAuthorizationState rcvAuthorizationState) {

    /** The defaults when an adapter configures none (spec §1.3): Uncontrolled, Unknown. */
    public static final AuthStates UNCONTROLLED_UNKNOWN = new AuthStates(PortControlState.UNCONTROLLED,
            PortControlState.UNCONTROLLED, PortAuthorizationState.UNKNOWN, PortAuthorizationState.UNKNOWN);

    /** Null fields are not allowed. */
    public AuthStates {
        Objects.requireNonNull(sendControlState, "sendControlState");
        Objects.requireNonNull(rcvControlState, "rcvControlState");
        Objects.requireNonNull(sendAuthorizationState, "sendAuthorizationState");
        Objects.requireNonNull(rcvAuthorizationState, "rcvAuthorizationState");
    }
}
