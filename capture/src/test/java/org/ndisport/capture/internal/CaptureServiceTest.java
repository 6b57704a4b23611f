package org.ndisport.capture.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ndisport.api.capture.FrameDirection;
import org.ndisport.api.capture.FrameTap;

/** Starting, filtering, dropping and stopping captures, and every bad request (N62). */
class CaptureServiceTest {
    @TempDir
    Path dir;
    private final List<FrameTap> published = new CopyOnWriteArrayList<>();
    private final TapPublisher publisher = tap -> {
        published.add(tap);
        return () -> published.remove(tap);
    };
    private final CaptureService service = new CaptureService(Set.of("nicA", "nicB")::contains, publisher,
            TestConfig.defaults());

    private void send(String adapter, int port, FrameDirection direction, int length) {
        byte[] data = new byte[length + 2];
        for (FrameTap t : published) {
            t.frame(adapter, port, direction, data, 1, length, 1_000_000L);
        }
    }

    @Test
    @DisplayName("N61 N62 the tap is published only while a capture runs; the file gets the frames the filter keeps")
    void n62_startFilterStop() throws IOException {
        Path file = dir.resolve("c.pcapng");
        assertTrue(published.isEmpty());
        service.start(file, List.of("nicA:1", "nicB"));
        assertEquals(1, published.size());
        send("nicA", 1, FrameDirection.INBOUND, 60);
        send("nicA", 2, FrameDirection.INBOUND, 60);
        send("nicB", 7, FrameDirection.OUTBOUND, 42);
        send("nicA", 1, FrameDirection.OUTBOUND, 64);
        CaptureStatus s = service.stop();
        assertTrue(published.isEmpty());
        assertEquals(3, s.written());
        assertEquals(0, s.dropped());
        assertEquals(List.of("nicA/port1", "nicB/port7"), s.interfaces());
        assertEquals(List.of(PcapngWriter.SHB, PcapngWriter.IDB, PcapngWriter.EPB, PcapngWriter.IDB, PcapngWriter.EPB,
                PcapngWriter.EPB), blockTypes(file));
        assertEquals(Optional.of(s), service.status());
    }

    /** SHB, IDB, EPB ... as the block types in the file. */
    private static List<Integer> blockTypes(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        List<Integer> types = new ArrayList<>();
        while (b.remaining() >= 12) {
            int start = b.position();
            types.add(b.getInt(start));
            b.position(start + b.getInt(start + 4));
        }
        return types;
    }

    @Test
    @DisplayName("N62 the file holds SHB, then an IDB before the first EPB of each (adapter, port)")
    void n62_blockOrder() throws IOException {
        Path file = dir.resolve("order.pcapng");
        service.start(file, List.of());
        send("nicA", 1, FrameDirection.INBOUND, 60);
        send("nicA", 1, FrameDirection.OUTBOUND, 60);
        send("nicB", 0, FrameDirection.INBOUND, 60);
        service.stop();
        assertEquals(List.of(PcapngWriter.SHB, PcapngWriter.IDB, PcapngWriter.EPB, PcapngWriter.EPB, PcapngWriter.IDB,
                PcapngWriter.EPB), blockTypes(file));
    }

    @Test
    @DisplayName("N62 a full queue drops the frame and counts it, the data path never waits")
    void n62_queueFull_droppedCounted() throws Exception {
        CaptureSession session = new CaptureSession(dir.resolve("small.pcapng"), CaptureFilter.all(), 2, false);
        for (int i = 0; i < 5; i++) {
            session.frame("nicA", 0, FrameDirection.INBOUND, new byte[10], 0, 10, i);
        }
        assertEquals(3, session.status(true).dropped());
        CaptureStatus s = session.stop();
        assertEquals(2, s.written());
        assertEquals(3, s.dropped());
    }

    @Test
    @DisplayName("N62 the session copies the frame: changing the lent bytes after the call changes nothing")
    void n62_frameCopied() throws Exception {
        Path file = dir.resolve("copy.pcapng");
        CaptureSession session = new CaptureSession(file, CaptureFilter.all(), 4, false);
        byte[] data = {1, 2, 3, 4};
        session.frame("nicA", 0, FrameDirection.INBOUND, data, 0, 4, 0);
        data[0] = 9;
        session.stop();
        byte[] all = Files.readAllBytes(file);
        // SHB (44) + IDB for "nicA/port0" (8 + 8 + 16 + 8 + 4 + 4 = 48) + EPB header (28)
        assertEquals(1, all[44 + 48 + 28]);
    }

    @Test
    @DisplayName("N62 bad requests: unknown adapter, bad port list, unwritable file, already running, stop with none")
    void n62_badRequests() throws IOException {
        assertEquals("unknown adapter 'nicZ'", assertThrows(CaptureException.class,
                () -> service.start(dir.resolve("x.pcapng"), List.of("nicA", "nicZ:1"))).getMessage());
        assertEquals("'nicA:one': 'one' is not a port number (0 to 4294967295; ports separated by commas)",
                assertThrows(CaptureException.class,
                        () -> service.start(dir.resolve("x.pcapng"), List.of("nicA:one"))).getMessage());
        assertTrue(assertThrows(CaptureException.class, () -> service.start(dir, List.of())).getMessage()
                .contains("it is a directory"));
        assertTrue(assertThrows(CaptureException.class,
                () -> service.start(dir.resolve("no/such/dir/x.pcapng"), List.of())).getMessage()
                .startsWith("cannot write "));
        assertEquals("no capture is running", assertThrows(CaptureException.class, service::stop).getMessage());
        assertTrue(published.isEmpty());
        service.start(dir.resolve("x.pcapng"), List.of());
        assertTrue(assertThrows(CaptureException.class, () -> service.start(dir.resolve("y.pcapng"), List.of()))
                .getMessage().startsWith("a capture is already running"));
        assertEquals(1, published.size());
        service.stop();
        assertEquals(Optional.empty(), new CaptureService(n -> true, publisher, TestConfig.defaults()).status());
    }

    @Test
    @DisplayName("N62 a queue size below 1 is refused when a capture starts")
    void n62_badQueueSize_refused() {
        CaptureService bad = new CaptureService(n -> true, publisher, new TestConfig(0, false));
        assertEquals("capture configuration queue.frames must be at least 1, not 0",
                assertThrows(CaptureException.class, () -> bad.start(dir.resolve("q.pcapng"), List.of())).getMessage());
    }

    @Test
    @DisplayName("N62 the command: usage, unknown action, extra arguments, start/status/stop")
    void n62_command() {
        CaptureCommand c = new CaptureCommand(service);
        assertEquals(CaptureCommand.USAGE, assertThrows(CaptureException.class, () -> c.capture()).getMessage());
        assertTrue(assertThrows(CaptureException.class, () -> c.capture("begin")).getMessage()
                .startsWith("unknown capture action 'begin'"));
        assertTrue(assertThrows(CaptureException.class, () -> c.capture("start")).getMessage()
                .startsWith("capture start needs a FILE"));
        assertTrue(assertThrows(CaptureException.class, () -> c.capture("stop", "now")).getMessage()
                .startsWith("capture stop takes no arguments"));
        assertEquals("no capture has run", c.capture("status"));
        String file = dir.resolve("cmd.pcapng").toString();
        assertTrue(c.capture("start", file, "nicA:0").startsWith("capturing to " + file + " (nicA ports [0])"));
        send("nicA", 0, FrameDirection.INBOUND, 60);
        assertTrue(c.capture("stop").contains("1 frames written, 0 dropped"));
        assertTrue(c.capture("status").startsWith("captured to " + file));
    }
}
