package org.ndisport.sample.ne2000;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.data.OidRequest;
import org.ndisport.api.data.OidRequestType;
import org.ndisport.api.miniport.AllocatePortResult;
import org.ndisport.api.miniport.NdisMiniportHandle;
import org.ndisport.api.pnp.NetPnPEventNotification;
import org.ndisport.api.port.PortCharacteristics;
import org.ndisport.api.port.PortType;
import org.ndisport.sample.ne2000.VlanTable.Vlan;

/**
 * The VLAN ports of one adapter: the create and delete OIDs are checked at once, then pended and
 * finished on the adapter's {@link PortThread}, which completes each OID before it raises the port
 * event that follows from it (R57). The data path reads an immutable {@link VlanTable}. State is
 * guarded by the port thread's lock.
 */
final class VlanPorts {
    private static final System.Logger LOG = System.getLogger(VlanPorts.class.getName());

    /** RESERVED: create admitted, no port yet; ALLOCATED: a port, inactive; ACTIVE: activated. */
    private enum State { RESERVED, ALLOCATED, ACTIVE }

    /** One VLAN id in use on the adapter; guarded by the port thread's lock. */
    private static final class Slot {
        final int vlanId;
        State state = State.RESERVED;
        Vlan vlan;
        boolean deleting;
        boolean stuck;

        Slot(int vlanId) {
            this.vlanId = vlanId;
        }
    }

    private final NdisMiniportHandle handle;
    private final ReceiveFence fence;
    private final PortThread thread;
    private final Map<Integer, Slot> slots = new HashMap<>();
    private volatile VlanTable table = VlanTable.EMPTY;

    VlanPorts(NdisMiniportHandle handle, ReceiveFence fence) {
        this.handle = handle;
        this.fence = fence;
        this.thread = new PortThread(handle, this::flush);
    }

    /** The current snapshot, for the data path. */
    VlanTable table() {
        return table;
    }

    /** OID_SAMPLE_CREATE_VLAN_PORT (see {@link Ne2000Miniport#OID_SAMPLE_CREATE_VLAN_PORT}). */
    NdisStatus create(OidRequest request) {
        NdisStatus refused = checkSet(request);
        if (refused != null) {
            return refused;
        }
        int vlanId = (Integer) request.informationBuffer();
        if (!VlanTag.isValidId(vlanId)) {
            return NdisStatus.INVALID_DATA;
        }
        Slot slot = new Slot(vlanId);
        synchronized (thread) {
            if (thread.closed()) {
                return NdisStatus.CLOSING;
            }
            if (slots.putIfAbsent(vlanId, slot) != null) {
                return NdisStatus.INVALID_DATA;
            }
            if (thread.mayPend()) {
                return thread.pend(request, () -> allocate(slot, request));
            }
        }
        NdisStatus status = allocate(slot, request);
        thread.schedule();
        return status;
    }

    /** OID_SAMPLE_DELETE_VLAN_PORT (see {@link Ne2000Miniport#OID_SAMPLE_DELETE_VLAN_PORT}). */
    NdisStatus delete(OidRequest request) {
        NdisStatus refused = checkSet(request);
        if (refused != null) {
            return refused;
        }
        int port = (Integer) request.informationBuffer();
        synchronized (thread) {
            if (thread.closed()) {
                return NdisStatus.CLOSING;
            }
            Slot slot = slots.values().stream().filter(s -> s.vlan != null && s.vlan.port() == port && !s.deleting)
                    .findFirst().orElse(null);
            if (slot == null) {
                return NdisStatus.INVALID_DATA;
            }
            slot.deleting = true;
            publish();
            request.bytesRead(Integer.BYTES);
            if (thread.mayPend()) {
                return thread.pend(request, this::deleteAccepted);
            }
        }
        thread.schedule();
        return NdisStatus.SUCCESS;
    }

    /**
     * MiniportHaltEx: stops the port thread (queued work completes its OID with CLOSING), then
     * deactivates every active VLAN port in one event and frees them all (R40).
     */
    void close() {
        thread.close();
        List<Slot> active;
        List<Slot> allocated;
        synchronized (thread) {
            slots.values().forEach(s -> s.deleting = true);
            publish();
            active = select(s -> s.state == State.ACTIVE);
            allocated = select(s -> s.state != State.RESERVED);
        }
        if (!active.isEmpty()) {
            fence.await();
            NdisStatus deactivated = handle.netPnPEvent(NetPnPEventNotification.portDeactivation(ports(active)));
            if (deactivated != NdisStatus.SUCCESS) {
                LOG.log(Level.WARNING, "{0}: VLAN ports not deactivated at halt ({1}); left to the runtime",
                        handle.adapterName(), deactivated);
                allocated = allocated.stream().filter(s -> !active.contains(s)).toList();
            }
        }
        allocated.forEach(s -> handle.freePort(s.vlan.port()));
        synchronized (thread) {
            slots.clear();
            publish();
        }
    }

    /** Type, port and buffer of a create or delete request; null when they are acceptable. */
    private static NdisStatus checkSet(OidRequest request) {
        if (request.requestType() != OidRequestType.SET_INFORMATION || request.portNumber() != 0) {
            return NdisStatus.NOT_SUPPORTED;
        }
        if (Integer.compareUnsigned(request.informationBufferLength(), Integer.BYTES) < 0) {
            request.bytesNeeded(Integer.BYTES);
            return NdisStatus.BUFFER_TOO_SHORT;
        }
        return request.informationBuffer() instanceof Integer ? null : NdisStatus.INVALID_DATA;
    }

    /** NdisMAllocatePort for an admitted create; on success the port number goes back in the request. */
    private NdisStatus allocate(Slot slot, OidRequest request) {
        synchronized (thread) {
            AllocatePortResult result = thread.closed() ? AllocatePortResult.failed(NdisStatus.CLOSING)
                    : handle.allocatePort(PortCharacteristics.forAllocation(PortType.UNDEFINED));
            if (!result.succeeded()) {
                slots.remove(slot.vlanId);
                return result.status();
            }
            slot.vlan = new Vlan(result.portNumber(), slot.vlanId);
            slot.state = State.ALLOCATED;
            publish();
        }
        request.informationBuffer(slot.vlan.port());
        request.bytesRead(Integer.BYTES);
        request.bytesWritten(Integer.BYTES);
        return NdisStatus.SUCCESS;
    }

    private NdisStatus deleteAccepted() {
        synchronized (thread) {
            return thread.closed() ? NdisStatus.CLOSING : NdisStatus.SUCCESS;
        }
    }

    /**
     * On the port thread: raises what completed OIDs left to do, one step at a time (deactivate, free,
     * activate), and stops as soon as an OID is pended; that OID's task calls this again.
     */
    private void flush() {
        while (true) {
            List<Slot> deactivate;
            List<Slot> free;
            List<Slot> activate;
            synchronized (thread) {
                deactivate = select(s -> s.state == State.ACTIVE && s.deleting && !s.stuck);
                free = select(s -> s.state == State.ALLOCATED && s.deleting);
                activate = select(s -> s.state == State.ALLOCATED && !s.deleting);
                if (deactivate.isEmpty() && free.isEmpty() && activate.isEmpty() || !thread.beginRaising()) {
                    return;
                }
            }
            try {
                if (!deactivate.isEmpty()) {
                    deactivate(deactivate);
                } else if (!free.isEmpty()) {
                    free(free);
                } else {
                    activate(activate);
                }
            } finally {
                thread.endRaising();
            }
        }
    }

    /**
     * Their receive mapping went when the delete was admitted; a pass still using it ends first (R31).
     * Ports whose deactivation fails are left to halt.
     */
    private void deactivate(List<Slot> targets) {
        fence.await();
        NdisStatus status = handle.netPnPEvent(NetPnPEventNotification.portDeactivation(ports(targets)));
        synchronized (thread) {
            if (status == NdisStatus.SUCCESS) {
                targets.forEach(s -> s.state = State.ALLOCATED);
            } else {
                LOG.log(Level.WARNING, "{0}: deactivating VLAN ports failed: {1}", handle.adapterName(), status);
                targets.forEach(s -> s.stuck = true);
            }
        }
    }

    private void free(List<Slot> targets) {
        for (Slot s : targets) {
            handle.freePort(s.vlan.port());
        }
        synchronized (thread) {
            targets.forEach(s -> slots.remove(s.vlanId));
            publish();
        }
    }

    /** One event for every port waiting; receive on them starts only once it has returned (R18). */
    private void activate(List<Slot> targets) {
        NdisStatus status = handle.netPnPEvent(NetPnPEventNotification.portActivation(ports(targets)));
        if (status == NdisStatus.SUCCESS) {
            synchronized (thread) {
                targets.forEach(s -> s.state = State.ACTIVE);
                publish();
            }
            return;
        }
        LOG.log(Level.WARNING, "{0}: activating VLAN ports failed: {1}; freeing them", handle.adapterName(), status);
        free(targets);
    }

    private List<Slot> select(Predicate<Slot> condition) {
        return slots.values().stream().filter(condition).toList();
    }

    private static int[] ports(List<Slot> targets) {
        return targets.stream().mapToInt(s -> s.vlan.port()).sorted().toArray();
    }

    /** Called with the lock held after every change the data path must see. */
    private void publish() {
        List<Vlan> sending = new ArrayList<>();
        List<Vlan> receiving = new ArrayList<>();
        for (Slot s : slots.values()) {
            if (s.vlan != null) {
                sending.add(s.vlan);
                if (s.state == State.ACTIVE && !s.deleting) {
                    receiving.add(s.vlan);
                }
            }
        }
        table = new VlanTable(sending, receiving);
    }
}
