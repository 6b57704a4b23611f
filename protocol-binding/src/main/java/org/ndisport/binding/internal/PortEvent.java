package org.ndisport.binding.internal;

import java.util.Arrays;
import org.ndisport.api.pnp.NetPnPEvent;
import org.ndisport.api.pnp.NetPnPEventCode;
import org.ndisport.api.pnp.NetPnPEventNotification;
import org.ndisport.api.port.NdisPort;
import org.ndisport.api.port.PortCharacteristics;

/**
 * One validated port event as the binding layer delivers it: its sequence number on the adapter, its
 * kind and the ports it lists (sorted, for the checks of spec §1.2 "open to a binding"). The adapter
 * keeps its latest event for those checks; the notification itself is dropped once delivered, so a
 * large activation does not keep its chain alive until the next event.
 */
final class PortEvent {
    private final long sequence;
    private final boolean activation;
    private NetPnPEventNotification notification;
    private final int[] sortedPorts;

    private PortEvent(long sequence, boolean activation, NetPnPEventNotification notification, int[] ports) {
        this.sequence = sequence;
        this.activation = activation;
        this.notification = notification;
        this.sortedPorts = ports;
    }

    /** Reads the runtime's (already validated) notification. */
    static PortEvent of(long sequence, NetPnPEventNotification notification) {
        NetPnPEvent event = notification.netPnPEvent();
        boolean activation = event.netEvent() == NetPnPEventCode.PORT_ACTIVATION.code();
        int[] ports;
        if (activation) {
            int count = 0;
            for (NdisPort p = (NdisPort) event.buffer(); p != null; p = p.next()) {
                count++;
            }
            ports = new int[count];
            int i = 0;
            for (NdisPort p = (NdisPort) event.buffer(); p != null; p = p.next()) {
                ports[i++] = p.portCharacteristics().portNumber();
            }
        } else {
            ports = ((int[]) event.buffer()).clone();
        }
        Arrays.sort(ports);
        return new PortEvent(sequence, activation, notification, ports);
    }

    long sequence() {
        return sequence;
    }

    boolean activation() {
        return activation;
    }

    /** True when the event lists {@code port}. */
    boolean lists(int port) {
        return Arrays.binarySearch(sortedPorts, port) >= 0;
    }

    /** The listed ports, ascending. */
    int[] ports() {
        return sortedPorts;
    }

    /** Every binding has had its copy: the runtime's notification is no longer needed. */
    void delivered() {
        notification = null;
    }

    /** A binding's own copy of the notification (spec §4.1): its own chain or array. Before {@link #delivered}. */
    NetPnPEventNotification copyForBinding() {
        NetPnPEvent event = notification.netPnPEvent();
        if (activation) {
            int count = sortedPorts.length;
            PortCharacteristics[] copies = new PortCharacteristics[count];
            int i = 0;
            for (NdisPort p = (NdisPort) event.buffer(); p != null; p = p.next()) {
                copies[i++] = p.portCharacteristics().copy();
            }
            return NetPnPEventNotification.portActivation(NdisPort.chain(copies));
        }
        return NetPnPEventNotification.portDeactivation((int[]) event.buffer());
    }
}
