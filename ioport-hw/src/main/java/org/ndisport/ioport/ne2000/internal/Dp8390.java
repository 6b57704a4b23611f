package org.ndisport.ioport.ne2000.internal;

import org.ndisport.api.io.InterruptSink;

/**
 * The National Semiconductor DP8390 network interface controller as an NE2000 wires it: the command
 * register and its three register pages, remote DMA into card memory, transmit from a buffer page,
 * receiving into the {@link ReceiveRing}, and the interrupt status and mask registers driving the
 * interrupt line (an edge each time a masked-in status bit appears). Every method holds the chip's lock.
 */
final class Dp8390 implements Dp8390Bits {
    private final CardMemory memory;
    private final ReceiveRing ring;
    private int cr = CR_STP | CR_RD_ABORT;
    private int tpsr;
    private int tbcr;
    private int isr = ISR_RST;
    private int imr;
    private int rsar;
    private int rbcr;
    private int rcr;
    private int tcr;
    private int dcr;
    private int tsr;
    private int rsr;
    private int ncr;
    private final int[] cntr = new int[3];
    private final AddressFilter filter = new AddressFilter();
    private int dmaAddress;
    private int dmaRemaining;
    private boolean transmitting;
    private boolean lineActive;
    private long missed;
    private InterruptSink sink;

    Dp8390(CardMemory memory) {
        this.memory = memory;
        this.ring = new ReceiveRing(memory);
    }

    synchronized void connect(InterruptSink value) {
        sink = value;
        lineActive = false;
        updateLine();
    }

    /** The reset port: the chip stops, aborts remote DMA and masks every interrupt; ISR.RST is set. */
    synchronized void reset() {
        cr = CR_STP | CR_RD_ABORT;
        isr = ISR_RST;
        imr = 0;
        dmaRemaining = 0;
        updateLine();
    }

    synchronized int readRegister(int offset) {
        if (offset == 0) {
            return cr;
        }
        return switch (cr >>> 6) {
            case 0 -> readPage0(offset);
            case 1 -> readPage1(offset);
            case 2 -> readPage2(offset);
            default -> 0xFF;
        };
    }

    /** Writes a register; true when the write started a transmission the caller must now carry out. */
    synchronized boolean writeRegister(int offset, int value) {
        int v = value & 0xFF;
        if (offset == 0) {
            return writeCommand(v);
        }
        switch (cr >>> 6) {
            case 0 -> writePage0(offset, v);
            case 1 -> writePage1(offset, v);
            default -> { }
        }
        return false;
    }

    /** One remote-DMA read through the data port, of one or two bytes. */
    synchronized int dataRead(int bytes) {
        if ((cr & CR_RD_MASK) != CR_RD_READ || dmaRemaining == 0) {
            return bytes == 2 ? 0xFFFF : 0xFF;
        }
        int value = 0;
        for (int i = 0; i < bytes && dmaRemaining > 0; i++) {
            value |= memory.read(dmaAddress) << (8 * i);
            advanceDma();
        }
        return value;
    }

    /** One remote-DMA write through the data port, of one or two bytes. */
    synchronized void dataWrite(int bytes, int value) {
        if ((cr & CR_RD_MASK) != CR_RD_WRITE || dmaRemaining == 0) {
            return;
        }
        for (int i = 0; i < bytes && dmaRemaining > 0; i++) {
            memory.write(dmaAddress, value >>> (8 * i));
            advanceDma();
        }
    }

    /** Frames dropped because the receive ring had no room, since power-on (CNTR2 saturates; this does not). */
    synchronized long missedFrames() {
        return missed;
    }

    /** Data-port transfers are words when DCR.WTS is set. */
    synchronized boolean wordTransfers() {
        return (dcr & DCR_WTS) != 0;
    }

    /** TCR selects a loopback mode: transmitted frames stay inside the chip. */
    synchronized boolean loopback() {
        return (tcr & TCR_LOOPBACK) != 0;
    }

    /** Copies the frame to transmit into {@code target}; -1 (and TXE) when it is longer than the target. */
    synchronized int frameToTransmit(byte[] target) {
        if (tbcr > target.length) {
            return -1;
        }
        memory.copyOut(tpsr << 8, target, tbcr);
        return tbcr;
    }

    /** The transmission is over: TSR and ISR report it, TXP clears. */
    synchronized void transmitDone(boolean sent) {
        transmitting = false;
        cr &= ~CR_TXP;
        tsr = sent ? TSR_PTX : TSR_ABT;
        isr |= sent ? ISR_PTX : ISR_TXE;
        updateLine();
    }

    /** A frame from the wire: filtered by RCR and the station address, stored in the receive ring. */
    synchronized void receive(byte[] frame, int length) {
        if ((cr & CR_STP) != 0 || (rcr & RCR_MON) != 0 || length < 6 || !filter.accepts(frame, rcr)
                || (length < MIN_FRAME && (rcr & RCR_AR) == 0)) {
            return;
        }
        int status = RSR_PRX | ((frame[0] & 1) != 0 ? RSR_PHY : 0);
        switch (ring.store(frame, length, status)) {
            case ReceiveRing.STORED -> {
                rsr = status;
                isr |= ISR_PRX;
            }
            case ReceiveRing.FULL -> {
                missed++;
                isr |= ISR_OVW | ISR_RST;
                count(2);
            }
            default -> { }
        }
        updateLine();
    }

    private boolean writeCommand(int v) {
        boolean startTransmit = false;
        if ((v & CR_STP) != 0) {
            cr = (cr & ~CR_STA) | CR_STP;
            isr |= ISR_RST;
        } else if ((v & CR_STA) != 0) {
            cr = (cr & ~CR_STP) | CR_STA;
            isr &= ~ISR_RST;
        }
        if ((v & CR_TXP) != 0 && (cr & CR_STA) != 0 && !transmitting) {
            transmitting = true;
            cr |= CR_TXP;
            startTransmit = true;
        }
        int rd = v & CR_RD_MASK;
        cr = (cr & (CR_STP | CR_STA | CR_TXP)) | rd | (v & 0xC0);
        if (rd == CR_RD_READ || rd == CR_RD_WRITE) {
            dmaAddress = rsar;
            dmaRemaining = rbcr;
            if (dmaRemaining == 0) {
                isr |= ISR_RDC;
            }
        } else {
            dmaRemaining = 0;
        }
        updateLine();
        return startTransmit;
    }

    private int readPage0(int offset) {
        return switch (offset) {
            case 0x01 -> 0;
            case 0x02 -> ring.curr;
            case 0x03 -> ring.bnry;
            case 0x04 -> tsr;
            case 0x05 -> ncr;
            case 0x07 -> isr;
            case 0x08 -> dmaAddress & 0xFF;
            case 0x09 -> dmaAddress >>> 8;
            case 0x0C -> rsr;
            case 0x0D, 0x0E, 0x0F -> takeCounter(offset - 0x0D);
            default -> 0xFF;
        };
    }

    private void writePage0(int offset, int v) {
        switch (offset) {
            case 0x01 -> ring.pstart = v;
            case 0x02 -> ring.pstop = v;
            case 0x03 -> {
                ring.bnry = v;
                if ((cr & CR_STA) != 0) {
                    isr &= ~ISR_RST;
                }
            }
            case 0x04 -> tpsr = v;
            case 0x05 -> tbcr = (tbcr & 0xFF00) | v;
            case 0x06 -> tbcr = (tbcr & 0x00FF) | (v << 8);
            case 0x07 -> isr &= ~(v & ~ISR_RST);
            case 0x08 -> rsar = (rsar & 0xFF00) | v;
            case 0x09 -> rsar = (rsar & 0x00FF) | (v << 8);
            case 0x0A -> rbcr = (rbcr & 0xFF00) | v;
            case 0x0B -> rbcr = (rbcr & 0x00FF) | (v << 8);
            case 0x0C -> rcr = v & 0x3F;
            case 0x0D -> tcr = v & 0x1F;
            case 0x0E -> dcr = v & 0x7F;
            case 0x0F -> imr = v & 0x7F;
            default -> { }
        }
        updateLine();
    }

    private int readPage1(int offset) {
        return offset == 7 ? ring.curr : filter.read(offset);
    }

    private void writePage1(int offset, int v) {
        if (offset == 7) {
            ring.curr = v;
        } else {
            filter.write(offset, v);
        }
    }

    private int readPage2(int offset) {
        return switch (offset) {
            case 0x01 -> ring.pstart;
            case 0x02 -> ring.pstop;
            case 0x03 -> ring.bnry;
            case 0x04 -> tpsr;
            case 0x05 -> ring.curr;
            case 0x06 -> dmaAddress >>> 8;
            case 0x07 -> dmaAddress & 0xFF;
            case 0x0C -> rcr | 0xC0;
            case 0x0D -> tcr | 0xE0;
            case 0x0E -> dcr | 0x80;
            case 0x0F -> imr | 0x80;
            default -> 0xFF;
        };
    }

    /** Remote DMA wraps from PSTOP back to PSTART, so a host reads a ring-wrapped frame in one transfer. */
    private void advanceDma() {
        dmaAddress = ring.after(dmaAddress);
        if (--dmaRemaining == 0) {
            isr |= ISR_RDC;
            updateLine();
        }
    }

    private int takeCounter(int i) {
        int v = cntr[i];
        cntr[i] = 0;
        return v;
    }

    private void count(int i) {
        cntr[i] = Math.min(0xFF, cntr[i] + 1);
        if (cntr[i] >= 0x80) {
            isr |= ISR_CNT;
        }
    }

    private void updateLine() {
        boolean active = (isr & imr & 0x7F) != 0;
        if (active && !lineActive && sink != null) {
            sink.interrupt();
        }
        lineActive = active;
    }
}
