package org.ndisport.ioport.device.internal;

import java.util.List;
import org.ndisport.api.io.IoDevice;
import org.ndisport.api.io.IoPortRange;
import org.ndisport.api.io.IoWidth;

/** The simplest device there is: each port is a byte latch that reads back what was written last (0 at first). */
final class LatchDevice implements IoDevice {
    private final IoPortRange range;
    private final byte[] latches;

    LatchDevice(IoPortRange range) {
        this.range = range;
        this.latches = new byte[range.count()];
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
}
