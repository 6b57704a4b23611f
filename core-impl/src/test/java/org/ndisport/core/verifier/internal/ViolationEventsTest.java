package org.ndisport.core.verifier.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ndisport.api.NdisVerifierException;
import org.ndisport.api.runtime.Severity;
import org.ndisport.api.runtime.VerifierMode;
import org.ndisport.api.runtime.Violation;

/** The verifier's records, retention, modes and publishing (spec §0.3, D21). */
class ViolationEventsTest {
    private static final String BUNDLE = "test.driver.bundle";
    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    @DisplayName("D21 each record carries id, severity, adapter, port, bundle, time and an increasing sequence")
    void d21_recordsCarryFieldsAndIncreasingSequence() {
        VerifierCore v = new VerifierCore(VerifierMode.REPORT, 10, CLOCK);

        Violation r1 = v.violation("R46", "A", 3, BUNDLE, "send on inactive port");
        Violation r2 = v.finding("R40", "A", 2, BUNDLE, "port left");
        Violation r3 = v.warning("D22", "B", Violation.NO_PORT, "proto.bundle", "protocol failed");

        assertEquals(List.of(1L, 2L, 3L), List.of(r1.sequence(), r2.sequence(), r3.sequence()));
        assertEquals("R46", r1.ruleId());
        assertEquals(Severity.VIOLATION, r1.severity());
        assertEquals("A", r1.adapter());
        assertEquals(3, r1.port());
        assertEquals(BUNDLE, r1.bundle());
        assertEquals(NOW, r1.time());
        assertEquals("send on inactive port", r1.message());
        assertEquals(Severity.VIOLATION, r2.severity(), "a finding is a violation that never throws");
        assertEquals(Severity.WARNING, r3.severity());
        assertEquals("proto.bundle", r3.bundle());
        assertEquals(-1, r3.port());
        assertEquals(List.of(r1, r2, r3), v.violations());
        assertEquals(3, v.total());
        assertEquals(VerifierMode.REPORT, v.mode());
    }

    @Test
    @DisplayName("D21 violationsSince returns the retained records after a sequence number, oldest first")
    void d21_violationsSince() {
        VerifierCore v = new VerifierCore(VerifierMode.REPORT, 10, CLOCK);
        Violation r1 = v.violation("R1", "A", -1, BUNDLE, "m");
        Violation r2 = v.warning("R10", "A", 1, BUNDLE, "m");
        Violation r3 = v.finding("R39", "A", 1, BUNDLE, "m");

        assertEquals(List.of(r1, r2, r3), v.violationsSince(0));
        assertEquals(List.of(r2, r3), v.violationsSince(r1.sequence()));
        assertEquals(List.of(r3), v.violationsSince(r2.sequence()));
        assertEquals(List.of(), v.violationsSince(r3.sequence()));
        assertEquals(List.of(), v.violationsSince(Long.MAX_VALUE));
    }

    @Test
    @DisplayName("D21 only the newest capacity records are retained; total still counts every record")
    void d21_capacityRetention_totalCountsAll() {
        VerifierCore v = new VerifierCore(VerifierMode.REPORT, 3, CLOCK);
        for (int i = 1; i <= 5; i++) {
            v.violation("R" + i, "A", i, BUNDLE, "m" + i);
        }

        assertEquals(3, v.capacity());
        assertEquals(5, v.total());
        assertEquals(List.of(3L, 4L, 5L), v.violations().stream().map(Violation::sequence).toList());
        assertEquals(List.of("R3", "R4", "R5"), v.violations().stream().map(Violation::ruleId).toList());
        assertEquals(List.of(4L, 5L), v.violationsSince(3).stream().map(Violation::sequence).toList());
        assertEquals(3, v.violationsSince(0).size(), "evicted records are not returned");
    }

    @Test
    @DisplayName("D21 configure changes mode and capacity; capacity is at least 1")
    void d21_configure_modeAndCapacity() {
        VerifierCore v = new VerifierCore(VerifierMode.REPORT, 0, CLOCK);
        assertEquals(1, v.capacity());
        v.violation("R1", "A", -1, BUNDLE, "m");
        v.violation("R2", "A", -1, BUNDLE, "m");
        assertEquals(List.of("R2"), v.violations().stream().map(Violation::ruleId).toList());

        v.configure(VerifierMode.FAIL_FAST, 5);

        assertEquals(VerifierMode.FAIL_FAST, v.mode());
        assertEquals(5, v.capacity());
        assertThrows(NdisVerifierException.class, () -> v.violation("R3", "A", -1, BUNDLE, "m"));
    }

    @Test
    @DisplayName("D21 clear forgets the retained records but keeps the total and the sequence")
    void d21_clear_keepsTotal() {
        VerifierCore v = new VerifierCore(VerifierMode.REPORT, 10, CLOCK);
        v.violation("R1", "A", -1, BUNDLE, "m");
        v.warning("R10", "A", 1, BUNDLE, "m");

        v.clear();

        assertEquals(List.of(), v.violations());
        assertEquals(List.of(), v.violationsSince(0));
        assertEquals(2, v.total());
        Violation next = v.finding("R40", "A", 1, BUNDLE, "m");
        assertEquals(3, next.sequence(), "numbering continues after clear");
        assertEquals(List.of(next), v.violations());
        assertEquals(3, v.total());
    }

    @Test
    @DisplayName("D21 FAIL_FAST: violation() records then throws NdisVerifierException carrying the record")
    void d21_failFast_violationThrowsAfterRecording() {
        VerifierCore v = new VerifierCore(VerifierMode.FAIL_FAST, 10, CLOCK);
        List<Violation> heard = new CopyOnWriteArrayList<>();
        v.listener(heard::add);

        NdisVerifierException e = assertThrows(NdisVerifierException.class,
                () -> v.violation("R2", "A", 5, BUNDLE, "allocate in P3"));

        assertEquals("R2", e.ruleId());
        Violation r = e.violation();
        assertEquals(Severity.VIOLATION, r.severity());
        assertEquals("A", r.adapter());
        assertEquals(5, r.port());
        assertEquals(BUNDLE, r.bundle());
        assertEquals(List.of(r), v.violations(), "recorded even though the call threw");
        assertEquals(List.of(r), heard, "published even though the call threw");
        assertEquals(1, v.total());
    }

    @Test
    @DisplayName("D21 R39-R41 FAIL_FAST: finding() and warning() record but never throw")
    void d21_failFast_findingAndWarningDoNotThrow() {
        VerifierCore v = new VerifierCore(VerifierMode.FAIL_FAST, 10, CLOCK);

        Violation f = assertDoesNotThrow(() -> v.finding("R40", "A", 1, BUNDLE, "port left at halt"));
        Violation w = assertDoesNotThrow(() -> v.warning("R10", "A", 2, BUNDLE, "reserved type"));

        assertEquals(Severity.VIOLATION, f.severity());
        assertEquals(Severity.WARNING, w.severity());
        assertEquals(List.of(f, w), v.violations());
        assertEquals(2, v.total());
    }

    @Test
    @DisplayName("D21 the listener receives every record, in order, on the recording thread")
    void d21_listenerReceivesEachRecord() {
        VerifierCore v = new VerifierCore(VerifierMode.REPORT, 10, CLOCK);
        List<Violation> heard = new CopyOnWriteArrayList<>();
        List<Thread> threads = new CopyOnWriteArrayList<>();
        v.listener(r -> {
            heard.add(r);
            threads.add(Thread.currentThread());
        });

        Violation r1 = v.violation("R46", "A", 1, BUNDLE, "m");
        Violation r2 = v.finding("R40", "A", 2, BUNDLE, "m");
        Violation r3 = v.warning("D22", "A", -1, BUNDLE, "m");

        assertEquals(List.of(r1, r2, r3), heard);
        assertSame(r1, heard.get(0));
        assertTrue(threads.stream().allMatch(t -> t == Thread.currentThread()));
    }

    @Test
    @DisplayName("D21 a throwing listener does not break recording, returning or later records")
    void d21_throwingListener_doesNotBreakRecording() {
        VerifierCore v = new VerifierCore(VerifierMode.REPORT, 10, CLOCK);
        int[] calls = new int[1];
        v.listener(r -> {
            calls[0]++;
            throw new IllegalStateException("listener bug");
        });

        Violation r1 = assertDoesNotThrow(() -> v.violation("R46", "A", 1, BUNDLE, "m"));
        Violation r2 = assertDoesNotThrow(() -> v.finding("R40", "A", 2, BUNDLE, "m"));
        Violation r3 = assertDoesNotThrow(() -> v.warning("D22", "A", -1, BUNDLE, "m"));

        assertEquals(3, calls[0]);
        assertEquals(List.of(r1, r2, r3), v.violations());
        assertEquals(3, v.total());
    }

    @Test
    @DisplayName("D21 FAIL_FAST with a throwing listener: the caller gets NdisVerifierException, not the listener's")
    void d21_failFastThrowingListener_verifierExceptionWins() {
        VerifierCore v = new VerifierCore(VerifierMode.FAIL_FAST, 10, CLOCK);
        v.listener(r -> {
            throw new IllegalStateException("listener bug");
        });

        NdisVerifierException e = assertThrows(NdisVerifierException.class,
                () -> v.violation("R75", "A", -1, BUNDLE, "m"));

        assertEquals("R75", e.ruleId());
        assertEquals(List.of(e.violation()), v.violations());
    }
}
