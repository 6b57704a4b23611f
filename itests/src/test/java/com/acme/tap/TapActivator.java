package com.acme.tap;

import java.util.Hashtable;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.ndisport.api.binding.AdapterEventSink;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;

/** Registers the tap as an {@code AdapterEventSink} ranked above the standard binding layer. */
public final class TapActivator implements BundleActivator {
    public static final int RANKING = 100;

    @Override
    public void start(BundleContext context) {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(Constants.SERVICE_RANKING, RANKING);
        props.put("acme.log", "tap");
        context.registerService(new String[] {AdapterEventSink.class.getName(), Supplier.class.getName(), Consumer.class.getName()},
                new TapBindingLayer(), props);
    }

    @Override
    public void stop(BundleContext context) {
        // the framework unregisters the service; the engine falls back to the next binding layer
    }
}
