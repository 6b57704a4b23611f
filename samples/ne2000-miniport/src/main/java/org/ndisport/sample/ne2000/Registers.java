package org.ndisport.sample.ne2000;

/** DP8390 register offsets and bits, and the NE2000's memory layout, as the data sheet names them. */
final class Registers {
    static final int CR = 0x00;
    static final int PSTART = 0x01;
    static final int PSTOP = 0x02;
    static final int BNRY = 0x03;
    static final int TPSR = 0x04;
    static final int TBCR0 = 0x05;
    static final int TBCR1 = 0x06;
    static final int ISR = 0x07;
    static final int RSAR0 = 0x08;
    static final int RSAR1 = 0x09;
    static final int RBCR0 = 0x0A;
    static final int RBCR1 = 0x0B;
    static final int RCR = 0x0C;
    static final int TCR = 0x0D;
    static final int DCR = 0x0E;
    static final int IMR = 0x0F;
    static final int PAR0 = 0x01;
    static final int CURR = 0x07;
    static final int MAR0 = 0x08;
    static final int DATA = 0x10;
    static final int RESET = 0x1F;
    static final int IO_LENGTH = 0x20;

    static final int CR_STOP = 0x01;
    static final int CR_START = 0x02;
    static final int CR_TXP = 0x04;
    static final int CR_READ = 0x08;
    static final int CR_WRITE = 0x10;
    static final int CR_NODMA = 0x20;
    static final int CR_PAGE0 = 0x00;
    static final int CR_PAGE1 = 0x40;

    static final int ISR_PRX = 0x01;
    static final int ISR_PTX = 0x02;
    static final int ISR_RXE = 0x04;
    static final int ISR_TXE = 0x08;
    static final int ISR_OVW = 0x10;
    static final int ISR_RDC = 0x40;
    static final int ISR_RST = 0x80;
    static final int IMR_ENABLED = ISR_PRX | ISR_PTX | ISR_RXE | ISR_TXE | ISR_OVW;

    static final int DCR_BYTE = 0x48;
    static final int DCR_WORD = 0x49;
    static final int RCR_BROADCAST = 0x04;
    static final int RCR_MONITOR = 0x20;
    static final int TCR_NORMAL = 0x00;
    static final int TCR_LOOPBACK = 0x02;

    static final int TX_PAGE = 0x40;
    static final int RX_START = 0x46;
    static final int RX_STOP = 0x80;
    static final int PROM_BYTES = 32;
    static final int SIGNATURE = 0x57;
    static final int MIN_FRAME = 60;
    static final int MAX_FRAME = 1514;
    static final int FCS = 4;

    private Registers() {
    }
}
