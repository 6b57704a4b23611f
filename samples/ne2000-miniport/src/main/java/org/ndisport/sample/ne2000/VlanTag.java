package org.ndisport.sample.ne2000;

/**
 * IEEE 802.1Q tags on Ethernet frames: the four bytes (TPID 0x8100, then the TCI: priority, DEI and the
 * 12-bit VLAN id) that follow the two MAC addresses. Reading, inserting and stripping allocate nothing.
 */
final class VlanTag {
    /** The tag protocol identifier of a C-VLAN tag. */
    static final int TPID = 0x8100;
    /** Bytes a tag adds to a frame. */
    static final int LENGTH = 4;
    /** The lowest VLAN id a port can carry (0 marks a priority tag). */
    static final int MIN_ID = 1;
    /** The highest VLAN id a port can carry (0xFFF is reserved). */
    static final int MAX_ID = 4094;
    /** The longest tagged frame: the longest untagged one plus the tag. */
    static final int MAX_TAGGED_FRAME = Registers.MAX_FRAME + LENGTH;
    private static final int ADDRESSES = 12;
    private static final int MIN_TAGGED_FRAME = ADDRESSES + LENGTH + 2;

    private VlanTag() {
    }

    /** True for a VLAN id a port can carry, 1..4094. */
    static boolean isValidId(int vlanId) {
        return vlanId >= MIN_ID && vlanId <= MAX_ID;
    }

    /** The VLAN id of a tagged frame, or -1 for an untagged frame or one too short to hold a tag and a type. */
    static int vlanId(byte[] frame, int offset, int length) {
        if (length < MIN_TAGGED_FRAME || (frame[offset + ADDRESSES] & 0xFF) != TPID >>> 8
                || (frame[offset + ADDRESSES + 1] & 0xFF) != (TPID & 0xFF)) {
            return -1;
        }
        return (frame[offset + ADDRESSES + 2] & 0x0F) << 8 | frame[offset + ADDRESSES + 3] & 0xFF;
    }

    /**
     * Copies an untagged frame into {@code target} from index 0 with a tag of priority 0 for
     * {@code vlanId} after the MAC addresses; returns the tagged length ({@code length + 4}).
     */
    static int insert(byte[] frame, int offset, int length, int vlanId, byte[] target) {
        System.arraycopy(frame, offset, target, 0, ADDRESSES);
        target[ADDRESSES] = (byte) (TPID >>> 8);
        target[ADDRESSES + 1] = (byte) TPID;
        target[ADDRESSES + 2] = (byte) (vlanId >>> 8 & 0x0F);
        target[ADDRESSES + 3] = (byte) vlanId;
        System.arraycopy(frame, offset + ADDRESSES, target, ADDRESSES + LENGTH, length - ADDRESSES);
        return length + LENGTH;
    }

    /**
     * Removes the tag of the frame at {@code offset} in place by moving the MAC addresses over it; the
     * untagged frame starts at the returned offset and is four bytes shorter.
     */
    static int strip(byte[] frame, int offset) {
        System.arraycopy(frame, offset, frame, offset + LENGTH, ADDRESSES);
        return offset + LENGTH;
    }
}
