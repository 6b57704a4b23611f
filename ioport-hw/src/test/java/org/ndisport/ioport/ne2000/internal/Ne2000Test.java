package org.ndisport.ioport.ne2000.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ndisport.api.io.IoWidth;
import org.ndisport.ioport.ethernet.internal.EthernetSegment;

/** The NE2000 register behaviour a data-sheet driver relies on. */
class Ne2000Test {
    private static final byte[] MAC_A = {0x02, 0, 0, 0, 0, 0x0A};
    private static final byte[] MAC_B = {0x02, 0, 0, 0, 0, 0x0B};
    private static final int RCR_BROADCAST = 0x04;

    private final EthernetSegment wire = new EthernetSegment("test");
    private final Ne2000 nicA = new Ne2000(Card.BASE, MAC_A, wire);
    private final Ne2000 nicB = new Ne2000(Card.BASE, MAC_B, wire);
    private final Card a = new Card(nicA);
    private final Card b = new Card(nicB);

    private static byte[] frame(byte[] to, byte[] from, int length, int seed) {
        byte[] f = new byte[length];
        System.arraycopy(to, 0, f, 0, 6);
        System.arraycopy(from, 0, f, 6, 6);
        f[12] = (byte) 0x88;
        f[13] = (byte) 0xB5;
        for (int i = 14; i < length; i++) {
            f[i] = (byte) (seed + i);
        }
        return f;
    }

    private void plugBoth() {
        nicA.plugIn();
        nicB.plugIn();
        a.init(MAC_A, Card.RX_START, Card.RX_STOP, RCR_BROADCAST);
        b.init(MAC_B, Card.RX_START, Card.RX_STOP, RCR_BROADCAST);
    }

    @Test
    @DisplayName("power-on and the reset port: CR reads 0x21 (stopped, DMA aborted), ISR.RST set, not 0xFF (probe)")
    void resetPort_stopsTheChip() {
        assertEquals(0x21, a.rd(0x00));
        a.init(MAC_A, Card.RX_START, Card.RX_STOP, 0);
        assertEquals(0x22, a.rd(0x00));
        assertEquals(0, a.rd(0x07) & 0x80);
        a.wr(Ne2000.RESET_PORT, 0);
        assertEquals(0x21, a.rd(0x00));
        assertEquals(0x80, a.rd(0x07) & 0x80);
    }

    @Test
    @DisplayName("address PROM through remote DMA: byte mode gives each MAC byte twice and the 0x57 signature; ISR.RDC at the end")
    void prom_byteMode() {
        a.wr(0x0E, 0x48);
        a.wr(0x08, 0);
        a.wr(0x09, 0);
        a.wr(0x0A, 32);
        a.wr(0x0B, 0);
        a.wr(0x00, 0x0A);
        byte[] prom = new byte[32];
        for (int i = 0; i < 32; i++) {
            prom[i] = (byte) nicA.read(Card.BASE + Ne2000.DATA_PORT, IoWidth.BYTE);
        }
        for (int i = 0; i < 6; i++) {
            assertEquals(MAC_A[i], prom[2 * i]);
            assertEquals(MAC_A[i], prom[2 * i + 1]);
        }
        assertEquals(0x57, prom[28] & 0xFF);
        assertEquals(0x57, prom[30] & 0xFF);
        assertEquals(0x40, a.rd(0x07) & 0x40);
    }

    @Test
    @DisplayName("address PROM in word mode: 16 words, each MAC byte in both halves")
    void prom_wordMode() {
        a.init(MAC_A, Card.RX_START, Card.RX_STOP, 0);
        byte[] prom = a.remoteRead(0, 32);
        for (int i = 0; i < 6; i++) {
            assertEquals(MAC_A[i], prom[2 * i]);
        }
    }

    @Test
    @DisplayName("transmit: the frame goes on the segment, the peer stores it in its ring with header; PTX in ISR and TSR, TXP clears")
    void transmit_reachesPeerRing() {
        plugBoth();
        byte[] f = frame(MAC_B, MAC_A, 100, 7);
        a.transmit(f);
        assertEquals(0x02, a.rd(0x07) & 0x02);
        assertEquals(0x01, a.rd(0x04) & 0x01);
        assertEquals(0, a.rd(0x00) & 0x04);
        assertEquals(0x01, b.rd(0x07) & 0x01);
        byte[] header = b.remoteRead(Card.RX_START + 1 << 8, 4);
        assertEquals(0x01, header[0] & 0x01);
        assertEquals(Card.RX_START + 2, header[1] & 0xFF);
        assertEquals(100 + 8, (header[2] & 0xFF) | (header[3] & 0xFF) << 8);
        assertArrayEquals(f, b.nextFrame(Card.RX_START, Card.RX_STOP));
        assertNull(b.nextFrame(Card.RX_START, Card.RX_STOP));
        assertNull(a.nextFrame(Card.RX_START, Card.RX_STOP));
        assertEquals(1, wire.frames());
    }

    @Test
    @DisplayName("receive ring wrap: a frame crossing PSTOP continues at PSTART and remote DMA reads it back in one transfer")
    void receiveRing_wraps() {
        nicA.plugIn();
        nicB.plugIn();
        a.init(MAC_A, Card.RX_START, Card.RX_STOP, 0);
        int stop = Card.RX_START + 6;
        b.init(MAC_B, Card.RX_START, stop, 0);
        for (int n = 0; n < 5; n++) {
            byte[] f = frame(MAC_B, MAC_A, 300, n);
            a.transmit(f);
            assertArrayEquals(f, b.nextFrame(Card.RX_START, stop), "frame " + n);
        }
        assertEquals(Card.RX_START + 5, b.curr());
    }

    @Test
    @DisplayName("ring overflow: a frame that does not fit is dropped with ISR.OVW and RST, counted in CNTR2; RST clears once BNRY moves")
    void receiveRing_overflow() {
        nicA.plugIn();
        nicB.plugIn();
        a.init(MAC_A, Card.RX_START, Card.RX_STOP, 0);
        b.init(MAC_B, Card.RX_START, Card.RX_START + 5, 0);
        a.transmit(frame(MAC_B, MAC_A, 600, 1));
        a.transmit(frame(MAC_B, MAC_A, 600, 2));
        assertEquals(0x90, b.rd(0x07) & 0x90);
        assertEquals(1, b.rd(0x0F));
        assertEquals(0, b.rd(0x0F));
        assertEquals((1 + 599) & 0xFF, b.nextFrame(Card.RX_START, Card.RX_START + 5)[599] & 0xFF);
        assertEquals(0x10, b.rd(0x07) & 0x90);
        assertNull(b.nextFrame(Card.RX_START, Card.RX_START + 5));
    }

    @Test
    @DisplayName("interrupt line: one edge when a masked-in status bit appears; none again until acknowledged or re-enabled")
    void interruptLine_edges() {
        plugBoth();
        AtomicInteger edges = new AtomicInteger();
        nicB.connectInterrupt(edges::incrementAndGet);
        b.wr(0x0F, 0x01);
        a.transmit(frame(MAC_B, MAC_A, 60, 1));
        assertEquals(1, edges.get());
        a.transmit(frame(MAC_B, MAC_A, 60, 2));
        assertEquals(1, edges.get());
        b.wr(0x0F, 0x00);
        b.wr(0x0F, 0x01);
        assertEquals(2, edges.get());
        b.wr(0x07, 0x01);
        assertEquals(0, b.rd(0x07) & 0x01);
        a.transmit(frame(MAC_B, MAC_A, 60, 3));
        assertEquals(3, edges.get());
        b.wr(0x07, 0xFF);
        a.transmit(frame(MAC_A, MAC_B, 60, 4));
        assertEquals(3, edges.get());
        nicB.connectInterrupt(null);
        a.transmit(frame(MAC_B, MAC_A, 60, 5));
        assertEquals(3, edges.get());
    }

    @Test
    @DisplayName("receive filter: other unicast dropped; broadcast only with RCR.AB; runts only with RCR.AR; promiscuous takes all")
    void receiveFilter() {
        nicA.plugIn();
        nicB.plugIn();
        a.init(MAC_A, Card.RX_START, Card.RX_STOP, 0);
        b.init(MAC_B, Card.RX_START, Card.RX_STOP, 0);
        byte[] other = {0x02, 0, 0, 0, 0, 0x0C};
        byte[] broadcast = {-1, -1, -1, -1, -1, -1};
        a.transmit(frame(other, MAC_A, 60, 1));
        a.transmit(frame(broadcast, MAC_A, 60, 2));
        a.transmit(frame(MAC_B, MAC_A, 40, 3));
        assertNull(b.nextFrame(Card.RX_START, Card.RX_STOP));
        b.wr(0x0C, 0x04 | 0x02);
        a.transmit(frame(broadcast, MAC_A, 60, 4));
        a.transmit(frame(MAC_B, MAC_A, 40, 5));
        assertEquals(60, b.nextFrame(Card.RX_START, Card.RX_STOP).length);
        assertEquals(40, b.nextFrame(Card.RX_START, Card.RX_STOP).length);
        b.wr(0x0C, 0x10);
        a.transmit(frame(other, MAC_A, 60, 6));
        assertEquals(60, b.nextFrame(Card.RX_START, Card.RX_STOP).length);
    }

    @Test
    @DisplayName("loopback (TCR.LB): the frame stays on the card and is received by itself, not by the segment")
    void loopback_staysOnCard() {
        plugBoth();
        a.wr(0x0D, 0x02);
        byte[] f = frame(MAC_A, MAC_A, 64, 9);
        a.transmit(f);
        assertArrayEquals(f, a.nextFrame(Card.RX_START, Card.RX_STOP));
        assertNull(b.nextFrame(Card.RX_START, Card.RX_STOP));
        assertEquals(0, wire.frames());
    }

    @Test
    @DisplayName("a stopped card neither receives nor transmits (TXP without STA)")
    void stoppedCard_silent() {
        plugBoth();
        b.wr(0x00, 0x21);
        a.transmit(frame(MAC_B, MAC_A, 60, 1));
        b.wr(0x00, 0x22);
        assertNull(b.nextFrame(Card.RX_START, Card.RX_STOP));
        a.wr(0x00, 0x21);
        a.wr(0x00, 0x24);
        assertEquals(1, wire.frames());
        assertEquals(0, a.rd(0x00) & 0x04);
    }

    @Test
    @DisplayName("multicast: accepted with RCR.AM only when the destination's hash bit is set in MAR0-7")
    void multicast_byHashBit() {
        nicA.plugIn();
        nicB.plugIn();
        a.init(MAC_A, Card.RX_START, Card.RX_STOP, 0);
        b.init(MAC_B, Card.RX_START, Card.RX_STOP, 0x08);
        byte[] group = {0x01, 0x00, 0x5E, 0x00, 0x00, 0x01};
        b.wr(0x00, 0x62);
        for (int i = 0; i < 8; i++) {
            b.wr(0x08 + i, 0x00);
        }
        b.wr(0x00, 0x22);
        a.transmit(frame(group, MAC_A, 60, 1));
        assertNull(b.nextFrame(Card.RX_START, Card.RX_STOP));
        b.wr(0x00, 0x62);
        for (int i = 0; i < 8; i++) {
            b.wr(0x08 + i, 0xFF);
        }
        b.wr(0x00, 0x22);
        a.transmit(frame(group, MAC_A, 60, 2));
        assertEquals(60, b.nextFrame(Card.RX_START, Card.RX_STOP).length);
        assertEquals(0x20, b.rd(0x0C) & 0x20);
    }

    @Test
    @DisplayName("receive ring: BNRY = CURR at initialization reads as empty, and the chip never fills the BNRY page")
    void receiveRing_bnryEqualsCurrIsEmpty() {
        nicA.plugIn();
        nicB.plugIn();
        a.init(MAC_A, Card.RX_START, Card.RX_STOP, 0);
        b.init(MAC_B, Card.RX_START, Card.RX_START + 4, 0);
        b.wr(0x03, Card.RX_START + 1);
        a.transmit(frame(MAC_B, MAC_A, 500, 1));
        assertEquals(0, b.rd(0x07) & 0x10);
        assertEquals(Card.RX_START + 3, b.curr());
        a.transmit(frame(MAC_B, MAC_A, 300, 2));
        assertEquals(0x10, b.rd(0x07) & 0x10);
        assertEquals(Card.RX_START + 3, b.curr());
    }
}
