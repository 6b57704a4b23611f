package org.ndisport.core.adapter.internal;

import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.ndisport.api.Irql;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.data.NetBufferList;
import org.ndisport.api.data.OidRequest;
import org.ndisport.api.data.StatusIndication;
import org.ndisport.api.io.IoPortRangeResult;
import org.ndisport.api.io.IoWidth;
import org.ndisport.api.miniport.AllocatePortResult;
import org.ndisport.api.miniport.MiniportAttributes;
import org.ndisport.api.miniport.MiniportInterrupt;
import org.ndisport.api.miniport.NdisMiniportHandle;
import org.ndisport.api.pnp.NetPnPEventNotification;
import org.ndisport.api.port.PortCharacteristics;

/** The handle a miniport calls the runtime with; each call is routed to the part that owns it. */
final class MiniportHandle implements NdisMiniportHandle {
    private final Adapter adapter;
    private final PortOperations ports;
    private final PortEventOperations events;
    private final Indications indications;
    private final Requests requests;
    private final IoOperations io;
    private final InterruptOperations interrupt;

    MiniportHandle(Adapter adapter, PortOperations ports, PortEventOperations events, Indications indications,
            Requests requests, IoOperations io, InterruptOperations interrupt) {
        this.adapter = adapter;
        this.ports = ports;
        this.events = events;
        this.indications = indications;
        this.requests = requests;
        this.io = io;
        this.interrupt = interrupt;
    }

    @Override
    public String adapterName() {
        return adapter.name();
    }

    /** A snapshot of the adapter behind this handle. */
    org.ndisport.api.runtime.AdapterView adapterView() {
        return adapter.view();
    }

    @Override
    public Object context() {
        return adapter.driverContext();
    }

    @Override
    public NdisStatus setMiniportAttributes(MiniportAttributes attributes) {
        return ports.setMiniportAttributes(attributes);
    }

    @Override
    public AllocatePortResult allocatePort(PortCharacteristics characteristics) {
        return ports.allocate(characteristics);
    }

    @Override
    public NdisStatus freePort(int portNumber) {
        return ports.free(portNumber);
    }

    @Override
    public NdisStatus netPnPEvent(NetPnPEventNotification notification) {
        return events.netPnPEvent(notification);
    }

    @Override
    public void indicateReceiveNetBufferLists(NetBufferList lists, int portNumber, int numberOfLists,
            int receiveFlags) {
        indications.receive(lists, portNumber, numberOfLists, receiveFlags);
    }

    @Override
    public void indicateStatus(StatusIndication indication) {
        indications.status(indication);
    }

    @Override
    public void sendNetBufferListsComplete(NetBufferList lists, int sendCompleteFlags) {
        requests.sendComplete(Objects.requireNonNull(lists, "lists"), sendCompleteFlags);
    }

    @Override
    public void oidRequestComplete(OidRequest request, NdisStatus status) {
        requests.oidComplete(Objects.requireNonNull(request, "request"), Objects.requireNonNull(status, "status"));
    }

    @Override
    public NdisStatus registerInterrupt(MiniportInterrupt handlers) {
        return interrupt.register(handlers);
    }

    @Override
    public void deregisterInterrupt() {
        interrupt.deregister();
    }

    @Override
    public boolean synchronizeWithInterrupt(BooleanSupplier function) {
        return interrupt.synchronize(function);
    }

    @Override
    public Irql currentIrql() {
        return adapter.context().calls().irql();
    }

    @Override
    public Irql raiseIrql(Irql newIrql) {
        Objects.requireNonNull(newIrql, "newIrql");
        Irql current = currentIrql();
        if (newIrql.compareTo(current) < 0) {
            throw new IllegalArgumentException("cannot raise IRQL from " + current + " to " + newIrql);
        }
        return adapter.context().calls().enter(newIrql);
    }

    @Override
    public void lowerIrql(Irql oldIrql) {
        Objects.requireNonNull(oldIrql, "oldIrql");
        Irql current = currentIrql();
        if (oldIrql.compareTo(current) > 0) {
            throw new IllegalArgumentException("cannot lower IRQL from " + current + " to " + oldIrql); // N42
        }
        adapter.context().calls().restore(oldIrql);
    }

    @Override
    public IoPortRangeResult registerIoPortRange(int initialPort, int numberOfPorts) {
        return io.register(initialPort, numberOfPorts);
    }

    @Override
    public void deregisterIoPortRange(int initialPort, int numberOfPorts, long portOffset) {
        io.deregister(initialPort, numberOfPorts, portOffset);
    }

    @Override
    public int immediateReadPortUchar(long port) {
        return io.immediateRead(port, IoWidth.BYTE);
    }

    @Override
    public int immediateReadPortUshort(long port) {
        return io.immediateRead(port, IoWidth.WORD);
    }

    @Override
    public int immediateReadPortUlong(long port) {
        return io.immediateRead(port, IoWidth.DWORD);
    }

    @Override
    public void immediateWritePortUchar(long port, int data) {
        io.immediateWrite(port, IoWidth.BYTE, data);
    }

    @Override
    public void immediateWritePortUshort(long port, int data) {
        io.immediateWrite(port, IoWidth.WORD, data);
    }

    @Override
    public void immediateWritePortUlong(long port, int data) {
        io.immediateWrite(port, IoWidth.DWORD, data);
    }

    @Override
    public int rawReadPortUchar(long port) {
        return io.read(port, IoWidth.BYTE);
    }

    @Override
    public int rawReadPortUshort(long port) {
        return io.read(port, IoWidth.WORD);
    }

    @Override
    public int rawReadPortUlong(long port) {
        return io.read(port, IoWidth.DWORD);
    }

    @Override
    public void rawWritePortUchar(long port, int data) {
        io.write(port, IoWidth.BYTE, data);
    }

    @Override
    public void rawWritePortUshort(long port, int data) {
        io.write(port, IoWidth.WORD, data);
    }

    @Override
    public void rawWritePortUlong(long port, int data) {
        io.write(port, IoWidth.DWORD, data);
    }

    @Override
    public void rawReadPortBufferUchar(long port, byte[] buffer, int offset, int length) {
        if (length != 0 && io.bufferHolds(Objects.requireNonNull(buffer, "buffer").length, offset, length)) {
            for (int i = 0; i < length; i++) {
                buffer[offset + i] = (byte) io.read(port, IoWidth.BYTE);
            }
        }
    }

    @Override
    public void rawReadPortBufferUshort(long port, short[] buffer, int offset, int length) {
        if (length != 0 && io.bufferHolds(Objects.requireNonNull(buffer, "buffer").length, offset, length)) {
            for (int i = 0; i < length; i++) {
                buffer[offset + i] = (short) io.read(port, IoWidth.WORD);
            }
        }
    }

    @Override
    public void rawReadPortBufferUlong(long port, int[] buffer, int offset, int length) {
        if (length != 0 && io.bufferHolds(Objects.requireNonNull(buffer, "buffer").length, offset, length)) {
            for (int i = 0; i < length; i++) {
                buffer[offset + i] = io.read(port, IoWidth.DWORD);
            }
        }
    }

    @Override
    public void rawWritePortBufferUchar(long port, byte[] buffer, int offset, int length) {
        if (length != 0 && io.bufferHolds(Objects.requireNonNull(buffer, "buffer").length, offset, length)) {
            for (int i = 0; i < length; i++) {
                io.write(port, IoWidth.BYTE, buffer[offset + i] & 0xFF);
            }
        }
    }

    @Override
    public void rawWritePortBufferUshort(long port, short[] buffer, int offset, int length) {
        if (length != 0 && io.bufferHolds(Objects.requireNonNull(buffer, "buffer").length, offset, length)) {
            for (int i = 0; i < length; i++) {
                io.write(port, IoWidth.WORD, buffer[offset + i] & 0xFFFF);
            }
        }
    }

    @Override
    public void rawWritePortBufferUlong(long port, int[] buffer, int offset, int length) {
        if (length != 0 && io.bufferHolds(Objects.requireNonNull(buffer, "buffer").length, offset, length)) {
            for (int i = 0; i < length; i++) {
                io.write(port, IoWidth.DWORD, buffer[offset + i]);
            }
        }
    }
}
