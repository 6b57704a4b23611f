package org.ndisport.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PortNumbersTest {
    @Test
    @DisplayName("§0.4 port numbers are unsigned 32-bit: -1 is 0xFFFFFFFF, not valid")
    void validityIsUnsigned() {
        assertTrue(PortNumbers.isValid(0));
        assertTrue(PortNumbers.isValid(0xFFFFFF));
        assertFalse(PortNumbers.isValid(0x1000000));
        assertFalse(PortNumbers.isValid(-1));
        assertFalse(PortNumbers.isValid(Integer.MIN_VALUE));
        assertEquals("4294967295", PortNumbers.toString(-1));
        assertEquals(0x1000000, PortNumbers.MAXIMUM_PORTS);
    }

    @Test
    @DisplayName("§1.5 object header fields are masked to UCHAR, UCHAR, USHORT")
    void headerMasksToCWidths() {
        NdisObjectHeader h = new NdisObjectHeader(0x180, 0x101, 0x1003C);
        assertEquals(new NdisObjectHeader(0x80, 1, 60), h);
        assertEquals(new NdisObjectHeader(0x80, 1, 48), NdisObjectHeader.defaultRevision1(48));
    }
}
