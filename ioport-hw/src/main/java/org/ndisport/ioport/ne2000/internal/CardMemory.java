package org.ndisport.ioport.ne2000.internal;

/**
 * The NE2000's local memory as the DP8390's remote DMA sees it: the station address PROM at
 * 0x0000-0x001F (each byte doubled, as word-wide cards wire it; bytes 14 and 15 hold the NE2000
 * signature 0x57) and 16 KiB of buffer RAM at 0x4000-0x7FFF (pages 0x40-0x7F). Other addresses read
 * 0xFF and ignore writes. Guarded by the chip's lock.
 */
final class CardMemory {
    static final int PROM_SIZE = 32;
    static final int RAM_START = 0x4000;
    static final int RAM_END = 0x8000;
    static final int NE2000_SIGNATURE = 0x57;

    private final byte[] prom = new byte[PROM_SIZE];
    private final byte[] ram = new byte[RAM_END - RAM_START];

    CardMemory(byte[] mac) {
        for (int i = 0; i < 6; i++) {
            prom[2 * i] = mac[i];
            prom[2 * i + 1] = mac[i];
        }
        for (int i = 28; i < PROM_SIZE; i++) {
            prom[i] = (byte) NE2000_SIGNATURE;
        }
    }

    int read(int address) {
        int a = address & 0xFFFF;
        if (a < PROM_SIZE) {
            return prom[a] & 0xFF;
        }
        return a >= RAM_START && a < RAM_END ? ram[a - RAM_START] & 0xFF : 0xFF;
    }

    void write(int address, int value) {
        int a = address & 0xFFFF;
        if (a >= RAM_START && a < RAM_END) {
            ram[a - RAM_START] = (byte) value;
        }
    }

    /** Copies {@code length} bytes from {@code address} (no ring wrap) into {@code target}. */
    void copyOut(int address, byte[] target, int length) {
        for (int i = 0; i < length; i++) {
            target[i] = (byte) read(address + i);
        }
    }
}
