package org.ndisport.ioport.ne2000.internal;

/** DP8390 register bits as the data sheet names them, and the frame limits of the emulation. */
interface Dp8390Bits {
    int CR_STP = 0x01;
    int CR_STA = 0x02;
    int CR_TXP = 0x04;
    int CR_RD_READ = 0x08;
    int CR_RD_WRITE = 0x10;
    int CR_RD_ABORT = 0x20;
    int CR_RD_MASK = 0x38;
    int ISR_PRX = 0x01;
    int ISR_PTX = 0x02;
    int ISR_TXE = 0x08;
    int ISR_OVW = 0x10;
    int ISR_CNT = 0x20;
    int ISR_RDC = 0x40;
    int ISR_RST = 0x80;
    int RCR_AR = 0x02;
    int RCR_AB = 0x04;
    int RCR_AM = 0x08;
    int RCR_PRO = 0x10;
    int RCR_MON = 0x20;
    int TCR_LOOPBACK = 0x06;
    int DCR_WTS = 0x01;
    int RSR_PRX = 0x01;
    int RSR_PHY = 0x20;
    int TSR_PTX = 0x01;
    int TSR_ABT = 0x08;
    int MIN_FRAME = 60;
    int MAX_FRAME = 1536;
}
