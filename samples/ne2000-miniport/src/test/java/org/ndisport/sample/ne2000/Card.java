package org.ndisport.sample.ne2000;

import java.util.List;
import org.ndisport.api.io.HardwareDevice;
import org.ndisport.api.io.InterruptSink;
import org.ndisport.api.io.IoPortRange;
import org.ndisport.ioport.ethernet.internal.EthernetSegment;
import org.ndisport.ioport.ne2000.internal.Ne2000;
import org.ndisport.ioport.space.internal.PortSpace;

/** An emulated NE2000 on the bus and the wire, offered as a hardware device, for the driver's tests. */
record Card(String name, Ne2000 nic, int base, int irq) implements HardwareDevice {
    /** A card at {@code base} with station address {@code mac}, attached to {@code space}, plugged into {@code wire}. */
    static Card plugged(String name, int base, byte[] mac, int irq, PortSpace space, EthernetSegment wire) {
        Ne2000 nic = new Ne2000(base, mac, wire);
        space.attach(name, nic);
        nic.plugIn();
        return new Card(name, nic, base, irq);
    }

    @Override
    public String hardwareId() {
        return "ne2000";
    }

    @Override
    public List<IoPortRange> ioPorts() {
        return List.of(new IoPortRange(base, Ne2000.IO_LENGTH));
    }

    @Override
    public int interruptLine() {
        return irq;
    }

    @Override
    public void connectInterrupt(InterruptSink sink) {
        nic.connectInterrupt(sink);
    }
}
