package org.ndisport.binding.internal;

import java.util.List;
import org.ndisport.api.io.HardwareDevice;
import org.ndisport.api.io.InterruptSink;
import org.ndisport.api.io.IoPortRange;

/** A hardware device with one I/O range and an interrupt line the test pulls. */
final class IrqLine implements HardwareDevice {
    private final String name;
    private final IoPortRange range;
    private final int line;
    volatile InterruptSink sink;

    IrqLine(String name, IoPortRange range, int line) {
        this.name = name;
        this.range = range;
        this.line = line;
    }

    @Override
    public String hardwareId() {
        return "test-faults";
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<IoPortRange> ioPorts() {
        return List.of(range);
    }

    @Override
    public int interruptLine() {
        return line;
    }

    @Override
    public void connectInterrupt(InterruptSink value) {
        sink = value;
    }

    /** One edge on the line, if connected. */
    void fire() {
        InterruptSink s = sink;
        if (s != null) {
            s.interrupt();
        }
    }
}
