package org.ndisport.core.internal;

import org.ndisport.api.port.PortAuthorizationState;
import org.ndisport.api.port.PortControlState;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** One virtual adapter (factory PID {@code org.ndisport.core.adapter}): a name and the driver to run it. */
@ObjectClassDefinition(name = "ndisport virtual adapter",
        description = "A virtual miniport adapter (no hardware) driven by a MiniportDriver service.")
public @interface VirtualAdapterConfiguration {
    /** The factory PID. */
    String FACTORY_PID = "org.ndisport.core.adapter";

    @AttributeDefinition(name = "Adapter name", description = "Unique adapter name.")
    String name();

    @AttributeDefinition(name = "Driver filter",
            description = "LDAP filter selecting the MiniportDriver service, e.g. (ndisport.driver.name=loopback).")
    String driver_target() default "(ndisport.driver.name=*)";

    @AttributeDefinition(name = "Default send control state", description = "Spec §1.3 default auth states.")
    PortControlState default_send_control_state() default PortControlState.UNCONTROLLED;

    @AttributeDefinition(name = "Default receive control state", description = "Spec §1.3 default auth states.")
    PortControlState default_rcv_control_state() default PortControlState.UNCONTROLLED;

    @AttributeDefinition(name = "Default send authorization state", description = "Spec §1.3 default auth states.")
    PortAuthorizationState default_send_authorization_state() default PortAuthorizationState.UNKNOWN;

    @AttributeDefinition(name = "Default receive authorization state", description = "Spec §1.3 default auth states.")
    PortAuthorizationState default_rcv_authorization_state() default PortAuthorizationState.UNKNOWN;
}
