package org.ndisport.capture.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Adapter and port selections of a capture (N62). */
class CaptureFilterTest {

    @Test
    @DisplayName("N62 no selection keeps every adapter and port")
    void n62_noSelection_all() {
        CaptureFilter f = CaptureFilter.parse(List.of());
        assertTrue(f.matches("nicA", 0));
        assertTrue(f.matches("other", -1));
        assertEquals("all adapters, all ports", f.toString());
    }

    @Test
    @DisplayName("N62 ADAPTER keeps all its ports, ADAPTER:P,Q only those ports, other adapters nothing")
    void n62_adapterAndPortLists() {
        CaptureFilter f = CaptureFilter.parse(List.of("nicA", "nicB:3, 1", "nicC:4294967295"));
        assertTrue(f.matches("nicA", 0));
        assertTrue(f.matches("nicA", 77));
        assertTrue(f.matches("nicB", 1));
        assertTrue(f.matches("nicB", 3));
        assertFalse(f.matches("nicB", 0));
        assertTrue(f.matches("nicC", -1));
        assertFalse(f.matches("nicD", 0));
        assertEquals(List.of("nicA", "nicB", "nicC"), f.adapterNames());
        assertEquals("nicA (all ports), nicB ports [1, 3], nicC ports [4294967295]", f.toString());
    }

    @Test
    @DisplayName("N62 an adapter named twice: lists join, all ports wins")
    void n62_repeatedAdapter_merged() {
        CaptureFilter f = CaptureFilter.parse(List.of("nicA:1", "nicA:2", "nicB:1", "nicB"));
        assertTrue(f.matches("nicA", 2));
        assertFalse(f.matches("nicA", 3));
        assertTrue(f.matches("nicB", 9));
    }

    @Test
    @DisplayName("N62 bad selections are refused with a message naming them")
    void n62_badSelections_refused() {
        assertEquals("'nicA:1,x': 'x' is not a port number (0 to 4294967295; ports separated by commas)",
                assertThrows(IllegalArgumentException.class, () -> CaptureFilter.parse(List.of("nicA:1,x"))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> CaptureFilter.parse(List.of("nicA:")));
        assertThrows(IllegalArgumentException.class, () -> CaptureFilter.parse(List.of("nicA:-1")));
        assertThrows(IllegalArgumentException.class, () -> CaptureFilter.parse(List.of("nicA:4294967296")));
        assertEquals("':1': no adapter name (ADAPTER or ADAPTER:PORT,...)",
                assertThrows(IllegalArgumentException.class, () -> CaptureFilter.parse(List.of(":1"))).getMessage());
    }
}
