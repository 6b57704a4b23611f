package org.ndisport.capture.internal;

import org.ndisport.api.capture.FrameTap;

/** Makes a tap visible to the binding layer (an OSGi service registration) until the returned handle is closed. */
@FunctionalInterface
public interface TapPublisher {

    /** A registration that withdraws the tap when closed. */
    interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    Registration publish(FrameTap tap);
}
