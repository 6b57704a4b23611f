package org.ndisport.core.port.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.ndisport.api.PortNumbers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The lowest-free port number bitmap (R3, R5, R43, D3). */
class NumberAllocatorTest {
    private static final int MAX = PortNumbers.MAX_PORT_NUMBER;

    @Test
    @DisplayName("R5 a new allocator hands out 1, 2, 3 ... in order")
    void r5_lowestFreeInOrder() {
        NumberAllocator a = new NumberAllocator();
        assertEquals(1, a.inUse(), "number 0 is in use from the start (R3)");
        for (int n = 1; n <= 200; n++) {
            assertEquals(n, a.allocateLowest(MAX));
        }
        assertEquals(201, a.inUse());
    }

    @Test
    @DisplayName("R5 R43 a released number is reused, always the lowest free first")
    void r43_releaseAndReuseLowest() {
        NumberAllocator a = new NumberAllocator();
        for (int n = 1; n <= 10; n++) {
            a.allocateLowest(MAX);
        }
        a.release(7);
        a.release(3);
        a.release(9);
        assertEquals(8, a.inUse());

        assertEquals(3, a.allocateLowest(MAX));
        assertEquals(7, a.allocateLowest(MAX));
        assertEquals(9, a.allocateLowest(MAX));
        assertEquals(11, a.allocateLowest(MAX));
        assertEquals(12, a.inUse());
    }

    @Test
    @DisplayName("R3 number 0 is never handed out, even when everything else is released")
    void r3_zeroNeverHandedOut() {
        NumberAllocator a = new NumberAllocator();
        for (int round = 0; round < 3; round++) {
            List<Integer> got = new ArrayList<>();
            for (int i = 0; i < 5000; i++) {
                int n = a.allocateLowest(MAX);
                assertNotEquals(0, n);
                got.add(n);
            }
            assertEquals(1, got.get(0));
            for (int n : got) {
                a.release(n);
            }
            assertEquals(1, a.inUse(), "only number 0 left in use");
        }
    }

    @Test
    @DisplayName("D3 exhaustion at a limit: -1 when every number 1..limit is in use")
    void d3_exhaustionAtLimit() {
        NumberAllocator a = new NumberAllocator();
        assertEquals(1, a.allocateLowest(3));
        assertEquals(2, a.allocateLowest(3));
        assertEquals(3, a.allocateLowest(3));

        assertEquals(-1, a.allocateLowest(3));
        assertEquals(-1, a.allocateLowest(3), "a refusal marks nothing");
        assertEquals(4, a.inUse());
        assertEquals(4, a.allocateLowest(4), "a higher limit allows the next number");

        a.release(2);
        assertEquals(2, a.allocateLowest(3), "a freed number under the limit is handed out again");
        assertEquals(-1, a.allocateLowest(4));
    }

    @Test
    @DisplayName("D3 -1 when full up to limit; a limit across word boundaries (64, 4096) behaves alike")
    void d3_fullUpToLimitAcrossWords() {
        for (int limit : new int[] {1, 63, 64, 65, 4095, 4096, 4097, 100_000}) {
            NumberAllocator a = new NumberAllocator();
            for (int n = 1; n <= limit; n++) {
                assertEquals(n, a.allocateLowest(limit));
            }
            assertEquals(-1, a.allocateLowest(limit), "limit " + limit);
            assertEquals(limit + 1, a.allocateLowest(limit + 1), "limit " + limit);
        }
    }

    @Test
    @DisplayName("D3 R5 the whole space 1..0xFFFFFF: every number once, then -1; a release is found again")
    void d3_wholeSpaceExhausted() {
        NumberAllocator a = new NumberAllocator();
        for (int n = 1; n <= MAX; n++) {
            int got = a.allocateLowest(MAX);
            if (got != n) {
                assertEquals(n, got);
            }
        }
        assertEquals(PortNumbers.MAXIMUM_PORTS, a.inUse());
        assertEquals(-1, a.allocateLowest(MAX));

        a.release(MAX);
        a.release(0x123456);
        assertEquals(0x123456, a.allocateLowest(MAX));
        assertEquals(MAX, a.allocateLowest(MAX));
        assertEquals(-1, a.allocateLowest(MAX));
    }

    @Test
    @DisplayName("R5 summary levels: a number freed deep inside a full region of 2^18 numbers is found")
    void r5_summaryLevelsCleared() {
        NumberAllocator a = new NumberAllocator();
        int filled = (1 << 18) + 100;
        for (int n = 1; n <= filled; n++) {
            a.allocateLowest(MAX);
        }
        a.release(262_143);
        a.release(100_000);
        a.release(4096);

        assertEquals(4096, a.allocateLowest(MAX));
        assertEquals(100_000, a.allocateLowest(MAX));
        assertEquals(262_143, a.allocateLowest(MAX));
        assertEquals(filled + 1, a.allocateLowest(MAX));
    }

    @Test
    @DisplayName("R43 releasing a number not in use is refused")
    void r43_releaseUnusedRefused() {
        NumberAllocator a = new NumberAllocator();
        a.allocateLowest(MAX);
        assertThrows(IllegalStateException.class, () -> a.release(2));
        assertThrows(IllegalStateException.class, () -> a.release(MAX));
        a.release(1);
        assertThrows(IllegalStateException.class, () -> a.release(1));
        assertEquals(1, a.inUse());
    }

    @Test
    @DisplayName("R5 R43 D3 randomized against a TreeSet model: 200k operations, fixed seed")
    void r5_r43_d3_randomizedAgainstTreeSetModel() {
        Random random = new Random(0x5EED_2024L);
        NumberAllocator a = new NumberAllocator();
        Model model = new Model();
        // Start past 2^18 numbers so the upper summary levels take part.
        for (int i = 0; i < 270_000; i++) {
            assertEquals(model.allocate(MAX), a.allocateLowest(MAX));
        }
        for (int op = 0; op < 200_000; op++) {
            double allocateShare = (op / 20_000) % 2 == 0 ? 0.35 : 0.7;
            if (model.used.isEmpty() || random.nextDouble() < allocateShare) {
                int limit = random.nextInt(10) == 0 ? 1 + random.nextInt(model.high + 10) : MAX;
                int expected = model.allocate(limit);
                int actual = a.allocateLowest(limit);
                if (expected != actual) {
                    assertEquals(expected, actual, "op " + op + " allocate(limit " + limit + ")");
                }
            } else {
                int n = model.releaseRandom(random);
                a.release(n);
            }
            if (op % 1000 == 0) {
                assertEquals(model.used.size() + 1, a.inUse(), "op " + op);
            }
        }
        assertEquals(model.used.size() + 1, a.inUse());
    }

    /** Reference model: the numbers in use, and the free numbers below the highest ever handed out. */
    private static final class Model {
        final TreeSet<Integer> free = new TreeSet<>();
        final TreeSet<Integer> used = new TreeSet<>();
        final List<Integer> usedList = new ArrayList<>();
        int high = 1;

        int allocate(int limit) {
            int n = free.isEmpty() ? high : free.first();
            if (n > limit) {
                return -1;
            }
            if (n == high) {
                high++;
            } else {
                free.remove(n);
            }
            used.add(n);
            usedList.add(n);
            return n;
        }

        int releaseRandom(Random random) {
            int i = random.nextInt(usedList.size());
            int n = usedList.get(i);
            int last = usedList.remove(usedList.size() - 1);
            if (i < usedList.size()) {
                usedList.set(i, last);
            }
            used.remove(n);
            free.add(n);
            return n;
        }
    }

    @Test
    @DisplayName("R3 number 0 and numbers outside 1..0xFFFFFF can never be released")
    void r3_releaseOfZeroOrOutOfRange_refused() {
        NumberAllocator a = new NumberAllocator();
        assertThrows(IllegalArgumentException.class, () -> a.release(0));
        assertThrows(IllegalArgumentException.class, () -> a.release(-1));
        assertThrows(IllegalArgumentException.class, () -> a.release(PortNumbers.MAXIMUM_PORTS));
        assertEquals(1, a.allocateLowest(PortNumbers.MAX_PORT_NUMBER));
    }
}
