package org.ndisport.api.capture;

/** Which way a frame crossed the binding layer. */
public enum FrameDirection {
    /** Received: indicated up by the miniport. */
    INBOUND,
    /** Sent: passed down by a protocol to the miniport, after the port check. */
    OUTBOUND
}
