package org.ndisport.sample.ne2000;

import static org.ndisport.sample.ne2000.Registers.*;

import java.util.concurrent.atomic.AtomicLong;
import org.ndisport.api.data.NetBufferList;
import org.ndisport.api.miniport.NdisMiniportHandle;
import org.ndisport.sample.ne2000.VlanTable.Vlan;

/**
 * The receive side of one adapter, driven by its DPC: pulls frames from the ring into pooled lists,
 * sends each to port 0 or, tag removed, to the activated VLAN port of its tag, drops the rest, and
 * indicates them per port. Reads the VLAN table without a lock; the fence marks each pass (R31).
 */
final class Receiver {
    private static final int POOL_SIZE = 64;

    private final NdisMiniportHandle handle;
    private final VlanPorts vlans;
    private final ReceiveFence fence;
    private final ReceivePool pool = new ReceivePool(POOL_SIZE, VlanTag.MAX_TAGGED_FRAME);
    private final byte[] header = new byte[4];
    private final AtomicLong dropped = new AtomicLong();
    private NetBufferList received;

    Receiver(NdisMiniportHandle handle, VlanPorts vlans, ReceiveFence fence) {
        this.handle = handle;
        this.vlans = vlans;
        this.fence = fence;
    }

    long droppedFrames() {
        return dropped.get();
    }

    /** True while the pool has a list to receive into. */
    boolean canReceive() {
        return pool.available() > 0;
    }

    /**
     * One pass: drains the ring inside {@code synchronizeWithInterrupt}, then indicates what it pulled.
     * True when frames were left in the ring for lack of lists.
     */
    boolean pass(CardIo io) {
        fence.enter();
        try {
            boolean more = handle.synchronizeWithInterrupt(() -> drainRing(io));
            indicateReceived();
            return more;
        } finally {
            fence.exit();
        }
    }

    /** MiniportReturnNetBufferLists. */
    void returned(NetBufferList lists) {
        NetBufferList next;
        for (NetBufferList l = lists; l != null; l = next) {
            next = l.next();
            pool.give(l);
        }
    }

    /**
     * Sets the received frame and the port it goes to (in MiniportReserved: null for port 0, else its
     * {@link Vlan}): untagged frames to port 0, tagged ones, tag removed, to the activated VLAN port of
     * their VLAN id. False for a frame no port takes: an unknown VLAN id, or untagged and too long.
     */
    static boolean classify(NetBufferList l, int length, VlanTable table) {
        byte[] data = l.data();
        int vlanId = VlanTag.vlanId(data, 0, length);
        Vlan vlan = vlanId < 0 ? null : table.receiving(vlanId);
        if (vlan != null) {
            l.frame(data, VlanTag.strip(data, 0), length - VlanTag.LENGTH).miniportReserved(vlan);
            return true;
        }
        l.frame(data, 0, length).miniportReserved(null);
        return vlanId < 0 && length <= MAX_FRAME;
    }

    /**
     * Pulls frames from the ring into pooled lists until the ring is empty (false) or the pool is (true:
     * the rest stays in the ring for the next round, once lists come back).
     */
    private boolean drainRing(CardIo io) {
        VlanTable table = vlans.table();
        NetBufferList tail = null;
        for (int curr = io.currentPage(); ; curr = io.currentPage()) {
            int page = io.read(BNRY) + 1;
            page = page >= RX_STOP ? RX_START : page;
            if (page == curr) {
                return false;
            }
            NetBufferList l = pool.take();
            if (l == null) {
                return true;
            }
            io.remoteRead(page << 8, header, 0, 4);
            int next = header[1] & 0xFF;
            int length = ((header[2] & 0xFF) | (header[3] & 0xFF) << 8) - 4 - FCS;
            if (next < RX_START || next >= RX_STOP || length < 14 || length > VlanTag.MAX_TAGGED_FRAME) {
                pool.give(l);
                io.write(BNRY, curr == RX_START ? RX_STOP - 1 : curr - 1);
                dropped.incrementAndGet();
                return false;
            }
            io.remoteRead((page << 8) + 4, l.data(), 0, length);
            io.write(BNRY, next == RX_START ? RX_STOP - 1 : next - 1);
            if (!classify(l, length, table)) {
                pool.give(l);
                dropped.incrementAndGet();
            } else {
                if (tail == null) {
                    received = l;
                } else {
                    tail.next(l);
                }
                tail = l;
            }
        }
    }

    /** One indication per run of consecutive lists for the same port, so each port sees its frames in order. */
    private void indicateReceived() {
        NetBufferList l = received;
        received = null;
        while (l != null) {
            Object vlan = l.miniportReserved();
            NetBufferList head = l;
            int count = 1;
            for (; l.next() != null && l.next().miniportReserved() == vlan; l = l.next()) {
                count++;
            }
            NetBufferList rest = l.next();
            l.next(null);
            handle.indicateReceiveNetBufferLists(head, vlan == null ? 0 : ((Vlan) vlan).port(), count, 0);
            l = rest;
        }
    }
}
