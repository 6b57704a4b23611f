package org.ndisport.sample.ne2000;

import static org.ndisport.sample.ne2000.Registers.*;

import java.util.ArrayDeque;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.data.NetBufferList;
import org.ndisport.api.io.IoPortRange;
import org.ndisport.api.io.IoPortRangeResult;
import org.ndisport.api.miniport.HaltAction;
import org.ndisport.api.miniport.InterruptRecognition;
import org.ndisport.api.miniport.MiniportInitParameters;
import org.ndisport.api.miniport.MiniportInterrupt;
import org.ndisport.api.miniport.NdisMiniportHandle;
import org.ndisport.sample.ne2000.VlanTable.Vlan;

/**
 * One NE2000 adapter: probe, claim and bring-up in initialize (releasing everything on each failure,
 * R65, R71), a send queue transmitting one frame at a time (802.1Q-tagged for a VLAN port), and an
 * interrupt handler whose DPC completes sends and lets the {@link Receiver} drain the ring. Its VLAN
 * ports are kept by {@link VlanPorts}.
 */
final class Ne2000Adapter implements MiniportInterrupt {
    private final NdisMiniportHandle handle;
    private final VlanPorts vlans;
    private final Receiver receiver;
    private final byte[] tagged = new byte[VlanTag.MAX_TAGGED_FRAME];
    private final ArrayDeque<NetBufferList> sendQueue = new ArrayDeque<>();
    private CardIo io;
    private byte[] mac;
    private long portOffset = -1;
    private volatile boolean interruptRegistered;
    private volatile boolean halting;
    private NetBufferList transmitting;
    private int dpcStatus;

    Ne2000Adapter(NdisMiniportHandle handle) {
        this.handle = handle;
        ReceiveFence fence = new ReceiveFence();
        this.vlans = new VlanPorts(handle, fence);
        this.receiver = new Receiver(handle, vlans, fence);
    }

    VlanPorts vlans() {
        return vlans;
    }

    byte[] mac() {
        return mac.clone();
    }

    long droppedFrames() {
        return receiver.droppedFrames();
    }

    /** MiniportInitializeEx after the registration attributes. */
    NdisStatus initialize(MiniportInitParameters parameters) {
        IoPortRange resources = parameters.ioResources().stream().filter(r -> r.count() >= IO_LENGTH).findFirst()
                .orElse(null);
        if (resources == null) {
            return NdisStatus.RESOURCES;
        }
        io = new CardIo(handle, resources.base());
        if (handle.immediateReadPortUchar(resources.base() + CR) == 0xFF) {
            return NdisStatus.ADAPTER_NOT_FOUND;
        }
        IoPortRangeResult claim = handle.registerIoPortRange(resources.base(), IO_LENGTH);
        if (claim.status() != NdisStatus.SUCCESS) {
            return claim.status();
        }
        portOffset = claim.portOffset();
        NdisStatus status = bringUp();
        if (status != NdisStatus.SUCCESS) {
            vlans.close();
            release(true);
        }
        return status;
    }

    /**
     * MiniportHaltEx: the VLAN ports go first (deactivated and freed, R40, also on a surprise removal:
     * they are runtime objects, not hardware); a card that is gone is not touched, only released.
     */
    void halt(HaltAction action) {
        halting = true;
        vlans.close();
        if (action != HaltAction.DEVICE_SURPRISE_REMOVED && interruptRegistered) {
            handle.synchronizeWithInterrupt(() -> {
                io.stop();
                return true;
            });
        }
        release(false);
        NetBufferList l;
        while ((l = nextQueued()) != null) {
            l.status(NdisStatus.CLOSING).miniportReserved(null);
            handle.sendNetBufferListsComplete(l, 0);
        }
    }

    /**
     * MiniportSendNetBufferLists: untagged on the default port, tagged on a VLAN port (the tagged frame,
     * at most 1518 bytes, fits the card's 1536); any other port is INVALID_PORT.
     */
    void send(NetBufferList lists, int portNumber) {
        Vlan vlan = portNumber == 0 ? null : vlans.table().sending(portNumber);
        NetBufferList next;
        for (NetBufferList l = lists; l != null; l = next) {
            next = l.next();
            l.next(null);
            if ((portNumber != 0 && vlan == null) || l.length() < 14 || l.length() > MAX_FRAME) {
                l.status(portNumber != 0 && vlan == null ? NdisStatus.INVALID_PORT : NdisStatus.INVALID_PARAMETER);
                handle.sendNetBufferListsComplete(l, 0);
            } else {
                l.miniportReserved(vlan);
                synchronized (sendQueue) {
                    sendQueue.addLast(l);
                }
            }
        }
        startTransmit();
    }

    /** MiniportReturnNetBufferLists. */
    void returned(NetBufferList lists) {
        receiver.returned(lists);
    }

    @Override
    public InterruptRecognition isr(NdisMiniportHandle h) {
        if ((io.read(ISR) & IMR_ENABLED) == 0) {
            return InterruptRecognition.NOT_RECOGNIZED;
        }
        io.write(IMR, 0);
        return InterruptRecognition.RECOGNIZED_QUEUE_DPC;
    }

    @Override
    public void dpc(NdisMiniportHandle h) {
        handle.synchronizeWithInterrupt(this::acknowledge);
        if ((dpcStatus & (ISR_PTX | ISR_TXE)) != 0) {
            completeTransmit((dpcStatus & ISR_PTX) != 0 ? NdisStatus.SUCCESS : NdisStatus.FAILURE);
        }
        if ((dpcStatus & (ISR_PRX | ISR_RXE | ISR_OVW)) != 0) {
            boolean more;
            do {
                more = receiver.pass(io);
            } while (more && receiver.canReceive() && !halting);
        }
        if (halting) {
            return;
        }
        startTransmit();
        handle.synchronizeWithInterrupt(() -> {
            io.write(IMR, IMR_ENABLED);
            return true;
        });
    }

    private NdisStatus bringUp() {
        if (!io.reset()) {
            return NdisStatus.FAILURE;
        }
        mac = io.readStationAddress();
        if (mac == null) {
            return NdisStatus.ADAPTER_NOT_FOUND;
        }
        io.start(mac);
        NdisStatus status = handle.registerInterrupt(this);
        if (status != NdisStatus.SUCCESS) {
            return status;
        }
        interruptRegistered = true;
        handle.synchronizeWithInterrupt(() -> {
            io.write(IMR, IMR_ENABLED);
            return true;
        });
        return NdisStatus.SUCCESS;
    }

    /** Gives back the interrupt and the range; on a failed bring-up the card is stopped first. */
    private void release(boolean stopCard) {
        if (interruptRegistered) {
            handle.deregisterInterrupt();
            interruptRegistered = false;
        }
        if (portOffset >= 0) {
            if (stopCard) {
                io.stop();
            }
            handle.deregisterIoPortRange(io.base(), IO_LENGTH, portOffset);
            portOffset = -1;
        }
    }

    private boolean acknowledge() {
        dpcStatus = io.read(ISR) & 0x7F;
        io.write(ISR, dpcStatus & ~ISR_RDC);
        return true;
    }

    private void startTransmit() {
        NetBufferList l;
        synchronized (sendQueue) {
            if (halting || transmitting != null || sendQueue.isEmpty()) {
                return;
            }
            l = sendQueue.pollFirst();
            transmitting = l;
        }
        Vlan vlan = (Vlan) l.miniportReserved();
        if (!interruptRegistered || !handle.synchronizeWithInterrupt(() -> {
            if (vlan == null) {
                io.transmit(l.data(), l.offset(), l.length());
            } else {
                io.transmit(tagged, 0, VlanTag.insert(l.data(), l.offset(), l.length(), vlan.vlanId(), tagged));
            }
            return true;
        })) {
            completeTransmit(NdisStatus.FAILURE);
        }
    }

    private void completeTransmit(NdisStatus status) {
        NetBufferList l;
        synchronized (sendQueue) {
            l = transmitting;
            transmitting = null;
        }
        if (l != null) {
            l.status(status).miniportReserved(null);
            handle.sendNetBufferListsComplete(l, 0);
        }
    }

    private NetBufferList nextQueued() {
        synchronized (sendQueue) {
            NetBufferList l = transmitting != null ? transmitting : sendQueue.pollFirst();
            transmitting = null;
            return l;
        }
    }
}
