package org.ndisport.binding.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ndisport.binding.internal.BindingFixture.activate;
import static org.ndisport.binding.internal.BindingFixture.allocate;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ndisport.api.capture.FrameDirection;
import org.ndisport.api.capture.FrameTap;
import org.ndisport.api.data.NetBufferList;
import org.ndisport.core.adapter.internal.ScriptedMiniport;

/** Frame taps on the data path (N61): what they see, and that they cannot change it. */
class FrameTapTest {
    private final BindingFixture fx = new BindingFixture();
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final FrameTap recording = (adapter, port, direction, data, offset, length, timestamp) -> {
        StringBuilder s = new StringBuilder(adapter + " port=" + port + " " + direction + " [");
        for (int i = offset; i < offset + length; i++) {
            s.append(data[i]).append(i + 1 < offset + length ? " " : "");
        }
        seen.add(s.append("]").toString());
    };

    private static NetBufferList frame(int... bytes) {
        byte[] b = new byte[bytes.length + 2];
        for (int i = 0; i < bytes.length; i++) {
            b[i + 1] = (byte) bytes[i];
        }
        return new NetBufferList(b, 1, bytes.length);
    }

    @Test
    @DisplayName("N61 a tap sees each list of a send (after the port check) and of a receive, with adapter, port and direction")
    void n61_tapSeesSendsAndReceives() {
        RecordingProtocol p = fx.protocol("p1");
        ScriptedMiniport m = fx.adapter("A");
        int n = allocate(m.handle);
        activate(m.handle, n);
        fx.layer.bindTap(recording);
        NetBufferList a = frame(1, 2);
        a.next(frame(3));
        p.handle("A").sendNetBufferLists(a, n, 0);
        NetBufferList r = frame(4, 5, 6);
        m.handle.indicateReceiveNetBufferLists(r, 0, 1, 0);
        assertEquals(List.of("A port=1 OUTBOUND [1 2]", "A port=1 OUTBOUND [3]", "A port=0 INBOUND [4 5 6]"), seen);
        assertEquals(List.of(n), m.sendPorts);
        assertEquals(List.of(r), m.returned);
    }

    @Test
    @DisplayName("N61 a send refused by the port check is not seen; after unbind the tap sees nothing")
    void n61_refusedSendAndUnboundTap_notSeen() {
        RecordingProtocol p = fx.protocol("p1");
        ScriptedMiniport m = fx.adapter("A");
        fx.layer.bindTap(recording);
        p.handle("A").sendNetBufferLists(frame(1), 42, 0);
        assertEquals(List.of(), seen);
        assertEquals(List.of("R46"), fx.ruleIds());
        fx.layer.unbindTap(recording);
        p.handle("A").sendNetBufferLists(frame(1), 0, 0);
        m.handle.indicateReceiveNetBufferLists(frame(2), 0, 1, 0);
        assertEquals(List.of(), seen);
    }

    @Test
    @DisplayName("N61 a tap that throws changes nothing: the other tap, the miniport and the protocols still get every frame")
    void n61_throwingTap_dataPathUnchanged() {
        RecordingProtocol p = fx.protocol("p1");
        ScriptedMiniport m = fx.adapter("A");
        fx.layer.bindTap((adapter, port, direction, data, offset, length, timestamp) -> {
            throw new IllegalStateException("broken tap");
        });
        fx.layer.bindTap(recording);
        NetBufferList s = frame(1);
        p.handle("A").sendNetBufferLists(s, 0, 0);
        int before = fx.log.size();
        NetBufferList r = frame(2);
        m.handle.indicateReceiveNetBufferLists(r, 0, 1, 0);
        assertEquals(List.of("A port=0 OUTBOUND [1]", "A port=0 INBOUND [2]"), seen);
        assertEquals(List.of(s), p.sendCompletions);
        assertEquals(List.of("p1 receive A port=0 lists=1"), fx.logFrom(before));
        assertEquals(List.of(r), m.returned);
        assertTrue(fx.records().isEmpty(), fx.records().toString());
    }

    @Test
    @DisplayName("N61 timestamps are wall-clock nanoseconds since the epoch")
    void n61_timestampsAreEpochNanos() {
        ScriptedMiniport m = fx.adapter("A");
        long[] stamp = new long[1];
        fx.layer.bindTap((adapter, port, direction, data, offset, length, timestamp) -> stamp[0] = timestamp);
        long before = System.currentTimeMillis();
        m.handle.indicateReceiveNetBufferLists(frame(1), 0, 1, 0);
        long after = System.currentTimeMillis();
        assertTrue(stamp[0] / 1_000_000 >= before - 1000 && stamp[0] / 1_000_000 <= after + 1000,
                before + " <= " + stamp[0] / 1_000_000 + " <= " + after);
    }

    @Test
    @DisplayName("N61 with no tap registered, observing a frame allocates nothing (100,000 calls, under 1 KiB in all)")
    void n61_noTap_noAllocation() {
        FrameTaps taps = new FrameTaps();
        taps.add(recording);
        taps.remove(recording);
        NetBufferList l = frame(1, 2, 3);
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        // the adapter is never asked for its name when no tap is registered, so none is needed here
        taps.observe(null, 0, FrameDirection.INBOUND, l, 1);
        long before = threads.getThreadAllocatedBytes(thread);
        for (int i = 0; i < 100_000; i++) {
            taps.observe(null, 0, FrameDirection.INBOUND, l, 1);
        }
        long allocated = threads.getThreadAllocatedBytes(thread) - before;
        assertTrue(allocated < 1024, allocated + " bytes allocated");
        assertEquals(List.of(), seen);
    }
}
