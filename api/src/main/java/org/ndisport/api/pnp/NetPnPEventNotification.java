package org.ndisport.api.pnp;

import java.util.Arrays;
import java.util.Objects;
import org.ndisport.api.NdisObjectHeader;
import org.ndisport.api.PortNumbers;
import org.ndisport.api.port.NdisPort;
import org.ndisport.api.port.PortCharacteristics;

/**
 * {@code NET_PNP_EVENT_NOTIFICATION} (spec §1.5): what a miniport passes to {@code netPnPEvent} and a
 * protocol receives. The factories build the well-formed port events of R12 and R24.
 */
public final class NetPnPEventNotification {
    /** {@code NDIS_SIZEOF_NET_PNP_EVENT_NOTIFICATION_REVISION_1}. */
    public static final int SIZE_REVISION_1 = 56;

    private NdisObjectHeader header;
    private int portNumber;
    private final NetPnPEvent netPnPEvent;

    /** A notification with the given fields; the event must not be null. */
    public NetPnPEventNotification(NdisObjectHeader header, int portNumber, NetPnPEvent netPnPEvent) {
        this.header = header;
        this.portNumber = portNumber;
        this.netPnPEvent = Objects.requireNonNull(netPnPEvent, "netPnPEvent");
    }

    /** A notification with header 0x80/1, PortNumber 0 and the given event. */
    public static NetPnPEventNotification of(NetPnPEvent event) {
        return new NetPnPEventNotification(NdisObjectHeader.defaultRevision1(SIZE_REVISION_1), 0, event);
    }

    /**
     * Activation of the given chain; BufferLength = entries x 96 (R12), in unsigned 32-bit arithmetic.
     * A null chain gives length 0. Counting stops after {@code NDIS_MAXIMUM_PORTS} entries, so a cyclic
     * chain still yields a notification (which the runtime rejects, D5).
     */
    public static NetPnPEventNotification portActivation(NdisPort chain) {
        int entries = 0;
        for (NdisPort p = chain; p != null && entries < PortNumbers.MAXIMUM_PORTS; p = p.next()) {
            entries++;
        }
        return of(new NetPnPEvent(NetPnPEventCode.PORT_ACTIVATION, chain, entries * NdisPort.SIZE));
    }

    /** Activation of the given ports, each with default characteristics naming it. */
    public static NetPnPEventNotification portActivation(int... portNumbers) {
        return portActivation(NdisPort.chainOf(portNumbers));
    }

    /** Activation of the given characteristics, in order. */
    public static NetPnPEventNotification portActivation(PortCharacteristics... characteristics) {
        return portActivation(NdisPort.chain(characteristics));
    }

    /** Deactivation of the given ports; BufferLength = 4 x count, in bytes (R24). */
    public static NetPnPEventNotification portDeactivation(int... portNumbers) {
        Objects.requireNonNull(portNumbers, "portNumbers");
        int[] copy = Arrays.copyOf(portNumbers, portNumbers.length);
        return of(new NetPnPEvent(NetPnPEventCode.PORT_DEACTIVATION, copy, copy.length * Integer.BYTES));
    }

    /** The object header. */
    public NdisObjectHeader header() {
        return header;
    }

    /** Sets the header. */
    public NetPnPEventNotification header(NdisObjectHeader value) {
        this.header = value;
        return this;
    }

    /** The notification's PortNumber: 0 for port events (R12, R24, E9). */
    public int portNumber() {
        return portNumber;
    }

    /** Sets the notification's PortNumber. */
    public NetPnPEventNotification portNumber(int value) {
        this.portNumber = value;
        return this;
    }

    /** The event. */
    public NetPnPEvent netPnPEvent() {
        return netPnPEvent;
    }
}
