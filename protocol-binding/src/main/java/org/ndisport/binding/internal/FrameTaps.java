package org.ndisport.binding.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.ndisport.api.binding.BindableAdapter;
import org.ndisport.api.capture.FrameDirection;
import org.ndisport.api.capture.FrameTap;
import org.ndisport.api.data.NetBufferList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registered {@link FrameTap}s (N61) as a copy-on-write array: with none registered, the data path
 * pays one volatile read of an empty array and allocates nothing. A tap that throws is logged once and
 * otherwise ignored.
 */
final class FrameTaps {
    private static final Logger LOG = LoggerFactory.getLogger(FrameTaps.class);
    private static final FrameTap[] NONE = {};
    /** Wall-clock nanoseconds at {@link System#nanoTime()} zero, so a timestamp costs no allocation. */
    private static final long EPOCH_OFFSET_NANOS = epochNanos(Instant.now()) - System.nanoTime();

    private volatile FrameTap[] taps = NONE;
    private final Set<FrameTap> complained = ConcurrentHashMap.newKeySet();

    synchronized void add(FrameTap tap) {
        FrameTap[] now = taps;
        FrameTap[] more = Arrays.copyOf(now, now.length + 1);
        more[now.length] = tap;
        taps = more;
    }

    synchronized void remove(FrameTap tap) {
        FrameTap[] now = taps;
        FrameTap[] fewer = Arrays.stream(now).filter(t -> t != tap).toArray(FrameTap[]::new);
        taps = fewer.length == 0 ? NONE : fewer;
        complained.remove(tap);
    }

    /** Hands the first {@code count} lists of the chain to every tap; returns at once when there is none. */
    void observe(BindableAdapter adapter, int port, FrameDirection direction, NetBufferList lists, int count) {
        FrameTap[] now = taps;
        if (now.length == 0) {
            return;
        }
        long timestamp = EPOCH_OFFSET_NANOS + System.nanoTime();
        String name = adapter.name();
        NetBufferList l = lists;
        for (int i = 0; i < count && l != null; i++, l = l.next()) {
            for (FrameTap tap : now) {
                call(tap, name, port, direction, l, timestamp);
            }
        }
    }

    private void call(FrameTap tap, String adapter, int port, FrameDirection direction, NetBufferList l,
            long timestamp) {
        try {
            tap.frame(adapter, port, direction, l.data(), l.offset(), l.length(), timestamp);
        } catch (Exception | Error e) {
            if (e instanceof VirtualMachineError fatal) {
                throw fatal;
            }
            if (complained.add(tap)) {
                LOG.warn("frame tap {} threw (logged once; the data path goes on, N61)", tap, e);
            }
        }
    }

    private static long epochNanos(Instant i) {
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }
}
