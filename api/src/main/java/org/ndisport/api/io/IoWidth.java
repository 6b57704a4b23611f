package org.ndisport.api.io;

/** Width of one raw port access (spec §5.3). */
public enum IoWidth {
    /** 8 bits: the {@code Uchar} calls. */
    BYTE(1),
    /** 16 bits: the {@code Ushort} calls. */
    WORD(2),
    /** 32 bits: the {@code Ulong} calls. */
    DWORD(4);

    private final int bytes;

    IoWidth(int bytes) {
        this.bytes = bytes;
    }

    /** Bytes covered by one access. */
    public int bytes() {
        return bytes;
    }

    /** The value read when nothing answers: all ones for this width. */
    public int allOnes() {
        return this == DWORD ? 0xFFFFFFFF : (1 << (8 * bytes)) - 1;
    }
}
