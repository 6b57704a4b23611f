package org.ndisport.api.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The runtime's scratch that makes each received list go back exactly once (D33). */
class NetBufferListTest {
    @Test
    @DisplayName("D33 two bindings (one-word form): each releases once, the last reference returns 0")
    void d33_narrowForm_releasesOnceEach() {
        NetBufferList l = NetBufferList.copyOf(new byte[64]);
        l.ndisHold(new long[] {0b101}, 3);
        assertEquals(3, l.ndisReferences());
        assertTrue(l.ndisHeldBy(0));
        assertFalse(l.ndisHeldBy(1));
        assertTrue(l.ndisHeldBy(2));
        assertEquals(2, l.ndisRelease(0));
        assertEquals(-1, l.ndisRelease(0), "a second release by the same binding changes nothing");
        assertEquals(-1, l.ndisRelease(1), "a binding that never held it");
        assertEquals(-1, l.ndisRelease(70));
        assertEquals(1, l.ndisReleaseOwn());
        assertEquals(0, l.ndisRelease(2));
        assertEquals(0, l.ndisReferences());
    }

    @Test
    @DisplayName("D33 a binding slot above 62 (array form): the same answers")
    void d33_wideForm_releasesOnceEach() {
        NetBufferList l = NetBufferList.copyOf(new byte[64]);
        l.ndisHold(new long[] {0b1, 1L << 6}, 3);
        assertEquals(3, l.ndisReferences());
        assertTrue(l.ndisHeldBy(70));
        assertEquals(2, l.ndisRelease(70));
        assertEquals(-1, l.ndisRelease(70));
        assertEquals(1, l.ndisReleaseOwn());
        assertEquals(0, l.ndisRelease(0));

        l.ndisHold(new long[] {0b10}, 2);
        assertTrue(l.ndisHeldBy(1), "held again in the one-word form after the array form");
        assertFalse(l.ndisHeldBy(70));
        assertEquals(1, l.ndisRelease(1));
        assertEquals(0, l.ndisReleaseOwn());
    }
}
