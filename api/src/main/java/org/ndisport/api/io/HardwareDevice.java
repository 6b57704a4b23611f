package org.ndisport.api.io;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A hardware device offered as a service (by {@code ioport-hw} or a third party). The engine matches
 * its {@link #hardwareId()} with a miniport driver's {@code ndisport.hardware.ids} and creates an
 * adapter whose initialize receives {@link #ioPorts()} as its assigned resources. The service going
 * away is a surprise removal (D34).
 *
 * <p>Implementations are thread safe; values do not change while the service is registered.
 */
@ConsumerType
public interface HardwareDevice {
    /** The device's hardware id, e.g. {@code PCI\VEN_10EC&DEV_8029} or {@code ne2000}. */
    String hardwareId();

    /** A unique instance name, used as the adapter name. */
    String name();

    /** The I/O port ranges assigned to the device; empty when it has none. */
    List<IoPortRange> ioPorts();

    /** The interrupt line assigned to the device, or -1 for none. */
    int interruptLine();

    /**
     * Connects the device's interrupt line to the runtime ({@code NdisMRegisterInterruptEx}), or
     * disconnects it with {@code null}. A device without an interrupt line ignores the call (the
     * default). A device calls the sink on each edge of its line.
     */
    default void connectInterrupt(InterruptSink sink) {
    }
}
