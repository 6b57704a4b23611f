package org.ndisport.core.adapter.internal;

import java.util.List;
import org.ndisport.api.Irql;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.io.IoCaller;
import org.ndisport.api.io.IoPortRange;
import org.ndisport.api.io.IoPortRangeResult;
import org.ndisport.api.io.IoPortSpace;
import org.ndisport.api.io.IoWidth;
import org.ndisport.api.runtime.AdapterPhase;

/**
 * The I/O port range calls of one adapter: phase and IRQL checks here (R62-R64, R68 row 1, D30), the
 * rest in the {@link IoPortSpace} provider. Without a provider, registration fails and reads return all
 * ones, as on a bus where nothing decodes.
 */
final class IoOperations implements IoCaller {
    private final Adapter adapter;

    IoOperations(Adapter adapter) {
        this.adapter = adapter;
    }

    IoPortRangeResult register(int initialPort, int numberOfPorts) {
        checkPassive("NdisMRegisterIoPortRange");
        AdapterPhase phase = adapter.phase();
        if (phase != AdapterPhase.P1_INIT_POST_REG) {
            boolean p0 = phase == AdapterPhase.P0_INIT_PRE_REG;
            adapter.violation(p0 ? "R63" : "R62", "NdisMRegisterIoPortRange in " + phase);
            adapter.ioRegistrationFailed(true);
            return IoPortRangeResult.failed(NdisStatus.FAILURE);
        }
        IoPortSpace io = adapter.context().ioPortSpace();
        IoPortRangeResult result = io == null ? IoPortRangeResult.failed(NdisStatus.FAILURE)
                : io.register(this, initialPort, numberOfPorts);
        if (result.status() != NdisStatus.SUCCESS) {
            adapter.ioRegistrationFailed(true);
        }
        return result;
    }

    void deregister(int initialPort, int numberOfPorts, long portOffset) {
        checkPassive("NdisMDeregisterIoPortRange");
        AdapterPhase phase = adapter.phase();
        if (phase != AdapterPhase.P1_INIT_POST_REG && phase != AdapterPhase.P3_HALTING) {
            adapter.violation("R68", "NdisMDeregisterIoPortRange in " + phase);
            return;
        }
        IoPortSpace io = adapter.context().ioPortSpace();
        if (io == null) {
            adapter.violation("R68", "NdisMDeregisterIoPortRange of a range never registered");
            return;
        }
        io.deregister(this, initialPort, numberOfPorts, portOffset);
    }

    int read(long port, IoWidth width) {
        IoPortSpace io = adapter.context().ioPortSpace();
        return io == null ? width.allOnes() : io.read(this, port, width);
    }

    void write(long port, IoWidth width, int value) {
        IoPortSpace io = adapter.context().ioPortSpace();
        if (io != null) {
            io.write(this, port, width, value);
        }
    }

    int immediateRead(long port, IoWidth width) {
        IoPortSpace io = adapter.context().ioPortSpace();
        return io == null ? width.allOnes() : io.immediateRead(this, port, width);
    }

    void immediateWrite(long port, IoWidth width, int value) {
        IoPortSpace io = adapter.context().ioPortSpace();
        if (io != null) {
            io.immediateWrite(this, port, width, value);
        }
    }

    /** R73: the buffer holds {@code length} elements from {@code offset}; false (and a record) if not. */
    boolean bufferHolds(int bufferLength, int offset, int length) {
        if (offset < 0 || Integer.toUnsignedLong(length) > bufferLength - (long) offset) {
            adapter.violation("R73", "buffer of " + bufferLength + " elements from " + offset
                    + " cannot hold " + Integer.toUnsignedString(length));
            return false;
        }
        return true;
    }

    @Override
    public String adapterName() {
        return adapter.name();
    }

    @Override
    public List<IoPortRange> assignedResources() {
        return adapter.spec().ioResources();
    }

    @Override
    public void violation(String ruleId, String message) {
        adapter.violation(ruleId, message);
    }

    @Override
    public void warning(String ruleId, String message) {
        adapter.warning(ruleId, message);
    }

    private void checkPassive(String call) {
        Irql irql = adapter.context().calls().irql();
        if (irql != Irql.PASSIVE_LEVEL) {
            adapter.violation("R64", call + " at " + irql);
        }
    }
}
