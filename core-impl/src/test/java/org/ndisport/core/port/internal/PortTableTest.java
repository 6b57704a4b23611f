package org.ndisport.core.port.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.ndisport.api.PortNumbers;
import org.ndisport.api.port.AuthStates;
import org.ndisport.api.port.LinkState;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The per-adapter port table over 0..0xFFFFFF (§1.2). */
class PortTableTest {
    private final PortTable table = new PortTable();

    private static PortEntry entry(int n) {
        return new PortEntry(n, 0, 0, LinkState.UNKNOWN, AuthStates.UNCONTROLLED_UNKNOWN);
    }

    private static List<Integer> numbers(PortTable t) {
        return t.entries().stream().map(PortEntry::number).toList();
    }

    @ParameterizedTest(name = "§0.4 D4 get({0}) of a number above 0xFFFFFF (unsigned) is null")
    @ValueSource(ints = {-1, 0x1000000, 0x1000001, Integer.MIN_VALUE, Integer.MAX_VALUE})
    void d4_getInvalidNumber_null(int n) {
        table.put(entry(0));
        table.put(entry(PortNumbers.MAX_PORT_NUMBER));
        assertNull(table.get(n));
    }

    @Test
    @DisplayName("§1.2 an empty table: every valid number is absent, size 0, no entries")
    void emptyTable() {
        assertNull(table.get(0));
        assertNull(table.get(1));
        assertNull(table.get(PortNumbers.MAX_PORT_NUMBER));
        assertEquals(0, table.size());
        assertEquals(List.of(), table.entries());
    }

    @Test
    @DisplayName("§1.2 put, get, size: the same entry comes back, at both ends of 0..0xFFFFFF")
    void putGetSize() {
        PortEntry p0 = entry(0);
        PortEntry p5 = entry(5);
        PortEntry pageEdge = entry(4096);
        PortEntry last = entry(PortNumbers.MAX_PORT_NUMBER);
        table.put(last);
        table.put(p5);
        table.put(p0);
        table.put(pageEdge);

        assertEquals(4, table.size());
        assertSame(p0, table.get(0));
        assertSame(p5, table.get(5));
        assertSame(pageEdge, table.get(4096));
        assertSame(last, table.get(PortNumbers.MAX_PORT_NUMBER));
        assertNull(table.get(4));
        assertNull(table.get(4095));
        assertNull(table.get(PortNumbers.MAX_PORT_NUMBER - 1));
    }

    @Test
    @DisplayName("D17 entries ascend by number whatever the insertion order")
    void d17_entriesAscending() {
        for (int n : new int[] {PortNumbers.MAX_PORT_NUMBER, 70_000, 3, 4097, 0, 4095, 64, 1}) {
            table.put(entry(n));
        }
        assertEquals(List.of(0, 1, 3, 64, 4095, 4097, 70_000, PortNumbers.MAX_PORT_NUMBER), numbers(table));
    }

    @Test
    @DisplayName("R43 remove: the number is gone, size drops once, removing again or an absent one is a no-op")
    void r43_remove() {
        table.put(entry(0));
        table.put(entry(1));
        table.put(entry(2));

        table.remove(1);
        assertNull(table.get(1));
        assertEquals(2, table.size());
        assertEquals(List.of(0, 2), numbers(table));

        table.remove(1);
        table.remove(9999);
        table.remove(PortNumbers.MAX_PORT_NUMBER);
        assertEquals(2, table.size());

        PortEntry again = entry(1);
        table.put(again);
        assertSame(again, table.get(1), "R43: the number may name a new port");
        assertEquals(List.of(0, 1, 2), numbers(table));
        assertEquals(3, table.size());
    }

    @Test
    @DisplayName("§1.2 many entries over several pages: size and ascending entries agree")
    void manyEntries() {
        for (int n = 0; n < 20_000; n += 3) {
            table.put(entry(n));
        }
        assertEquals(6667, table.size());
        List<Integer> nums = numbers(table);
        assertEquals(6667, nums.size());
        for (int i = 0; i < nums.size(); i++) {
            assertEquals(i * 3, nums.get(i));
        }
        for (int n = 0; n < 20_000; n += 3) {
            table.remove(n);
        }
        assertEquals(0, table.size());
        assertEquals(List.of(), table.entries());
    }

    @Test
    void removeOfAnInvalidNumberDoesNothing() {
        PortTable t = new PortTable();
        t.put(new PortEntry(1, 0, 0, LinkState.UNKNOWN, AuthStates.UNCONTROLLED_UNKNOWN));
        t.remove(-1);
        t.remove(PortNumbers.MAXIMUM_PORTS);
        assertEquals(1, t.size());
    }
}
