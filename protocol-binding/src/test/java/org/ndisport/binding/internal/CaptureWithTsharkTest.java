package org.ndisport.binding.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ndisport.binding.internal.BindingFixture.activate;
import static org.ndisport.binding.internal.BindingFixture.allocate;

import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ndisport.api.data.NetBufferList;
import org.ndisport.capture.internal.CaptureConfiguration;
import org.ndisport.capture.internal.CaptureService;
import org.ndisport.core.adapter.internal.ScriptedMiniport;

/**
 * Frames through the real engine and binding layer on two adapters and ports, captured by the real
 * capture service to pcapng, read back with tshark: frames per interface and direction (N61, N62).
 */
class CaptureWithTsharkTest {
    private static final String INBOUND = "1";
    private static final String OUTBOUND = "2";
    @TempDir
    Path dir;
    private final BindingFixture fx = new BindingFixture();

    private static NetBufferList frames(int count, int length) {
        NetBufferList first = null;
        for (int i = 0; i < count; i++) {
            byte[] frame = new byte[length];
            frame[0] = (byte) i;
            NetBufferList l = NetBufferList.copyOf(frame);
            first = first == null ? l : l.next(first);
        }
        return first;
    }

    private static CaptureConfiguration config(boolean nanoseconds) {
        return new CaptureConfiguration() {
            @Override
            public int queue_frames() {
                return DEFAULT_QUEUE_FRAMES;
            }

            @Override
            public boolean timestamps_nanoseconds() {
                return nanoseconds;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return CaptureConfiguration.class;
            }
        };
    }

    @Test
    @DisplayName("N62 tshark reads one interface per (adapter, port), the frames of each by direction, filtered ports absent")
    void n62_tsharkReadsCapture() throws Exception {
        RecordingProtocol p = fx.protocol("p1");
        ScriptedMiniport a = fx.adapter("nicA");
        ScriptedMiniport b = fx.adapter("nicB");
        int portA = allocate(a.handle);
        int portB = allocate(b.handle);
        activate(a.handle, portA);
        activate(b.handle, portB);
        CaptureService capture = new CaptureService(Set.of("nicA", "nicB")::contains, tap -> {
            fx.layer.bindTap(tap);
            return () -> fx.layer.unbindTap(tap);
        }, config(true));
        Path file = dir.resolve("two-adapters.pcapng");
        double startedSeconds = System.currentTimeMillis() / 1000.0;
        capture.start(file, List.of("nicA", "nicB:" + portB));

        p.handle("nicA").sendNetBufferLists(frames(3, 60), portA, 0);
        a.handle.indicateReceiveNetBufferLists(frames(2, 64), 0, 2, 0);
        p.handle("nicB").sendNetBufferLists(frames(2, 70), portB, 0);
        b.handle.indicateReceiveNetBufferLists(frames(1, 80), portB, 1, 0);
        b.handle.indicateReceiveNetBufferLists(frames(4, 90), 0, 4, 0);
        assertEquals(8, capture.stop().written());
        double stoppedSeconds = System.currentTimeMillis() / 1000.0;

        Map<String, Integer> counts = new TreeMap<>();
        for (List<String> row : Tshark.fields(file, "frame.interface_name", "frame.packet_flags_direction",
                "frame.len", "frame.time_epoch")) {
            double seconds = Double.parseDouble(row.get(3));
            assertTrue(seconds >= startedSeconds - 1 && seconds <= stoppedSeconds + 1,
                    "timestamp " + row.get(3) + " within the capture (" + startedSeconds + ".." + stoppedSeconds + ")");
            String key = row.get(0) + " " + (Integer.decode(row.get(1)) == 1 ? "in" : "out") + " " + row.get(2);
            counts.merge(key, 1, Integer::sum);
        }
        assertEquals(Map.of("nicA/port" + portA + " out 60", 3, "nicA/port0 in 64", 2,
                "nicB/port" + portB + " out 70", 2, "nicB/port" + portB + " in 80", 1), counts);
    }
}
