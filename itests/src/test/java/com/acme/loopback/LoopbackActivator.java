package com.acme.loopback;

import java.util.Hashtable;
import java.util.function.Supplier;
import org.ndisport.api.miniport.MiniportDriver;
import org.ndisport.api.miniport.MiniportDriverProperties;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** Registers the loopback miniport as a {@code MiniportDriver} service, without Declarative Services. */
public final class LoopbackActivator implements BundleActivator {
    @Override
    public void start(BundleContext context) {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(MiniportDriverProperties.DRIVER_NAME, LoopbackMiniport.DRIVER_NAME);
        props.put("acme.log", "loopback");
        context.registerService(new String[] {MiniportDriver.class.getName(), Supplier.class.getName()},
                new LoopbackMiniport(), props);
    }

    @Override
    public void stop(BundleContext context) {
        // the framework unregisters the service; the runtime halts the adapters
    }
}
