package org.ndisport.ioport.ne2000.internal;

import org.ndisport.api.io.IoWidth;

/** Programs an {@link Ne2000} register by register, as a data-sheet driver would, straight on the device. */
final class Card {
    static final int BASE = 0x300;
    static final int TX_PAGE = 0x40;
    static final int RX_START = 0x46;
    static final int RX_STOP = 0x80;

    final Ne2000 nic;

    Card(Ne2000 nic) {
        this.nic = nic;
    }

    int rd(int offset) {
        return nic.read(BASE + offset, IoWidth.BYTE);
    }

    void wr(int offset, int value) {
        nic.write(BASE + offset, IoWidth.BYTE, value);
    }

    /** Reset, then the data sheet's initialization order; the receiver accepts {@code rcr} frames. */
    Card init(byte[] mac, int ringStart, int ringStop, int rcr) {
        rd(Ne2000.RESET_PORT);
        wr(0x00, 0x21);
        wr(0x0E, 0x49);
        wr(0x0A, 0);
        wr(0x0B, 0);
        wr(0x0C, 0x20);
        wr(0x0D, 0x02);
        wr(0x04, TX_PAGE);
        wr(0x01, ringStart);
        wr(0x03, ringStart);
        wr(0x02, ringStop);
        wr(0x07, 0xFF);
        wr(0x0F, 0x00);
        wr(0x00, 0x61);
        for (int i = 0; i < 6; i++) {
            wr(0x01 + i, mac[i] & 0xFF);
        }
        wr(0x07, ringStart + 1);
        wr(0x00, 0x22);
        wr(0x0D, 0x00);
        wr(0x0C, rcr);
        return this;
    }

    void remoteWrite(int address, byte[] data) {
        wr(0x08, address & 0xFF);
        wr(0x09, address >>> 8);
        wr(0x0A, data.length & 0xFF);
        wr(0x0B, data.length >>> 8);
        wr(0x00, 0x12);
        for (int i = 0; i < data.length; i += 2) {
            int hi = i + 1 < data.length ? data[i + 1] & 0xFF : 0;
            nic.write(BASE + Ne2000.DATA_PORT, IoWidth.WORD, (data[i] & 0xFF) | hi << 8);
        }
    }

    byte[] remoteRead(int address, int length) {
        wr(0x08, address & 0xFF);
        wr(0x09, address >>> 8);
        wr(0x0A, length & 0xFF);
        wr(0x0B, length >>> 8);
        wr(0x00, 0x0A);
        byte[] out = new byte[length];
        for (int i = 0; i < length; i += 2) {
            int w = nic.read(BASE + Ne2000.DATA_PORT, IoWidth.WORD);
            out[i] = (byte) w;
            if (i + 1 < length) {
                out[i + 1] = (byte) (w >>> 8);
            }
        }
        return out;
    }

    void transmit(byte[] frame) {
        remoteWrite(TX_PAGE << 8, frame);
        wr(0x04, TX_PAGE);
        wr(0x05, frame.length & 0xFF);
        wr(0x06, frame.length >>> 8);
        wr(0x00, 0x26);
    }

    int curr() {
        wr(0x00, 0x62);
        int curr = rd(0x07);
        wr(0x00, 0x22);
        return curr;
    }

    /** The next frame of the ring (header and FCS stripped), advancing BNRY; null when the ring is empty. */
    byte[] nextFrame(int ringStart, int ringStop) {
        int page = rd(0x03) + 1;
        if (page >= ringStop) {
            page = ringStart;
        }
        if (page == curr()) {
            return null;
        }
        byte[] header = remoteRead(page << 8, 4);
        int count = (header[2] & 0xFF) | (header[3] & 0xFF) << 8;
        byte[] frame = remoteRead((page << 8) + 4, count - 8);
        int next = header[1] & 0xFF;
        wr(0x03, next == ringStart ? ringStop - 1 : next - 1);
        return frame;
    }
}
