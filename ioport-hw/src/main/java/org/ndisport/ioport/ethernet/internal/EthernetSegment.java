package org.ndisport.ioport.ethernet.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;

/**
 * One emulated Ethernet segment (a hub): a frame a station sends reaches every other station, on the
 * sender's thread, in attachment order. Stations copy what they keep, so nothing is allocated per frame.
 */
public final class EthernetSegment {
    private final String name;
    private final List<Station> stations = new CopyOnWriteArrayList<>();
    private final LongAdder frames = new LongAdder();
    private final LongAdder bytes = new LongAdder();

    /** A segment with no station. */
    public EthernetSegment(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public void attach(Station station) {
        stations.add(station);
    }

    public void detach(Station station) {
        stations.remove(station);
    }

    /** Stations attached now. */
    public int stations() {
        return stations.size();
    }

    /** Puts a frame on the wire: every station but the sender hears it. */
    public void send(Station from, byte[] frame, int length) {
        frames.increment();
        bytes.add(length);
        for (Station s : stations) {
            if (s != from) {
                s.frameOnWire(frame, length);
            }
        }
    }

    /** Frames sent on the segment so far. */
    public long frames() {
        return frames.sum();
    }

    /** Bytes sent on the segment so far. */
    public long bytes() {
        return bytes.sum();
    }
}
