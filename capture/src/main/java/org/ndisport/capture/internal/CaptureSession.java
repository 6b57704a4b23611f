package org.ndisport.capture.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.LongAdder;
import org.ndisport.api.capture.FrameDirection;
import org.ndisport.api.capture.FrameTap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running capture (N62): a {@link FrameTap} that copies the frames its filter keeps into a bounded
 * queue, never blocking the data path (a full queue drops the frame and counts it), and a writer thread
 * that writes them to a pcapng file, adding an Interface Description Block the first time an
 * (adapter, port) is seen.
 */
final class CaptureSession implements FrameTap {
    private static final Logger LOG = LoggerFactory.getLogger(CaptureSession.class);
    private static final CapturedFrame END = new CapturedFrame("", 0, FrameDirection.INBOUND, new byte[0], 0);

    private final Path file;
    private final CaptureFilter filter;
    private final FileChannel channel;
    private final PcapngWriter writer;
    private final BlockingQueue<CapturedFrame> queue;
    private final LongAdder dropped = new LongAdder();
    private final Map<String, Integer> interfaceIds = new HashMap<>();
    private final List<String> interfaces = new ArrayList<>();
    private final Thread thread;
    private volatile boolean accepting = true;
    private volatile long written;
    private volatile String failure;

    /** Opens (creates or truncates) {@code file} and writes the Section Header Block; the writer is not started. */
    CaptureSession(Path file, CaptureFilter filter, int queueCapacity, boolean nanoseconds) throws IOException {
        this.file = file;
        this.filter = filter;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        this.writer = new PcapngWriter(channel, nanoseconds);
        try {
            writer.sectionHeader("ndisport");
            writer.flush();
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        this.thread = new Thread(this::drain, "ndisport-capture-writer");
        thread.setDaemon(true);
    }

    /** Starts the writer thread. */
    void start() {
        thread.start();
    }

    @Override
    public void frame(String adapter, int portNumber, FrameDirection direction, byte[] data, int offset, int length,
            long timestampNanos) {
        if (!accepting || !filter.matches(adapter, portNumber)) {
            return;
        }
        byte[] copy = new byte[length];
        System.arraycopy(data, offset, copy, 0, length);
        if (!queue.offer(new CapturedFrame(adapter, portNumber, direction, copy, timestampNanos))) {
            dropped.increment();
        }
    }

    /**
     * Takes no more frames, lets the writer write what is queued, closes the file and returns the final
     * status. The caller has already withdrawn the tap; a frame still being handed over on another
     * thread at that moment counts as dropped (N63).
     */
    CaptureStatus stop() throws InterruptedException {
        accepting = false;
        if (thread.isAlive() || thread.getState() == Thread.State.NEW) {
            if (thread.getState() == Thread.State.NEW) {
                thread.start();
            }
            queue.put(END);
            thread.join();
        }
        // a frame whose tap call began before the tap was withdrawn may have been queued after END (N63)
        dropped.add(queue.size());
        return status(false);
    }

    CaptureStatus status(boolean running) {
        List<String> names;
        synchronized (interfaces) {
            names = List.copyOf(interfaces);
        }
        return new CaptureStatus(file, filter.toString(), running, written, dropped.sum(), names, failure);
    }

    private void drain() {
        try {
            for (CapturedFrame f = queue.take(); f != END; f = queue.take()) {
                if (failure == null) {
                    write(f);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            close();
        }
    }

    private void write(CapturedFrame f) {
        try {
            Integer id = interfaceIds.get(f.interfaceName());
            if (id == null) {
                id = writer.interfaceDescription(f.interfaceName());
                interfaceIds.put(f.interfaceName(), id);
                synchronized (interfaces) {
                    interfaces.add(f.interfaceName());
                }
            }
            writer.enhancedPacket(id, f.timestampNanos(), f.direction(), f.bytes(), 0, f.bytes().length);
            written++;
            if (queue.isEmpty()) {
                writer.flush();
            }
        } catch (IOException e) {
            failure = e.toString();
            LOG.warn("capture to {} stopped writing: {}", file, e.toString());
        }
    }

    private void close() {
        try {
            writer.flush();
        } catch (IOException e) {
            if (failure == null) {
                failure = e.toString();
            }
        }
        try {
            channel.close();
        } catch (IOException e) {
            LOG.warn("closing capture file {}: {}", file, e.toString());
        }
    }
}
