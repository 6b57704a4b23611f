package org.ndisport.api.io;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad input to IoPortRange: construction (D25) and overflow-free containment and overlap tests (N41). */
class BadIoPortRangeTest {
    private final IoPortRange range = new IoPortRange(0x300, 0x20);

    @ParameterizedTest(name = "base {0}, count {1}")
    @CsvSource({"-1, 1", "0, 0", "0, -1", "65535, 2", "65536, 1", "1, 2147483647", "2147483647, 1",
            "-2147483648, 2147483647"})
    @DisplayName("D25 ranges outside the I/O space, empty or negative, are refused")
    void d25_outsideIoSpace_illegalArgument(int base, int count) {
        assertThrows(IllegalArgumentException.class, () -> new IoPortRange(base, count));
    }

    @ParameterizedTest(name = "from {0}, length {1}")
    @CsvSource({"768, 9223372036854775807", "799, 9223372036854775807", "768, -1", "800, -9223372036854775808",
            "9223372036854775807, 9223372036854775807", "-9223372036854775808, 9223372036854775807",
            "-9223372036854775808, -9223372036854775808", "767, 2"})
    @DisplayName("N41 containsAll: a huge, negative or overflowing length is never wholly inside")
    void n41_containsAll_noOverflow(long from, long length) {
        assertFalse(range.containsAll(from, length));
    }

    @ParameterizedTest(name = "from {0}, length {1}")
    @CsvSource({"768, 9223372036854775807", "0, 9223372036854775807", "-1, 9223372036854775807",
            "799, 1", "767, 2"})
    @DisplayName("N41 overlaps: huge lengths reaching the range overlap it")
    void n41_overlaps_hugeLengths(long from, long length) {
        assertTrue(range.overlaps(from, length));
    }

    @ParameterizedTest(name = "from {0}, length {1}")
    @CsvSource({"768, 0", "768, -1", "768, -9223372036854775808", "-9223372036854775808, 9223372036854775807",
            "-9223372036854775808, 1", "800, 9223372036854775807", "9223372036854775807, 9223372036854775807",
            "767, 1"})
    @DisplayName("N41 overlaps: empty, negative, wrapping and disjoint accesses do not overlap")
    void n41_overlaps_noOverflow(long from, long length) {
        assertFalse(range.overlaps(from, length));
    }
}
