package org.ndisport.core.internal;

import java.util.List;
import java.util.Map;
import org.ndisport.api.miniport.HaltAction;
import org.ndisport.api.miniport.MiniportDriver;
import org.ndisport.api.miniport.MiniportDriverProperties;
import org.ndisport.api.port.AuthStates;
import org.ndisport.api.runtime.AdapterSpec;
import org.ndisport.api.runtime.NdisRuntime;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * One virtual adapter per factory configuration: created when its driver and the engine are present
 * and initialized on the component's own thread (so a slow MiniportInitializeEx never holds up SCR or
 * ConfigAdmin), halted when either goes away or the configuration is deleted.
 */
@Component(service = {}, configurationPid = VirtualAdapterConfiguration.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = VirtualAdapterConfiguration.class, factory = true)
public final class VirtualAdapter {
    private final AdapterInstance instance;

    /** Creates and initializes the adapter. */
    @Activate
    public VirtualAdapter(@Reference NdisRuntime runtime,
            @Reference(name = "driver") Map.Entry<Map<String, Object>, MiniportDriver> driver,
            VirtualAdapterConfiguration config, BundleContext context) {
        Map<String, Object> props = driver.getKey();
        AuthStates auth = new AuthStates(config.default_send_control_state(), config.default_rcv_control_state(),
                config.default_send_authorization_state(), config.default_rcv_authorization_state());
        String driverName = String.valueOf(props.getOrDefault(MiniportDriverProperties.DRIVER_NAME, "unnamed"));
        boolean intermediate = Boolean.parseBoolean(String.valueOf(
                props.getOrDefault(MiniportDriverProperties.INTERMEDIATE, "false")));
        AdapterSpec spec = new AdapterSpec(config.name(), driver.getValue(), driverName, bundleOf(context, props),
                auth, List.of(), -1, intermediate);
        instance = new AdapterInstance(runtime, spec);
    }

    /** Halts the adapter (waiting for an initialize under way), then stops the thread. */
    @Deactivate
    void deactivate() {
        instance.halt(HaltAction.DEVICE_DISABLED);
    }

    private static String bundleOf(BundleContext context, Map<String, Object> props) {
        Object id = props.get(Constants.SERVICE_BUNDLEID);
        Bundle b = id instanceof Long l ? context.getBundle(l) : null;
        return b == null ? "unknown" : b.getSymbolicName();
    }
}
