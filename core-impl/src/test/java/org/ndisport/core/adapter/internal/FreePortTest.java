package org.ndisport.core.adapter.internal;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.ndisport.api.Irql;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.NdisVerifierException;
import org.ndisport.api.miniport.HaltAction;
import org.ndisport.api.miniport.MiniportAttributes;
import org.ndisport.api.pnp.NetPnPEventNotification;
import org.ndisport.api.port.PortCharacteristics;
import org.ndisport.api.runtime.AdapterPhase;
import org.ndisport.api.runtime.AdapterSpec;
import org.ndisport.api.runtime.PortState;
import org.ndisport.api.runtime.PortView;
import org.ndisport.api.runtime.Severity;
import org.ndisport.api.runtime.VerifierMode;
import org.ndisport.api.runtime.Violation;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestClassOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** NdisMFreePort against spec table 2.2, row by row, with R36-R38, R43, R55 and D4. */
@TestClassOrder(ClassOrderer.OrderAnnotation.class)
class FreePortTest {
    private static final String ADAPTER = "A";

    final EngineFixture fx = new EngineFixture();
    final ScriptedMiniport m = new ScriptedMiniport();

    @Nested
    @Order(1)
    @DisplayName("§2.2 row 1: n > 0xFFFFFF -> INVALID_DATA")
    class Row1AboveMaximum {
        @Test
        @DisplayName("D4 R38 free(0x1000000) returns INVALID_DATA, no effect")
        void d4_free0x1000000_invalidData() {
            assertInvalidDataNoEffect(0x1000000);
        }

        @Test
        @DisplayName("D4 R38 free(-1), i.e. 0xFFFFFFFF unsigned, returns INVALID_DATA, no effect")
        void d4_freeMinus1_invalidData() {
            assertInvalidDataNoEffect(-1);
        }

        @ParameterizedTest(name = "D4 R38 free({0}) (unsigned above 0xFFFFFF) returns INVALID_DATA")
        @ValueSource(ints = {Integer.MIN_VALUE, Integer.MAX_VALUE, 0x1000001})
        void d4_freeAboveMaximumUnsigned_invalidData(int n) {
            assertInvalidDataNoEffect(n);
        }

        private void assertInvalidDataNoEffect(int n) {
            AdapterRuntime a = fx.initialized(ADAPTER, m);
            m.handle.allocatePort(PortCharacteristics.forAllocation());

            assertStatus(NdisStatus.INVALID_DATA, m.handle.freePort(n));

            assertEquals(List.of(0, 1), numbersOf(a));
            assertEquals(PortState.ACTIVATED, a.view().port(0).state());
            assertEquals(PortState.ALLOCATED, a.view().port(1).state());
            assertEquals(List.of(), fx.verifier.violations(), "INVALID_DATA records nothing");
        }
    }

    @Nested
    @Order(2)
    @DisplayName("§2.2 row 2: n = 0 -> INVALID_PORT")
    class Row2DefaultPort {
        @Test
        @DisplayName("R36 D4 freeing the active default port returns INVALID_PORT, port 0 stays ACTIVATED")
        void r36_freePort0_invalidPort() {
            AdapterRuntime a = fx.initialized(ADAPTER, m);

            assertStatus(NdisStatus.INVALID_PORT, m.handle.freePort(0));

            assertEquals(List.of(0), numbersOf(a));
            assertEquals(PortState.ACTIVATED, a.view().port(0).state());
            assertEquals(List.of(), fx.verifier.violations());
        }

        @Test
        @DisplayName("R36 D4 row 2 precedes row 5: an ALLOCATED port 0 (miniport controls it) is not freed")
        void r36_freeAllocatedControlledPort0_invalidPort() {
            ScriptedMiniport controlling = ScriptedMiniport.controllingDefaultPort();
            AdapterRuntime a = fx.initialized(ADAPTER, controlling);
            assertEquals(PortState.ALLOCATED, a.view().port(0).state());

            assertStatus(NdisStatus.INVALID_PORT, controlling.handle.freePort(0));

            assertEquals(PortState.ALLOCATED, a.view().port(0).state());
            assertEquals(List.of(), fx.verifier.violations());
        }
    }

    @Nested
    @Order(3)
    @DisplayName("§2.2 row 3: n NONEXISTENT -> INVALID_PORT")
    class Row3Nonexistent {
        @ParameterizedTest(name = "R38 D4 free({0}), never allocated, returns INVALID_PORT")
        @ValueSource(ints = {1, 2, 4096, 0xFFFFFF})
        void r38_neverAllocated_invalidPort(int n) {
            AdapterRuntime a = fx.initialized(ADAPTER, m);

            assertStatus(NdisStatus.INVALID_PORT, m.handle.freePort(n));

            assertEquals(List.of(0), numbersOf(a));
            assertEquals(1, m.handle.allocatePort(PortCharacteristics.forAllocation()).portNumber(),
                    "the failed free did not touch the numbering");
            assertEquals(List.of(), fx.verifier.violations());
        }

        @Test
        @DisplayName("R38 R43 D4 freeing an already freed port returns INVALID_PORT")
        void r38_alreadyFreed_invalidPort() {
            AdapterRuntime a = fx.initialized(ADAPTER, m);
            int n = m.handle.allocatePort(PortCharacteristics.forAllocation()).portNumber();
            assertStatus(NdisStatus.SUCCESS, m.handle.freePort(n));

            assertStatus(NdisStatus.INVALID_PORT, m.handle.freePort(n));

            assertEquals(List.of(0), numbersOf(a));
            assertEquals(n, m.handle.allocatePort(PortCharacteristics.forAllocation()).portNumber(),
                    "the second free did not disturb the number");
            assertEquals(List.of(), fx.verifier.violations());
        }
    }

    @Nested
    @Order(4)
    @DisplayName("§2.2 row 4: n ACTIVATED or an event for n in flight -> INVALID_PORT_STATE")
    class Row4WrongState {
        final List<PortState> statesSeen = new CopyOnWriteArrayList<>();
        final List<NdisStatus> freeResults = new CopyOnWriteArrayList<>();
        volatile int portToFree = -1;

        @Test
        @DisplayName("R37 D4 freeing an ACTIVATED port returns INVALID_PORT_STATE, the port stays ACTIVATED")
        void r37_freeActivePort_invalidPortState() {
            AdapterRuntime a = fx.initialized(ADAPTER, m);
            int n = m.handle.allocatePort(PortCharacteristics.forAllocation()).portNumber();
            assertStatus(NdisStatus.SUCCESS, m.handle.netPnPEvent(NetPnPEventNotification.portActivation(n)));
            assertEquals(PortState.ACTIVATED, a.view().port(n).state());

            assertStatus(NdisStatus.INVALID_PORT_STATE, m.handle.freePort(n));

            assertEquals(PortState.ACTIVATED, a.view().port(n).state());
            assertEquals(List.of(0, n), numbersOf(a));
            assertEquals(List.of(), fx.verifier.violations());
        }

        @Test
        @DisplayName("R37 R35 D4 after deactivation the port is ALLOCATED again and can be freed")
        void r37_deactivateFirst_thenSuccess() {
            AdapterRuntime a = fx.initialized(ADAPTER, m);
            int n = m.handle.allocatePort(PortCharacteristics.forAllocation()).portNumber();
            m.handle.netPnPEvent(NetPnPEventNotification.portActivation(n));
            assertStatus(NdisStatus.INVALID_PORT_STATE, m.handle.freePort(n));
            assertStatus(NdisStatus.SUCCESS, m.handle.netPnPEvent(NetPnPEventNotification.portDeactivation(n)));

            assertStatus(NdisStatus.SUCCESS, m.handle.freePort(n));

            assertNull(a.view().port(n));
        }

        @Test
        @DisplayName("D4 D32 freeing a port while its activation event is in flight returns INVALID_PORT_STATE")
        void d4_freeDuringActivation_invalidPortState() {
            RecordingSink sink = announcedSink();
            AdapterRuntime a = fx.initialized(ADAPTER, m);
            int n = m.handle.allocatePort(PortCharacteristics.forAllocation()).portNumber();
            portToFree = n;

            NdisStatus activation = m.handle.netPnPEvent(NetPnPEventNotification.portActivation(n));

            assertStatus(NdisStatus.SUCCESS, activation);
            assertEquals(List.of(PortState.ACTIVATING), statesSeen, "free ran while the event was in flight");
            assertEquals(List.of(NdisStatus.INVALID_PORT_STATE), freeResults);
            assertEquals(PortState.ACTIVATED, a.view().port(n).state(), "the failed free changed nothing");
            assertEquals(List.of("ready A [0]", "activate A [" + n + "]"), sink.calls);
            assertEquals(List.of(), fx.verifier.violations());
        }

        @Test
        @DisplayName("D4 D32 freeing a port while its deactivation event is in flight returns INVALID_PORT_STATE")
        void d4_freeDuringDeactivation_invalidPortState() {
            announcedSink();
            AdapterRuntime a = fx.initialized(ADAPTER, m);
            int n = m.handle.allocatePort(PortCharacteristics.forAllocation()).portNumber();
            m.handle.netPnPEvent(NetPnPEventNotification.portActivation(n));
            portToFree = n;

            NdisStatus deactivation = m.handle.netPnPEvent(NetPnPEventNotification.portDeactivation(n));

            assertStatus(NdisStatus.SUCCESS, deactivation);
            assertEquals(List.of(PortState.DEACTIVATING), statesSeen);
            assertEquals(List.of(NdisStatus.INVALID_PORT_STATE), freeResults);
            assertEquals(PortState.ALLOCATED, a.view().port(n).state(), "deactivation completed normally");
            assertStatus(NdisStatus.SUCCESS, m.handle.freePort(n));
            assertNull(a.view().port(n));
            assertEquals(List.of(), fx.verifier.violations());
        }

        @Test
        @DisplayName("D4 an event in flight for another port does not block freeing an ALLOCATED port")
        void d4_eventInFlightForOtherPort_success() {
            announcedSink();
            AdapterRuntime a = fx.initialized(ADAPTER, m);
            int idle = m.handle.allocatePort(PortCharacteristics.forAllocation()).portNumber();
            int activating = m.handle.allocatePort(PortCharacteristics.forAllocation()).portNumber();
            portToFree = idle;

            assertStatus(NdisStatus.SUCCESS, m.handle.netPnPEvent(NetPnPEventNotification.portActivation(activating)));

            assertEquals(List.of(PortState.ALLOCATED), statesSeen);
            assertEquals(List.of(NdisStatus.SUCCESS), freeResults);
            assertNull(a.view().port(idle));
            assertEquals(PortState.ACTIVATED, a.view().port(activating).state());
        }

        /**
         * Announces a sink that, while a port event is being delivered (before recording it), notes the
         * state of {@link #portToFree} and tries to free it through the miniport's handle.
         */
        private RecordingSink announcedSink() {
            RecordingSink sink = new RecordingSink();
            sink.beforePortEvent = notification -> {
                int n = portToFree;
                if (n >= 0) {
                    PortView p = ScriptedMiniport.viewOf(m.handle).port(n);
                    statesSeen.add(p == null ? PortState.NONEXISTENT : p.state());
                    freeResults.add(m.handle.freePort(n));
                }
            };
            fx.context.sink(sink);
            return sink;
        }
    }

    @Nested
    @Order(5)
    @DisplayName("§2.2 row 5: n ALLOCATED -> SUCCESS")
    class Row5Success {
        @Test
        @DisplayName("R43 D4 freeing an ALLOCATED port succeeds; it becomes NONEXISTENT; its number is reused")
        void r43_freeAllocated_successNonexistentReused() {
            AdapterRuntime a = fx.initialized(ADAPTER, m);
            for (int i = 0; i < 3; i++) {
                m.handle.allocatePort(PortCharacteristics.forAllocation());
            }

            assertStatus(NdisStatus.SUCCESS, m.handle.freePort(2));

            assertNull(a.view().port(2), "NONEXISTENT: not in the view");
            assertEquals(List.of(0, 1, 3), numbersOf(a));
            PortCharacteristics c = PortCharacteristics.forAllocation();
            assertEquals(2, m.handle.allocatePort(c).portNumber(), "R43: the freed number is reused");
            assertEquals(2, c.portNumber());
            assertEquals(PortState.ALLOCATED, a.view().port(2).state());
            assertEquals(List.of(), fx.verifier.violations());
        }

        @Test
        @DisplayName("R43 a freed port cannot be reactivated: activation of its number returns INVALID_PORT")
        void r43_freedPortCannotBeReactivated() {
            AdapterRuntime a = fx.initialized(ADAPTER, m);
            int n = m.handle.allocatePort(PortCharacteristics.forAllocation()).portNumber();
            assertStatus(NdisStatus.SUCCESS, m.handle.freePort(n));

            assertStatus(NdisStatus.INVALID_PORT, m.handle.netPnPEvent(NetPnPEventNotification.portActivation(n)));

            assertNull(a.view().port(n));
        }

        @Test
        @DisplayName("R43 free reports the port NONEXISTENT to runtime events")
        void r43_freeReportsNonexistent() {
            List<String> events = new CopyOnWriteArrayList<>();
            fx.context.events(new RuntimeEvents() {
                @Override
                public void phaseChanged(String adapter, AdapterPhase phase) {
                }

                @Override
                public void portStateChanged(String adapter, int port, PortState state) {
                    events.add(adapter + " " + port + " " + state);
                }
            });
            fx.initialized(ADAPTER, m);
            int n = m.handle.allocatePort(PortCharacteristics.forAllocation()).portNumber();

            m.handle.freePort(n);

            assertEquals(List.of("A 0 ACTIVATED", "A 1 ALLOCATED", "A 1 NONEXISTENT"), events);
        }
    }

    @Nested
    @Order(6)
    @DisplayName("§2.2 allowed in any phase; in P0 and P4 no port exists, so rows 2-3 apply")
    class Phases {
        @Test
        @DisplayName("D4 R36 R38 free in P0: port 0 and any number -> INVALID_PORT, above 0xFFFFFF -> INVALID_DATA")
        void d4_freeInP0_rows1to3() {
            List<NdisStatus> results = new ArrayList<>();
            AtomicReference<AdapterPhase> phase = new AtomicReference<>();
            m.onInitialize = h -> {
                phase.set(ScriptedMiniport.viewOf(h).phase());
                results.add(h.freePort(0));
                results.add(h.freePort(1));
                results.add(h.freePort(0xFFFFFF));
                results.add(h.freePort(0x1000000));
                h.setMiniportAttributes(MiniportAttributes.registration());
                return NdisStatus.SUCCESS;
            };
            AdapterRuntime a = fx.initialized(ADAPTER, m);

            assertEquals(AdapterPhase.P0_INIT_PRE_REG, phase.get());
            assertEquals(List.of(NdisStatus.INVALID_PORT, NdisStatus.INVALID_PORT, NdisStatus.INVALID_PORT,
                    NdisStatus.INVALID_DATA), results);
            assertEquals(List.of(0), numbersOf(a));
            assertEquals(List.of(), fx.verifier.violations(), "free in P0 is no violation");
        }

        @Test
        @DisplayName("D4 free in P1: allocated inside MiniportInitializeEx, freed there -> SUCCESS")
        void d4_freeInP1_success() {
            List<NdisStatus> results = new ArrayList<>();
            m.onInitialize = h -> {
                h.setMiniportAttributes(MiniportAttributes.registration());
                int n = h.allocatePort(PortCharacteristics.forAllocation()).portNumber();
                results.add(h.freePort(n));
                results.add(h.freePort(0));
                return NdisStatus.SUCCESS;
            };
            AdapterRuntime a = fx.initialized(ADAPTER, m);

            assertEquals(List.of(NdisStatus.SUCCESS, NdisStatus.INVALID_PORT), results);
            assertEquals(List.of(0), numbersOf(a));
            assertEquals(List.of(), fx.verifier.violations());
        }

        @Test
        @DisplayName("D4 free in P3 (inside MiniportHaltEx): ALLOCATED -> SUCCESS, port 0 -> INVALID_PORT")
        void d4_freeInP3_success() {
            List<NdisStatus> results = new ArrayList<>();
            AtomicReference<AdapterPhase> phase = new AtomicReference<>();
            m.onHalt = h -> {
                phase.set(ScriptedMiniport.viewOf(h).phase());
                results.add(h.freePort(1));
                results.add(h.freePort(0));
                results.add(h.freePort(1));
            };
            AdapterRuntime a = fx.initialized(ADAPTER, m);
            m.handle.allocatePort(PortCharacteristics.forAllocation());

            a.halt(HaltAction.DEVICE_DISABLED);

            assertEquals(AdapterPhase.P3_HALTING, phase.get());
            assertEquals(List.of(NdisStatus.SUCCESS, NdisStatus.INVALID_PORT, NdisStatus.INVALID_PORT), results);
            assertEquals(List.of(), fx.verifier.violations(), "no R40: the port was freed in halt");
        }

        @Test
        @DisplayName("D4 R36 R38 free with a stale handle after halt (P4): INVALID_PORT, no record")
        void d4_freeInP4_invalidPort() {
            AdapterRuntime a = fx.initialized(ADAPTER, m);
            int n = m.handle.allocatePort(PortCharacteristics.forAllocation()).portNumber();
            a.halt(HaltAction.DEVICE_DISABLED);
            assertEquals(AdapterPhase.P4_HALTED, a.view().phase());
            List<Violation> afterHalt = fx.verifier.violations();

            assertStatus(NdisStatus.INVALID_PORT, m.handle.freePort(n));
            assertStatus(NdisStatus.INVALID_PORT, m.handle.freePort(0));
            assertStatus(NdisStatus.INVALID_DATA, m.handle.freePort(-1));

            assertEquals(List.of(), a.view().ports());
            assertEquals(afterHalt, fx.verifier.violations(), "free in P4 records nothing");
        }

        @Test
        @DisplayName("D4 R36 R38 free with the handle of a failed initialization (P4): INVALID_PORT, no record")
        void d4_freeAfterFailedInit_invalidPort() {
            m.onInitialize = h -> {
                h.setMiniportAttributes(MiniportAttributes.registration());
                return NdisStatus.FAILURE;
            };
            AdapterRuntime a = fx.adapter(ADAPTER, m);
            assertStatus(NdisStatus.FAILURE, a.initialize());

            assertStatus(NdisStatus.INVALID_PORT, m.handle.freePort(0));
            assertStatus(NdisStatus.INVALID_PORT, m.handle.freePort(1));

            assertEquals(AdapterPhase.P4_HALTED, a.view().phase());
            assertEquals(List.of(), fx.verifier.violations());
        }

        @Test
        @DisplayName("D4 free while a halt is scheduled: ALLOCATED -> SUCCESS")
        void d4_freeWhileHaltScheduled_success() {
            List<NdisStatus> results = new ArrayList<>();
            AtomicReference<Boolean> scheduled = new AtomicReference<>();
            RecordingSink sink = new RecordingSink();
            sink.beforeUnavailable = (adapter, reason) -> {
                scheduled.set(ScriptedMiniport.viewOf(m.handle).haltScheduled());
                results.add(m.handle.freePort(1));
            };
            fx.context.sink(sink);
            AdapterRuntime a = fx.initialized(ADAPTER, m);
            m.handle.allocatePort(PortCharacteristics.forAllocation());

            a.halt(HaltAction.DEVICE_DISABLED);

            assertEquals(Boolean.TRUE, scheduled.get());
            assertEquals(List.of(NdisStatus.SUCCESS), results);
            assertEquals(List.of(), fx.verifier.violations());
        }
    }

    @Nested
    @Order(7)
    @DisplayName("R55 NdisMFreePort at IRQL <= DISPATCH (D31)")
    class IrqlR55 {
        @Test
        @DisplayName("R55 D31 free at DISPATCH records nothing")
        void r55_atDispatch_noRecord() {
            AdapterRuntime a = fx.initialized(ADAPTER, m);
            int n = m.handle.allocatePort(PortCharacteristics.forAllocation()).portNumber();

            assertStatus(NdisStatus.SUCCESS, atIrql(Irql.DISPATCH_LEVEL, n));

            assertNull(a.view().port(n));
            assertEquals(List.of(), fx.verifier.violations());
        }

        @Test
        @DisplayName("R55 D31 free at DIRQL records R55; the check only records, the call succeeds")
        void r55_atDirql_violationRecorded() {
            AdapterRuntime a = fx.initialized(ADAPTER, m);
            int n = m.handle.allocatePort(PortCharacteristics.forAllocation()).portNumber();

            assertStatus(NdisStatus.SUCCESS, atIrql(Irql.DIRQL, n));

            assertNull(a.view().port(n));
            List<Violation> records = fx.verifier.violations();
            assertEquals(1, records.size(), () -> "records: " + records);
            assertRecord(records.get(0), "R55", Severity.VIOLATION, Violation.NO_PORT);
        }

        @Test
        @DisplayName("R55 D21 FAIL_FAST: free at DIRQL throws the R55 violation, the port stays ALLOCATED")
        void r55_atDirqlFailFast_throwsWithoutEffect() {
            EngineFixture ff = new EngineFixture(VerifierMode.FAIL_FAST);
            AdapterRuntime a = new AdapterRuntime(AdapterSpec.virtual(ADAPTER, m, EngineFixture.BUNDLE), ff.context);
            a.initialize();
            int n = m.handle.allocatePort(PortCharacteristics.forAllocation()).portNumber();

            NdisVerifierException e = assertThrows(NdisVerifierException.class, () -> atIrql(Irql.DIRQL, n));

            assertEquals("R55", e.ruleId());
            assertRecord(e.violation(), "R55", Severity.VIOLATION, Violation.NO_PORT);
            assertEquals(PortState.ALLOCATED, a.view().port(n).state());
            assertEquals(Irql.PASSIVE_LEVEL, m.handle.currentIrql());
        }

        private NdisStatus atIrql(Irql irql, int n) {
            Irql old = m.handle.raiseIrql(irql);
            try {
                return m.handle.freePort(n);
            } finally {
                m.handle.lowerIrql(old);
            }
        }
    }

    // ---- helpers

    private static List<Integer> numbersOf(AdapterRuntime a) {
        return a.view().ports().stream().map(PortView::portNumber).toList();
    }

    private static void assertStatus(NdisStatus expected, NdisStatus actual) {
        assertNotNull(actual, "status");
        assertEquals(expected.code(), actual.code(),
                () -> "expected " + expected.ndisName() + " (0x" + Integer.toHexString(expected.code())
                        + ") but was " + actual.ndisName() + " (0x" + Integer.toHexString(actual.code()) + ")");
    }

    private static void assertRecord(Violation v, String ruleId, Severity severity, long port) {
        assertAll(() -> assertEquals(ruleId, v.ruleId(), "ruleId"),
                () -> assertEquals(severity, v.severity(), "severity"),
                () -> assertEquals(ADAPTER, v.adapter(), "adapter"),
                () -> assertEquals(port, v.port(), "port"),
                () -> assertEquals(EngineFixture.BUNDLE, v.bundle(), "bundle"));
    }
}
