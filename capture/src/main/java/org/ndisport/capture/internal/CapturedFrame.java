package org.ndisport.capture.internal;

import org.ndisport.api.capture.FrameDirection;

/** A copy of one frame waiting for the capture's writer thread. */
record CapturedFrame(String adapter, int port, FrameDirection direction, byte[] bytes, long timestampNanos) {

    /** The pcapng interface name of the frame's (adapter, port): {@code nicA/port1}. */
    String interfaceName() {
        return interfaceName(adapter, port);
    }

    static String interfaceName(String adapter, int port) {
        return adapter + "/port" + Integer.toUnsignedString(port);
    }
}
