package org.ndisport.sample.ne2000;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ndisport.api.data.NetBufferList;
import org.ndisport.sample.ne2000.VlanTable.Vlan;

/** 802.1Q tag insertion and removal, and how the receive path sorts frames onto ports. */
class VlanTagTest {
    private static byte[] frame(int length) {
        byte[] f = new byte[length];
        for (int i = 0; i < length; i++) {
            f[i] = (byte) (i * 13 + 1);
        }
        f[12] = 0x08;
        f[13] = 0x00;
        return f;
    }

    @Test
    @DisplayName("insert puts TPID 0x8100 and TCI (priority 0, VLAN id) after the two MAC addresses; strip gives the original back")
    void insertThenStrip_roundTrip() {
        byte[] original = frame(60);
        byte[] source = new byte[70];
        System.arraycopy(original, 0, source, 3, 60);
        byte[] tagged = new byte[VlanTag.MAX_TAGGED_FRAME];
        assertEquals(64, VlanTag.insert(source, 3, 60, 0x123, tagged));
        assertArrayEquals(Arrays.copyOf(original, 12), Arrays.copyOf(tagged, 12));
        assertArrayEquals(new byte[] {(byte) 0x81, 0x00, 0x01, 0x23}, Arrays.copyOfRange(tagged, 12, 16));
        assertArrayEquals(Arrays.copyOfRange(original, 12, 60), Arrays.copyOfRange(tagged, 16, 64));
        assertEquals(0x123, VlanTag.vlanId(tagged, 0, 64));

        int offset = VlanTag.strip(tagged, 0);
        assertEquals(4, offset);
        assertArrayEquals(original, Arrays.copyOfRange(tagged, offset, offset + 60));
    }

    @Test
    @DisplayName("the VLAN id is the TCI's low 12 bits; untagged frames and tagged ones too short for a type read -1")
    void vlanId_ofTaggedAndUntagged() {
        byte[] f = frame(64);
        assertEquals(-1, VlanTag.vlanId(f, 0, 64));
        f[12] = (byte) 0x81;
        f[13] = 0;
        f[14] = (byte) 0xEF;
        f[15] = (byte) 0xFE;
        assertEquals(4094, VlanTag.vlanId(f, 0, 64), "TCI 0xEFFE: priority 7, DEI 0, VLAN 0xFFE");
        assertEquals(4094, VlanTag.vlanId(f, 0, 18));
        assertEquals(-1, VlanTag.vlanId(f, 0, 17));
        f[13] = 1;
        assertEquals(-1, VlanTag.vlanId(f, 0, 64), "TPID 0x8101 is no tag");
    }

    @Test
    @DisplayName("the longest untagged frame, 1514 bytes, tags to 1518, within the card's 1536")
    void longestFrame_fitsTheCard() {
        assertEquals(1518, VlanTag.insert(frame(1514), 0, 1514, 1, new byte[VlanTag.MAX_TAGGED_FRAME]));
        assertTrue(VlanTag.MAX_TAGGED_FRAME <= 1536);
        assertFalse(VlanTag.isValidId(0));
        assertTrue(VlanTag.isValidId(1));
        assertTrue(VlanTag.isValidId(4094));
        assertFalse(VlanTag.isValidId(4095));
    }

    @Test
    @DisplayName("receive: a frame tagged for an activated VLAN port goes to it untagged; an unknown VLAN id or an oversized untagged frame is refused")
    void classify_sortsFramesOntoPorts() {
        Vlan five = new Vlan(1, 5);
        VlanTable table = new VlanTable(List.of(five, new Vlan(2, 7)), List.of(five));
        byte[] original = frame(100);
        NetBufferList l = new NetBufferList(VlanTag.MAX_TAGGED_FRAME);

        VlanTag.insert(original, 0, 100, 5, l.data());
        assertTrue(Receiver.classify(l, 104, table));
        assertSame(five, l.miniportReserved());
        assertArrayEquals(original, l.frameBytes());

        VlanTag.insert(original, 0, 100, 7, l.data());
        assertFalse(Receiver.classify(l, 104, table), "VLAN 7 is allocated but not activated");
        VlanTag.insert(original, 0, 100, 9, l.data());
        assertFalse(Receiver.classify(l, 104, table), "no port for VLAN 9");

        System.arraycopy(original, 0, l.data(), 0, 100);
        assertTrue(Receiver.classify(l, 100, table));
        assertNull(l.miniportReserved(), "untagged: port 0");
        assertArrayEquals(original, l.frameBytes());
        assertFalse(Receiver.classify(l, 1515, table), "untagged longer than 1514");

        assertSame(five, table.sending(1));
        assertEquals(new Vlan(2, 7), table.sending(2));
        assertNull(table.sending(3));
        assertNull(VlanTable.EMPTY.receiving(5));
    }
}
