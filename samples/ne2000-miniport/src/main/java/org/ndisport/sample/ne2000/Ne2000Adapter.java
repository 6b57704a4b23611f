package org.ndisport.sample.ne2000;

import static org.ndisport.sample.ne2000.Registers.*;

import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicLong;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.data.NetBufferList;
import org.ndisport.api.io.IoPortRange;
import org.ndisport.api.io.IoPortRangeResult;
import org.ndisport.api.miniport.HaltAction;
import org.ndisport.api.miniport.InterruptRecognition;
import org.ndisport.api.miniport.MiniportInitParameters;
import org.ndisport.api.miniport.MiniportInterrupt;
import org.ndisport.api.miniport.NdisMiniportHandle;

/**
 * One NE2000 adapter: probe, claim and bring-up in initialize (releasing everything on each failure,
 * R65, R71), a send queue transmitting one frame at a time, and an interrupt handler whose DPC drains
 * the receive ring into pooled lists indicated on the default port and completes sends.
 */
final class Ne2000Adapter implements MiniportInterrupt {
    private static final int POOL_SIZE = 64;

    private final NdisMiniportHandle handle;
    private final ReceivePool pool = new ReceivePool(POOL_SIZE, MAX_FRAME + FCS);
    private final ArrayDeque<NetBufferList> sendQueue = new ArrayDeque<>();
    private final byte[] header = new byte[4];
    private final AtomicLong dropped = new AtomicLong();
    private CardIo io;
    private byte[] mac;
    private long portOffset = -1;
    private volatile boolean interruptRegistered;
    private volatile boolean halting;
    private NetBufferList transmitting;
    private int dpcStatus;
    private NetBufferList received;
    private int receivedCount;

    Ne2000Adapter(NdisMiniportHandle handle) {
        this.handle = handle;
    }

    byte[] mac() {
        return mac.clone();
    }

    long droppedFrames() {
        return dropped.get();
    }

    /** MiniportInitializeEx after the registration attributes. */
    NdisStatus initialize(MiniportInitParameters parameters) {
        IoPortRange resources = parameters.ioResources().stream().filter(r -> r.count() >= IO_LENGTH).findFirst()
                .orElse(null);
        if (resources == null) {
            return NdisStatus.RESOURCES;
        }
        io = new CardIo(handle, resources.base());
        if (io.read(CR) == 0xFF) {
            return NdisStatus.ADAPTER_NOT_FOUND;
        }
        IoPortRangeResult claim = handle.registerIoPortRange(resources.base(), IO_LENGTH);
        if (claim.status() != NdisStatus.SUCCESS) {
            return claim.status();
        }
        portOffset = claim.portOffset();
        NdisStatus status = bringUp();
        if (status != NdisStatus.SUCCESS) {
            release(true);
        }
        return status;
    }

    /** MiniportHaltEx: a card that is gone is not touched, only released. */
    void halt(HaltAction action) {
        halting = true;
        if (action != HaltAction.DEVICE_SURPRISE_REMOVED && interruptRegistered) {
            handle.synchronizeWithInterrupt(() -> {
                io.stop();
                return true;
            });
        }
        release(false);
        NetBufferList l;
        while ((l = nextQueued()) != null) {
            l.status(NdisStatus.CLOSING);
            handle.sendNetBufferListsComplete(l, 0);
        }
    }

    /** MiniportSendNetBufferLists: only the default port exists on this card. */
    void send(NetBufferList lists, int portNumber) {
        NetBufferList next;
        for (NetBufferList l = lists; l != null; l = next) {
            next = l.next();
            l.next(null);
            if (portNumber != 0 || l.length() < 14 || l.length() > MAX_FRAME) {
                l.status(portNumber != 0 ? NdisStatus.INVALID_PORT : NdisStatus.INVALID_PARAMETER);
                handle.sendNetBufferListsComplete(l, 0);
            } else {
                synchronized (sendQueue) {
                    sendQueue.addLast(l);
                }
            }
        }
        startTransmit();
    }

    /** MiniportReturnNetBufferLists. */
    void returned(NetBufferList lists) {
        NetBufferList next;
        for (NetBufferList l = lists; l != null; l = next) {
            next = l.next();
            pool.give(l);
        }
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
                more = handle.synchronizeWithInterrupt(this::drainRing);
                indicateReceived();
            } while (more && pool.available() > 0 && !halting);
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

    private void indicateReceived() {
        if (received != null) {
            NetBufferList chain = received;
            int count = receivedCount;
            received = null;
            receivedCount = 0;
            handle.indicateReceiveNetBufferLists(chain, 0, count, 0);
        }
    }

    /**
     * Pulls frames from the ring into pooled lists until the ring is empty (false) or the pool is (true:
     * the rest stays in the ring for the next round, once lists come back).
     */
    private boolean drainRing() {
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
            if (next < RX_START || next >= RX_STOP || length < 14 || length > MAX_FRAME) {
                pool.give(l);
                io.write(BNRY, curr == RX_START ? RX_STOP - 1 : curr - 1);
                dropped.incrementAndGet();
                return false;
            }
            io.remoteRead((page << 8) + 4, l.data(), 0, length);
            l.frame(l.data(), 0, length);
            if (tail == null) {
                received = l;
            } else {
                tail.next(l);
            }
            tail = l;
            receivedCount++;
            io.write(BNRY, next == RX_START ? RX_STOP - 1 : next - 1);
        }
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
        if (!interruptRegistered || !handle.synchronizeWithInterrupt(() -> {
            io.transmit(l.data(), l.offset(), l.length());
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
            l.status(status);
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
