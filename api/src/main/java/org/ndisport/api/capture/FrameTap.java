package org.ndisport.api.capture;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * An observer of the data path (N61), registered as an OSGi service (whiteboard). The binding layer calls
 * {@link #frame} once per NET_BUFFER_LIST of every receive indication (before any protocol sees it) and of
 * every send that passed the port check (just before it goes to the miniport). With no tap registered the
 * data path pays one volatile read.
 *
 * <p>Threading and contract: called on the data path's thread, possibly on many threads at once, so an
 * implementation must be thread-safe, must return quickly and must never block (queue the work and drop
 * when full). The bytes are lent for the duration of the call only: copy what is kept, never modify them.
 * What a tap throws is caught, logged once per tap and otherwise ignored: it never changes the data path.
 */
@ConsumerType
public interface FrameTap {

    /**
     * One frame.
     *
     * @param adapter the adapter's name, never null
     * @param portNumber the NDIS port number the frame was sent or indicated on (unsigned)
     * @param direction inbound (received) or outbound (sent), never null
     * @param data the array holding the frame, lent for this call only
     * @param offset where the frame starts in {@code data}
     * @param length the frame length in bytes
     * @param timestampNanos when the layer saw the frame, in nanoseconds since 1970-01-01T00:00Z
     */
    void frame(String adapter, int portNumber, FrameDirection direction, byte[] data, int offset, int length,
            long timestampNanos);
}
