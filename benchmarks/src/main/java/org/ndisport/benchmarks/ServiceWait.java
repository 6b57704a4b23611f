package org.ndisport.benchmarks;

import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Blocks until services named by class name are registered and obtains each (which activates a delayed
 * DS component), without spinning: benchmarks share few CPUs with the framework threads they wait on.
 */
final class ServiceWait {
    private ServiceWait() {
    }

    /** Waits for, and gets, one service of each named class; fails after {@link Container#WAIT_MILLIS}. */
    static Object[] await(BundleContext context, String... classNames) {
        Object[] services = new Object[classNames.length];
        for (int i = 0; i < classNames.length; i++) {
            services[i] = await(context, classNames[i]);
        }
        return services;
    }

    private static Object await(BundleContext context, String className) {
        ServiceTracker<Object, Object> tracker = new ServiceTracker<>(context, className, null);
        tracker.open(true); // all services: the system bundle cannot see internal classes such as ioport's Segments
        try {
            Object service = tracker.waitForService(Container.WAIT_MILLIS);
            if (service == null) {
                throw new IllegalStateException("no " + className + " service");
            }
            return service;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            // getService has activated a delayed component; ndisport's stay active through their immediate users
            tracker.close();
        }
    }
}
