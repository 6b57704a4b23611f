package com.acme.intruder;

import org.ndisport.core.internal.NdisEngine;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * A bundle that reaches into the engine's implementation package. ndisport exports nothing but its
 * API, so this bundle must never resolve.
 */
public final class EngineIntruder implements BundleActivator {
    @Override
    public void start(BundleContext context) {
        System.out.println("resolved against " + NdisEngine.class);
    }

    @Override
    public void stop(BundleContext context) {
    }
}
