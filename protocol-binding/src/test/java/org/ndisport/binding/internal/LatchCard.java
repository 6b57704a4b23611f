package org.ndisport.binding.internal;

import java.util.List;
import org.ndisport.api.io.IoDevice;
import org.ndisport.api.io.IoPortRange;
import org.ndisport.api.io.IoWidth;

/** A card of byte latches for {@link PortModelTest}: each port reads back what was last written (0 at first). */
final class LatchCard implements IoDevice {
    private final IoPortRange range;
    private final byte[] latches;

    LatchCard(int base, int count) {
        range = new IoPortRange(base, count);
        latches = new byte[count];
    }

    @Override
    public List<IoPortRange> decodedRanges() {
        return List.of(range);
    }

    @Override
    public synchronized int read(int port, IoWidth width) {
        int value = 0;
        for (int i = 0; i < width.bytes(); i++) {
            value |= (latches[port - range.base() + i] & 0xFF) << (8 * i);
        }
        return value;
    }

    @Override
    public synchronized void write(int port, IoWidth width, int value) {
        for (int i = 0; i < width.bytes(); i++) {
            latches[port - range.base() + i] = (byte) (value >>> (8 * i));
        }
    }

    /** The latch at {@code port}, unsigned. */
    synchronized int at(long port) {
        return latches[(int) (port - range.base())] & 0xFF;
    }

    boolean decodes(long port) {
        return range.contains(port);
    }
}
