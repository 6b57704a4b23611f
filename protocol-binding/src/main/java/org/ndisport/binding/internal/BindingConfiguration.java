package org.ndisport.binding.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the binding layer, PID {@value #PID}. */
@ObjectClassDefinition(name = "ndisport protocol binding",
        description = "Binds protocol drivers to adapters and delivers port events to them.")
public @interface BindingConfiguration {
    /** The configuration PID. */
    String PID = "org.ndisport.binding";

    /**
     * How long a port event waits for a protocol that returned PENDING before it records P-4 and goes
     * on to the next binding (D22).
     */
    @AttributeDefinition(name = "PnP timeout (ms)", min = "1",
            description = "How long a port event waits for a protocol that returned PENDING (D22)")
    long pnp_timeout_ms() default 30_000L;
}
