package org.ndisport.sample.ne2000;

import static org.ndisport.sample.ne2000.Registers.*;

import org.ndisport.api.miniport.NdisMiniportHandle;

/**
 * Register-level access to one NE2000 through the runtime's raw port calls: register reads and writes,
 * remote DMA through the data port (16-bit, with the buffer variants), reset and PROM. Every sequence
 * leaves the chip on register page 0. Callers serialize sequences with the interrupt
 * ({@code synchronizeWithInterrupt}) once it is registered; not thread safe on its own.
 */
final class CardIo {
    private static final int RESET_POLLS = 1000;
    private final NdisMiniportHandle handle;
    private final int base;
    private final short[] words = new short[(MAX_FRAME + FCS + 5) / 2 + 2];

    CardIo(NdisMiniportHandle handle, int base) {
        this.handle = handle;
        this.base = base;
    }

    int base() {
        return base;
    }

    int read(int register) {
        return handle.rawReadPortUchar(base + register);
    }

    void write(int register, int value) {
        handle.rawWritePortUchar(base + register, value & 0xFF);
    }

    /** Pulses the reset port and waits for ISR.RST; false when the card never reports it. */
    boolean reset() {
        write(RESET, read(RESET));
        for (int i = 0; i < RESET_POLLS; i++) {
            if ((read(ISR) & ISR_RST) != 0) {
                write(ISR, 0xFF);
                return true;
            }
        }
        return false;
    }

    /** The station address from the PROM (byte mode, every other byte); null without the NE2000 signature. */
    byte[] readStationAddress() {
        write(CR, CR_PAGE0 | CR_NODMA | CR_STOP);
        write(DCR, DCR_BYTE);
        setupRemote(0, PROM_BYTES);
        write(CR, CR_READ | CR_START);
        byte[] prom = new byte[PROM_BYTES];
        handle.rawReadPortBufferUchar(base + DATA, prom, 0, PROM_BYTES);
        write(ISR, ISR_RDC);
        if ((prom[28] & 0xFF) != SIGNATURE || (prom[30] & 0xFF) != SIGNATURE) {
            return null;
        }
        byte[] mac = new byte[6];
        for (int i = 0; i < 6; i++) {
            mac[i] = prom[2 * i];
        }
        return mac;
    }

    /** The data sheet's initialization, leaving the card started with the receiver on and interrupts masked. */
    void start(byte[] mac) {
        write(CR, CR_PAGE0 | CR_NODMA | CR_STOP);
        write(DCR, DCR_WORD);
        write(RBCR0, 0);
        write(RBCR1, 0);
        write(RCR, RCR_MONITOR);
        write(TCR, TCR_LOOPBACK);
        write(TPSR, TX_PAGE);
        write(PSTART, RX_START);
        write(BNRY, RX_START);
        write(PSTOP, RX_STOP);
        write(ISR, 0xFF);
        write(IMR, 0);
        write(CR, CR_PAGE1 | CR_NODMA | CR_STOP);
        for (int i = 0; i < 6; i++) {
            write(PAR0 + i, mac[i]);
        }
        for (int i = 0; i < 8; i++) {
            write(MAR0 + i, 0xFF);
        }
        write(CURR, RX_START + 1);
        write(CR, CR_PAGE0 | CR_NODMA | CR_START);
        write(TCR, TCR_NORMAL);
        write(RCR, RCR_BROADCAST);
    }

    /** Stops the chip and masks its interrupts (halt). */
    void stop() {
        write(CR, CR_PAGE0 | CR_NODMA | CR_STOP);
        write(IMR, 0);
        write(ISR, 0xFF);
    }

    /** Copies {@code length} bytes into card memory at {@code address} and starts transmitting them. */
    void transmit(byte[] frame, int offset, int length) {
        int padded = Math.max(length, MIN_FRAME);
        int n = (padded + 1) / 2;
        for (int i = 0; i < n; i++) {
            int lo = 2 * i < length ? frame[offset + 2 * i] & 0xFF : 0;
            int hi = 2 * i + 1 < length ? frame[offset + 2 * i + 1] & 0xFF : 0;
            words[i] = (short) (lo | hi << 8);
        }
        setupRemote(TX_PAGE << 8, 2 * n);
        write(CR, CR_WRITE | CR_START);
        handle.rawWritePortBufferUshort(base + DATA, words, 0, n);
        write(ISR, ISR_RDC);
        write(TPSR, TX_PAGE);
        write(TBCR0, padded);
        write(TBCR1, padded >>> 8);
        write(CR, CR_NODMA | CR_TXP | CR_START);
    }

    /** The page the chip writes the next received frame to. */
    int currentPage() {
        write(CR, CR_PAGE1 | CR_NODMA | CR_START);
        int curr = read(CURR);
        write(CR, CR_PAGE0 | CR_NODMA | CR_START);
        return curr;
    }

    /** Reads {@code length} bytes of card memory from {@code address} into {@code target}; remote DMA wraps the ring. */
    void remoteRead(int address, byte[] target, int offset, int length) {
        int n = (length + 1) / 2;
        setupRemote(address, 2 * n);
        write(CR, CR_READ | CR_START);
        handle.rawReadPortBufferUshort(base + DATA, words, 0, n);
        write(ISR, ISR_RDC);
        for (int i = 0; i < length; i++) {
            int w = words[i / 2];
            target[offset + i] = (byte) ((i & 1) == 0 ? w : w >>> 8);
        }
    }

    private void setupRemote(int address, int count) {
        write(RSAR0, address);
        write(RSAR1, address >>> 8);
        write(RBCR0, count);
        write(RBCR1, count >>> 8);
    }
}
