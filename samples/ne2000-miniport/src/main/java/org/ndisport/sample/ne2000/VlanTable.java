package org.ndisport.sample.ne2000;

import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;

/**
 * An immutable snapshot of one adapter's VLAN ports, swapped whole through a volatile field and read
 * without locks on the send and receive paths. Lookups binary-search sorted arrays: no boxing.
 */
final class VlanTable {
    /** A VLAN port: its NDIS port number and the VLAN id it tags and accepts. One instance per port. */
    record Vlan(int port, int vlanId) {
    }

    static final VlanTable EMPTY = new VlanTable(java.util.List.of(), java.util.List.of());

    private final Vlan[] byPort;
    private final int[] ports;
    private final Vlan[] byVlanId;
    private final int[] vlanIds;

    /**
     * @param sending   ports whose sends are served (allocated and not yet freed)
     * @param receiving ports frames are indicated on (activated, not being deleted)
     */
    VlanTable(Collection<Vlan> sending, Collection<Vlan> receiving) {
        byPort = sending.stream().sorted(Comparator.comparingInt(Vlan::port)).toArray(Vlan[]::new);
        ports = Arrays.stream(byPort).mapToInt(Vlan::port).toArray();
        byVlanId = receiving.stream().sorted(Comparator.comparingInt(Vlan::vlanId)).toArray(Vlan[]::new);
        vlanIds = Arrays.stream(byVlanId).mapToInt(Vlan::vlanId).toArray();
    }

    /** The VLAN port a send on {@code port} goes out tagged for, or null when this adapter has none. */
    Vlan sending(int port) {
        int i = Arrays.binarySearch(ports, port);
        return i < 0 ? null : byPort[i];
    }

    /** The activated VLAN port that takes frames tagged {@code vlanId}, or null (the frame is dropped). */
    Vlan receiving(int vlanId) {
        int i = Arrays.binarySearch(vlanIds, vlanId);
        return i < 0 ? null : byVlanId[i];
    }
}
