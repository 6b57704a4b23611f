package org.ndisport.core.adapter.internal;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.ndisport.api.Irql;
import org.ndisport.api.NdisObjectHeader;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.NdisVerifierException;
import org.ndisport.api.PortNumbers;
import org.ndisport.api.miniport.AllocatePortResult;
import org.ndisport.api.miniport.HaltAction;
import org.ndisport.api.miniport.MiniportAttributes;
import org.ndisport.api.pnp.NetPnPEventNotification;
import org.ndisport.api.port.AuthStates;
import org.ndisport.api.port.LinkState;
import org.ndisport.api.port.MediaConnectState;
import org.ndisport.api.port.NetIfDirection;
import org.ndisport.api.port.PortAuthorizationState;
import org.ndisport.api.port.PortCharacteristics;
import org.ndisport.api.port.PortControlState;
import org.ndisport.api.port.PortType;
import org.ndisport.api.runtime.AdapterPhase;
import org.ndisport.api.runtime.AdapterSpec;
import org.ndisport.api.runtime.AdapterView;
import org.ndisport.api.runtime.PortState;
import org.ndisport.api.runtime.PortView;
import org.ndisport.api.runtime.Severity;
import org.ndisport.api.runtime.VerifierMode;
import org.ndisport.api.runtime.Violation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestClassOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** NdisMAllocatePort against spec table 2.1, row by row, with R1-R10, R54 and D1-D3. */
@TestClassOrder(ClassOrderer.OrderAnnotation.class)
class AllocatePortTest {
    private static final String ADAPTER = "A";
    /** A port number no allocation would assign here, to see whether a failed call wrote the field. */
    private static final int UNTOUCHED = 77;
    /** Non-default adapter auth states (R7). */
    private static final AuthStates ADAPTER_DEFAULTS = new AuthStates(PortControlState.CONTROLLED,
            PortControlState.CONTROLLED, PortAuthorizationState.AUTHORIZED, PortAuthorizationState.UNAUTHORIZED);
    /** Auth states a driver passes explicitly (R7 without the flag). */
    private static final AuthStates PASSED = new AuthStates(PortControlState.CONTROLLED,
            PortControlState.UNCONTROLLED, PortAuthorizationState.REAUTHORIZING, PortAuthorizationState.AUTHORIZED);

    final EngineFixture fx = new EngineFixture();
    final ScriptedMiniport m = new ScriptedMiniport();

    @Nested
    @Order(1)
    @DisplayName("§2.1 row 1: P0 -> FAILURE + violation R1")
    class Row1PreRegistration {
        @Test
        @DisplayName("R1 D2 allocation in P0 returns FAILURE, records R1, has no effect")
        void r1_allocateInP0_failureAndViolation() {
            PortCharacteristics c = chars().portNumber(UNTOUCHED);
            AtomicReference<AllocatePortResult> result = new AtomicReference<>();
            AtomicReference<AdapterPhase> phase = new AtomicReference<>();
            m.onInitialize = h -> {
                phase.set(ScriptedMiniport.viewOf(h).phase());
                result.set(h.allocatePort(c));
                h.setMiniportAttributes(MiniportAttributes.registration());
                return NdisStatus.SUCCESS;
            };
            AdapterRuntime a = fx.adapter(ADAPTER, m);

            assertStatus(NdisStatus.SUCCESS, a.initialize());

            assertEquals(AdapterPhase.P0_INIT_PRE_REG, phase.get());
            assertFailed(NdisStatus.FAILURE, result.get(), c);
            assertOnlyPort0(a, PortState.ACTIVATED);
            assertSingleRecord("R1", Severity.VIOLATION, Violation.NO_PORT);
            assertEquals(1, m.handle.allocatePort(chars()).portNumber(), "no number was consumed in P0");
        }

        @Test
        @DisplayName("D2 row 1 precedes row 3: invalid characteristics in P0 still give FAILURE + R1")
        void d2_invalidCharsInP0_failureNotInvalidData() {
            AtomicReference<AllocatePortResult> result = new AtomicReference<>();
            m.onInitialize = h -> {
                result.set(h.allocatePort(null));
                h.setMiniportAttributes(MiniportAttributes.registration());
                return NdisStatus.SUCCESS;
            };
            fx.initialized(ADAPTER, m);

            assertStatus(NdisStatus.FAILURE, result.get().status());
            assertSingleRecord("R1", Severity.VIOLATION, Violation.NO_PORT);
        }

        @Test
        @DisplayName("R1 D21 FAIL_FAST: allocation in P0 throws the R1 violation and has no effect")
        void r1_failFast_throwsWithoutEffect() {
            EngineFixture ff = new EngineFixture(VerifierMode.FAIL_FAST);
            PortCharacteristics c = chars().portNumber(UNTOUCHED);
            AtomicReference<NdisVerifierException> thrown = new AtomicReference<>();
            AtomicReference<AllocatePortResult> returned = new AtomicReference<>();
            AtomicReference<Integer> portsAfter = new AtomicReference<>();
            m.onInitialize = h -> {
                try {
                    returned.set(h.allocatePort(c));
                } catch (NdisVerifierException e) {
                    thrown.set(e);
                }
                portsAfter.set(ScriptedMiniport.viewOf(h).ports().size());
                h.setMiniportAttributes(MiniportAttributes.registration());
                return NdisStatus.SUCCESS;
            };
            AdapterRuntime a = ff.adapter(ADAPTER, m);

            assertStatus(NdisStatus.SUCCESS, a.initialize());

            assertNull(returned.get(), "the call must throw instead of returning");
            assertNotNull(thrown.get(), "FAIL_FAST must throw NdisVerifierException");
            assertEquals("R1", thrown.get().ruleId());
            assertRecord(thrown.get().violation(), "R1", Severity.VIOLATION, Violation.NO_PORT);
            assertEquals(0, portsAfter.get(), "no port may exist after the throwing call in P0");
            assertEquals(UNTOUCHED, c.portNumber(), "no number written");
            assertOnlyPort0(a, PortState.ACTIVATED);
            assertEquals(List.of("R1"), ff.ruleIds());
            assertEquals(1, m.handle.allocatePort(chars()).portNumber(), "no number was consumed");
        }
    }

    @Nested
    @Order(2)
    @DisplayName("§2.1 row 2: halt scheduled, P3 or P4 -> CLOSING (+ R2 in P3/P4)")
    class Row2Closing {
        @Test
        @DisplayName("R2 D2 while a halt is scheduled allocation returns CLOSING and records nothing")
        void r2_haltScheduled_closingWithoutRecord() {
            haltScheduledCase(fx);
        }

        @Test
        @DisplayName("R2 D2 D21 FAIL_FAST: halt scheduled returns CLOSING without throwing (no record)")
        void r2_haltScheduledFailFast_closingWithoutThrow() {
            haltScheduledCase(new EngineFixture(VerifierMode.FAIL_FAST));
        }

        private void haltScheduledCase(EngineFixture f) {
            PortCharacteristics c = chars().portNumber(UNTOUCHED);
            AtomicReference<AllocatePortResult> result = new AtomicReference<>();
            AtomicReference<AdapterView> seen = new AtomicReference<>();
            RecordingSink sink = new RecordingSink();
            sink.beforeUnavailable = (adapter, reason) -> {
                seen.set(ScriptedMiniport.viewOf(m.handle));
                result.set(m.handle.allocatePort(c));
            };
            f.context.sink(sink);
            AdapterRuntime a = new AdapterRuntime(AdapterSpec.virtual(ADAPTER, m, EngineFixture.BUNDLE), f.context);
            a.initialize();

            a.halt(HaltAction.DEVICE_DISABLED);

            assertNotNull(seen.get(), "the sink was announced and told of the halt");
            assertEquals(AdapterPhase.P2_OPERATIONAL, seen.get().phase());
            assertTrue(seen.get().haltScheduled(), "halt scheduled while the bindings close (D34)");
            assertFailed(NdisStatus.CLOSING, result.get(), c);
            assertEquals(1, seen.get().ports().size());
            assertEquals(List.of(), f.verifier.violations(), "no record while a halt is only scheduled");
            assertEquals(List.of("ready A [0]", "unavailable A HALT_SCHEDULED"), sink.calls);
        }

        @Test
        @DisplayName("R2 D2 allocation inside MiniportHaltEx (P3) returns CLOSING and records R2")
        void r2_allocateInP3_closingAndViolation() {
            PortCharacteristics c = chars().portNumber(UNTOUCHED);
            AtomicReference<AllocatePortResult> result = new AtomicReference<>();
            AtomicReference<AdapterView> seen = new AtomicReference<>();
            m.onHalt = h -> {
                seen.set(ScriptedMiniport.viewOf(h));
                result.set(h.allocatePort(c));
                ScriptedMiniport.wellBehavedHalt(h);
            };
            AdapterRuntime a = fx.initialized(ADAPTER, m);

            a.halt(HaltAction.DEVICE_DISABLED);

            assertEquals(AdapterPhase.P3_HALTING, seen.get().phase());
            assertFailed(NdisStatus.CLOSING, result.get(), c);
            assertSingleRecord("R2", Severity.VIOLATION, Violation.NO_PORT);
            assertEquals(List.of(), a.view().ports(), "nothing left after halt; no leftover (no R40)");
        }

        @Test
        @DisplayName("R2 D2 D21 FAIL_FAST: allocation in P3 throws the R2 violation and has no effect")
        void r2_allocateInP3FailFast_throwsWithoutEffect() {
            EngineFixture ff = new EngineFixture(VerifierMode.FAIL_FAST);
            PortCharacteristics c = chars().portNumber(UNTOUCHED);
            AtomicReference<NdisVerifierException> thrown = new AtomicReference<>();
            AtomicReference<Integer> portsAfter = new AtomicReference<>();
            m.onHalt = h -> {
                try {
                    h.allocatePort(c);
                } catch (NdisVerifierException e) {
                    thrown.set(e);
                }
                portsAfter.set(ScriptedMiniport.viewOf(h).ports().size());
                ScriptedMiniport.wellBehavedHalt(h);
            };
            AdapterRuntime a = ff.adapter(ADAPTER, m);
            a.initialize();

            a.halt(HaltAction.DEVICE_DISABLED);

            assertNotNull(thrown.get(), "FAIL_FAST must throw NdisVerifierException");
            assertEquals("R2", thrown.get().ruleId());
            assertRecord(thrown.get().violation(), "R2", Severity.VIOLATION, Violation.NO_PORT);
            assertEquals(1, portsAfter.get(), "only port 0: the throwing call created no port");
            assertEquals(UNTOUCHED, c.portNumber());
            assertEquals(List.of("R2"), ff.ruleIds(), "no R40 either: no port was left behind");
        }

        @Test
        @DisplayName("R2 D2 allocation with a stale handle after halt (P4) returns CLOSING and records R2")
        void r2_staleHandleAfterHalt_closingAndViolation() {
            AdapterRuntime a = fx.initialized(ADAPTER, m);
            a.halt(HaltAction.DEVICE_DISABLED);
            assertEquals(AdapterPhase.P4_HALTED, a.view().phase());
            PortCharacteristics c = chars().portNumber(UNTOUCHED);

            AllocatePortResult r = m.handle.allocatePort(c);

            assertFailed(NdisStatus.CLOSING, r, c);
            assertEquals(List.of(), a.view().ports());
            assertSingleRecord("R2", Severity.VIOLATION, Violation.NO_PORT);
        }

        @Test
        @DisplayName("R2 D2 allocation with the handle of a failed initialization (P4) returns CLOSING + R2")
        void r2_staleHandleAfterFailedInit_closingAndViolation() {
            m.onInitialize = h -> {
                h.setMiniportAttributes(MiniportAttributes.registration());
                return NdisStatus.FAILURE;
            };
            AdapterRuntime a = fx.adapter(ADAPTER, m);
            assertStatus(NdisStatus.FAILURE, a.initialize());
            PortCharacteristics c = chars().portNumber(UNTOUCHED);

            AllocatePortResult r = m.handle.allocatePort(c);

            assertFailed(NdisStatus.CLOSING, r, c);
            assertEquals(AdapterPhase.P4_HALTED, a.view().phase());
            assertSingleRecord("R2", Severity.VIOLATION, Violation.NO_PORT);
        }

        @Test
        @DisplayName("R2 D2 row 2 precedes row 3: null characteristics in P4 give CLOSING + R2")
        void d2_invalidCharsInP4_closingNotInvalidData() {
            AdapterRuntime a = fx.initialized(ADAPTER, m);
            a.halt(HaltAction.DEVICE_DISABLED);

            assertStatus(NdisStatus.CLOSING, m.handle.allocatePort(null).status());
            assertSingleRecord("R2", Severity.VIOLATION, Violation.NO_PORT);
        }

        @Test
        @DisplayName("R2 D2 D21 FAIL_FAST: stale handle in P4 throws the R2 violation, no port created")
        void r2_staleHandleFailFast_throwsWithoutEffect() {
            EngineFixture ff = new EngineFixture(VerifierMode.FAIL_FAST);
            AdapterRuntime a = ff.adapter(ADAPTER, m);
            a.initialize();
            a.halt(HaltAction.DEVICE_DISABLED);
            PortCharacteristics c = chars().portNumber(UNTOUCHED);

            NdisVerifierException e = assertThrows(NdisVerifierException.class, () -> m.handle.allocatePort(c));

            assertEquals("R2", e.ruleId());
            assertRecord(e.violation(), "R2", Severity.VIOLATION, Violation.NO_PORT);
            assertEquals(List.of(), a.view().ports());
            assertEquals(UNTOUCHED, c.portNumber());
            assertEquals(List.of("R2"), ff.ruleIds());
        }
    }

    @Nested
    @Order(3)
    @DisplayName("§2.1 row 3: characteristics invalid per D1 -> INVALID_DATA, no effect")
    class Row3InvalidData {
        AdapterRuntime a;

        @BeforeEach
        void init() {
            a = fx.initialized(ADAPTER, m);
        }

        @Test
        @DisplayName("D1 R9 null characteristics")
        void d1_nullCharacteristics_invalidData() {
            AllocatePortResult r = m.handle.allocatePort(null);
            assertStatus(NdisStatus.INVALID_DATA, r.status());
            assertEquals(0, r.portNumber());
            assertNoEffect();
        }

        @Test
        @DisplayName("D1 R9 null header")
        void d1_nullHeader_invalidData() {
            assertInvalid(chars().header(null));
        }

        @ParameterizedTest(name = "D1 R9 header type {0} (decimal)")
        @ValueSource(ints = {0x00, 0x01, 0x7F, 0x81, 0x9B, 0x9D, 0x9E, 0xFF})
        void d1_headerTypeNeither0x80Nor0x9C_invalidData(int type) {
            assertInvalid(chars().header(new NdisObjectHeader(type, 1, PortCharacteristics.SIZEOF_REVISION_1)));
        }

        @Test
        @DisplayName("D1 header type 0x9C (NDIS_OBJECT_TYPE_PORT_CHARACTERISTICS) accepted")
        void d1_headerType0x9C_accepted() {
            assertAccepted(chars().header(new NdisObjectHeader(NdisObjectHeader.TYPE_PORT_CHARACTERISTICS, 1, 60)));
        }

        @Test
        @DisplayName("D1 header type 0x80 (NDIS_OBJECT_TYPE_DEFAULT) accepted")
        void d1_headerType0x80_accepted() {
            assertAccepted(chars().header(new NdisObjectHeader(NdisObjectHeader.TYPE_DEFAULT, 1, 60)));
        }

        @Test
        @DisplayName("D1 R9 header revision 0")
        void d1_revision0_invalidData() {
            assertInvalid(chars().header(new NdisObjectHeader(0x80, 0, 60)));
        }

        @ParameterizedTest(name = "D1 header revision {0} accepted")
        @ValueSource(ints = {1, 2, 255})
        void d1_revisionAtLeast1_accepted(int revision) {
            assertAccepted(chars().header(new NdisObjectHeader(0x80, revision, 60)));
        }

        @Test
        @DisplayName("D1 R9 header size 59")
        void d1_size59_invalidData() {
            assertInvalid(chars().header(new NdisObjectHeader(0x80, 1, 59)));
        }

        @Test
        @DisplayName("D1 R9 header size 0")
        void d1_size0_invalidData() {
            assertInvalid(chars().header(new NdisObjectHeader(0x80, 1, 0)));
        }

        @ParameterizedTest(name = "D1 header size {0} accepted")
        @ValueSource(ints = {60, 64, 0xFFFF})
        void d1_sizeAtLeast60_accepted(int size) {
            assertAccepted(chars().header(new NdisObjectHeader(0x80, 1, size)));
        }

        @Test
        @DisplayName("D1 R9 port type 5 (NdisPortTypeMax)")
        void d1_type5_invalidData() {
            assertInvalid(chars().type(5));
        }

        @Test
        @DisplayName("D1 R9 port type -1 is 0xFFFFFFFF unsigned, not below 5")
        void d1_typeMinus1Unsigned_invalidData() {
            assertInvalid(chars().type(-1));
        }

        @Test
        @DisplayName("D1 R9 port type 0x80000000 (negative as a Java int)")
        void d1_typeMinValueUnsigned_invalidData() {
            assertInvalid(chars().type(Integer.MIN_VALUE));
        }

        @ParameterizedTest(name = "D1 port type {0} accepted")
        @ValueSource(ints = {0, 2, 3})
        void d1_typesBelow5_accepted(int type) {
            assertAccepted(chars().type(type));
        }

        @Test
        @DisplayName("D1 R9 flags 0x2 (a bit other than USE_DEFAULT_AUTH_SETTINGS)")
        void d1_flags0x2_invalidData() {
            assertInvalid(chars().flags(0x2));
        }

        @Test
        @DisplayName("D1 R9 flags 0x3 (0x1 plus an unknown bit)")
        void d1_flags0x3_invalidData() {
            assertInvalid(chars().flags(0x3));
        }

        @Test
        @DisplayName("D1 R9 flags 0x80000000")
        void d1_flagsHighBit_invalidData() {
            assertInvalid(chars().flags(0x80000000));
        }

        @ParameterizedTest(name = "D1 flags {0} accepted")
        @ValueSource(ints = {0x0, 0x1})
        void d1_knownFlags_accepted(int flags) {
            assertAccepted(chars().flags(flags));
        }

        @Test
        @DisplayName("D1 nothing else is checked: odd port number, link state and large header accepted")
        void d1_nothingElseChecked_accepted() {
            PortCharacteristics c = chars().header(new NdisObjectHeader(0x9C, 7, 0xFFFF)).portNumber(-1)
                    .linkState(new LinkState(MediaConnectState.CONNECTED, 0, -1L, NetIfDirection.SEND_ONLY));
            assertAccepted(c);
        }

        @Test
        @DisplayName("D1 D3 row 3 precedes row 4: invalid characteristics with every number in use -> INVALID_DATA")
        void d1_invalidWhileExhausted_invalidDataNotResources() {
            fx.context.portLimit(1);
            assertStatus(NdisStatus.SUCCESS, m.handle.allocatePort(chars()).status());

            assertStatus(NdisStatus.INVALID_DATA, m.handle.allocatePort(chars().type(5)).status());
            assertEquals(List.of(), fx.verifier.violations());
        }

        private void assertInvalid(PortCharacteristics c) {
            c.portNumber(UNTOUCHED);
            assertFailed(NdisStatus.INVALID_DATA, m.handle.allocatePort(c), c);
            assertNoEffect();
        }

        /** R8: nothing changed, no record, and the next valid allocation still gets number 1. */
        private void assertNoEffect() {
            assertOnlyPort0(a, PortState.ACTIVATED);
            assertEquals(List.of(), fx.verifier.violations(), "INVALID_DATA records nothing");
            assertEquals(1, m.handle.allocatePort(chars()).portNumber(), "no number was consumed");
        }

        private void assertAccepted(PortCharacteristics c) {
            AllocatePortResult r = m.handle.allocatePort(c);
            assertStatus(NdisStatus.SUCCESS, r.status());
            assertEquals(1, r.portNumber());
            assertEquals(1, c.portNumber());
            assertEquals(PortState.ALLOCATED, a.view().port(1).state());
            assertEquals(List.of(), fx.verifier.violations());
        }
    }

    @Nested
    @Order(4)
    @DisplayName("§2.1 row 4: every number 1..limit in use -> RESOURCES")
    class Row4Resources {
        @Test
        @DisplayName("D3 R8 with limit 3 the fourth allocation returns RESOURCES and has no effect")
        void d3_allNumbersUpToLimitInUse_resources() {
            fx.context.portLimit(3);
            AdapterRuntime a = fx.initialized(ADAPTER, m);
            List<Integer> numbers = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                numbers.add(m.handle.allocatePort(chars()).portNumber());
            }
            assertEquals(List.of(1, 2, 3), numbers);
            PortCharacteristics c = chars().portNumber(UNTOUCHED);

            AllocatePortResult r = m.handle.allocatePort(c);

            assertFailed(NdisStatus.RESOURCES, r, c);
            assertEquals(List.of(0, 1, 2, 3), numbersOf(a));
            for (int n = 1; n <= 3; n++) {
                assertEquals(PortState.ALLOCATED, a.view().port(n).state());
            }
            assertEquals(List.of(), fx.verifier.violations(), "RESOURCES records nothing");
        }

        @Test
        @DisplayName("D3 R43 once a number under the limit is freed allocation succeeds again with it")
        void d3_afterFreeUnderLimit_succeedsAgain() {
            fx.context.portLimit(3);
            fx.initialized(ADAPTER, m);
            for (int i = 0; i < 3; i++) {
                m.handle.allocatePort(chars());
            }
            assertStatus(NdisStatus.SUCCESS, m.handle.freePort(2));

            assertEquals(new AllocatePortResult(NdisStatus.SUCCESS, 2), m.handle.allocatePort(chars()));
            assertStatus(NdisStatus.RESOURCES, m.handle.allocatePort(chars()).status());
        }

        @Test
        @DisplayName("D3 the default limit is 0xFFFFFF and a lower one is configurable (clamped to >= 1)")
        void d3_limitDefaultAndConfigurable() {
            assertEquals(PortNumbers.MAX_PORT_NUMBER, fx.context.portLimit());
            fx.context.portLimit(0);
            assertEquals(1, fx.context.portLimit());
            fx.context.portLimit(Integer.MAX_VALUE);
            assertEquals(PortNumbers.MAX_PORT_NUMBER, fx.context.portLimit());
            fx.context.portLimit(1);
            fx.initialized(ADAPTER, m);

            assertEquals(new AllocatePortResult(NdisStatus.SUCCESS, 1), m.handle.allocatePort(chars()));
            assertStatus(NdisStatus.RESOURCES, m.handle.allocatePort(chars()).status());
        }
    }

    @Nested
    @Order(5)
    @DisplayName("§2.1 row 5: otherwise SUCCESS")
    class Row5Success {
        @Test
        @DisplayName("R4 R5 success: lowest free number >= 1, returned and written to the characteristics")
        void r4_r5_success_lowestNumberWrittenToCharacteristics() {
            AdapterRuntime a = fx.initialized(ADAPTER, m);
            PortCharacteristics c1 = chars();
            PortCharacteristics c2 = chars();

            AllocatePortResult r1 = m.handle.allocatePort(c1);
            AllocatePortResult r2 = m.handle.allocatePort(c2);

            assertEquals(new AllocatePortResult(NdisStatus.SUCCESS, 1), r1);
            assertEquals(new AllocatePortResult(NdisStatus.SUCCESS, 2), r2);
            assertEquals(1, c1.portNumber(), "R4: number written into the characteristics");
            assertEquals(2, c2.portNumber());
            assertEquals(List.of(0, 1, 2), numbersOf(a));
            assertEquals(List.of(), fx.verifier.violations());
        }

        @Test
        @DisplayName("R6 the new port is ALLOCATED and no port event reaches the bindings")
        void r6_newPortAllocated_noPortEvent() {
            RecordingSink sink = new RecordingSink();
            fx.context.sink(sink);
            AdapterRuntime a = fx.initialized(ADAPTER, m);
            assertEquals(List.of("ready A [0]"), sink.calls, "the sink was announced");

            AllocatePortResult r = m.handle.allocatePort(chars());

            assertStatus(NdisStatus.SUCCESS, r.status());
            PortView p = a.view().port(r.portNumber());
            assertEquals(PortState.ALLOCATED, p.state());
            assertFalse(p.lastActivationFailed());
            assertEquals(List.of(), sink.portEvents, "R6: no PnP event for a new port");
            assertEquals(List.of("ready A [0]"), sink.calls);
        }

        @Test
        @DisplayName("R6 allocation inside MiniportInitializeEx after registration (P1) succeeds")
        void r6_allocateInP1_success() {
            AtomicReference<AllocatePortResult> result = new AtomicReference<>();
            AtomicReference<AdapterPhase> phase = new AtomicReference<>();
            m.onInitialize = h -> {
                h.setMiniportAttributes(MiniportAttributes.registration());
                phase.set(ScriptedMiniport.viewOf(h).phase());
                result.set(h.allocatePort(chars()));
                return NdisStatus.SUCCESS;
            };
            AdapterRuntime a = fx.initialized(ADAPTER, m);

            assertEquals(AdapterPhase.P1_INIT_POST_REG, phase.get());
            assertEquals(new AllocatePortResult(NdisStatus.SUCCESS, 1), result.get());
            assertEquals(PortState.ALLOCATED, a.view().port(1).state());
            assertEquals(List.of(), fx.verifier.violations());
        }

        @ParameterizedTest(name = "R3 input port number {0} ignored")
        @ValueSource(ints = {0, 1, 5, 0xFFFFFF, 0x1000000, -1})
        void r3_inputPortNumberIgnored(int input) {
            AdapterRuntime a = fx.initialized(ADAPTER, m);
            PortCharacteristics c = chars().portNumber(input);

            AllocatePortResult r = m.handle.allocatePort(c);

            assertEquals(new AllocatePortResult(NdisStatus.SUCCESS, 1), r);
            assertEquals(1, c.portNumber());
            assertEquals(List.of(0, 1), numbersOf(a));
        }

        @Test
        @DisplayName("R3 0 is never assigned, also after freeing everything")
        void r3_zeroNeverAssigned() {
            AdapterRuntime a = fx.initialized(ADAPTER, m);
            for (int round = 0; round < 3; round++) {
                for (int i = 1; i <= 70; i++) {
                    AllocatePortResult r = m.handle.allocatePort(chars().portNumber(0));
                    assertEquals(new AllocatePortResult(NdisStatus.SUCCESS, i), r);
                }
                for (int i = 1; i <= 70; i++) {
                    assertStatus(NdisStatus.SUCCESS, m.handle.freePort(i));
                }
            }
            assertEquals(List.of(0), numbersOf(a));
            assertEquals(PortState.ACTIVATED, a.view().port(0).state(), "port 0 untouched");
        }

        @Test
        @DisplayName("R5 R43 the lowest free number is reused after a free")
        void r5_r43_lowestFreeReused() {
            AdapterRuntime a = fx.initialized(ADAPTER, m);
            for (int i = 1; i <= 5; i++) {
                m.handle.allocatePort(chars());
            }
            assertStatus(NdisStatus.SUCCESS, m.handle.freePort(4));
            assertStatus(NdisStatus.SUCCESS, m.handle.freePort(2));

            assertEquals(2, m.handle.allocatePort(chars()).portNumber());
            assertEquals(4, m.handle.allocatePort(chars()).portNumber());
            assertEquals(6, m.handle.allocatePort(chars()).portNumber());
            assertEquals(List.of(0, 1, 2, 3, 4, 5, 6), numbersOf(a));
        }

        @Test
        @DisplayName("R43 a reused number names a new ALLOCATED port with the new characteristics")
        void r43_reusedNumberIsNewPort() {
            AdapterRuntime a = fx.initialized(ADAPTER, m);
            int n = m.handle.allocatePort(chars(PortType.RAS_CONNECTION)).portNumber();
            m.handle.netPnPEvent(NetPnPEventNotification.portActivation(n));
            m.handle.netPnPEvent(NetPnPEventNotification.portDeactivation(n));
            assertStatus(NdisStatus.SUCCESS, m.handle.freePort(n));

            AllocatePortResult again = m.handle.allocatePort(chars(PortType.IEEE8021X_SUPPLICANT));

            assertEquals(new AllocatePortResult(NdisStatus.SUCCESS, n), again);
            PortView p = a.view().port(n);
            assertEquals(PortState.ALLOCATED, p.state());
            assertEquals(PortType.IEEE8021X_SUPPLICANT.value(), p.type());
        }

        @Test
        @DisplayName("R7 D20 USE_DEFAULT_AUTH_SETTINGS gives the adapter's default auth states")
        void r7_useDefaultAuthSettings_adapterDefaults() {
            AdapterRuntime a = adapterWithDefaults();
            PortCharacteristics c = chars().authStates(PASSED);
            assertTrue(c.usesDefaultAuthSettings());

            int n = m.handle.allocatePort(c).portNumber();

            assertEquals(ADAPTER_DEFAULTS, a.view().port(n).authStates(), "passed auth states ignored");
            assertEquals(PortCharacteristics.USE_DEFAULT_AUTH_SETTINGS, a.view().port(n).flags());
        }

        @Test
        @DisplayName("R7 D20 without USE_DEFAULT_AUTH_SETTINGS the passed auth states are kept")
        void r7_withoutFlag_passedAuthKept() {
            AdapterRuntime a = adapterWithDefaults();
            PortCharacteristics c = chars().flags(0).authStates(PASSED);

            int n = m.handle.allocatePort(c).portNumber();

            assertEquals(PASSED, a.view().port(n).authStates());
            assertEquals(0, a.view().port(n).flags());
        }

        @Test
        @DisplayName("D20 the link state cache is seeded from the characteristics, and type is kept")
        void d20_linkStateSeededFromCharacteristics() {
            AdapterRuntime a = fx.initialized(ADAPTER, m);
            LinkState link = new LinkState(MediaConnectState.CONNECTED, 1_000_000_000L, 100_000_000L,
                    NetIfDirection.SEND_ONLY);
            PortCharacteristics c = chars(PortType.RAS_CONNECTION).linkState(link);

            int n = m.handle.allocatePort(c).portNumber();

            PortView p = a.view().port(n);
            assertEquals(link, p.linkState());
            assertEquals(PortType.RAS_CONNECTION.value(), p.type());
            assertEquals(AuthStates.UNCONTROLLED_UNKNOWN, p.authStates(), "virtual adapter defaults (§1.3)");
        }

        @Test
        @DisplayName("R10 D1 type Bridge: warning R10, call succeeds")
        void r10_bridge_warningAndSuccess() {
            reservedTypeCase(fx, PortType.BRIDGE);
        }

        @Test
        @DisplayName("R10 D1 type NdisImPlatform: warning R10, call succeeds")
        void r10_ndisImPlatform_warningAndSuccess() {
            reservedTypeCase(fx, PortType.NDIS_IM_PLATFORM);
        }

        @Test
        @DisplayName("R10 D21 FAIL_FAST: the R10 warning does not throw")
        void r10_failFast_warningDoesNotThrow() {
            reservedTypeCase(new EngineFixture(VerifierMode.FAIL_FAST), PortType.BRIDGE);
        }

        @ParameterizedTest(name = "R10 type {0} gives no warning")
        @ValueSource(ints = {0, 2, 3})
        void r10_otherTypes_noWarning(int type) {
            fx.initialized(ADAPTER, m);

            assertStatus(NdisStatus.SUCCESS, m.handle.allocatePort(chars().type(type)).status());
            assertEquals(List.of(), fx.verifier.violations());
        }

        private void reservedTypeCase(EngineFixture f, PortType type) {
            AdapterRuntime a = new AdapterRuntime(AdapterSpec.virtual(ADAPTER, m, EngineFixture.BUNDLE), f.context);
            a.initialize();

            AllocatePortResult r = m.handle.allocatePort(chars(type));

            assertEquals(new AllocatePortResult(NdisStatus.SUCCESS, 1), r);
            assertEquals(PortState.ALLOCATED, a.view().port(1).state());
            assertEquals(type.value(), a.view().port(1).type());
            List<Violation> records = f.verifier.violations();
            assertEquals(1, records.size(), () -> "records: " + records);
            assertRecord(records.get(0), "R10", Severity.WARNING, 1);
        }
    }

    @Nested
    @Order(6)
    @DisplayName("R54 NdisMAllocatePort at IRQL <= DISPATCH (D31)")
    class IrqlR54 {
        @Test
        @DisplayName("R54 D31 allocation at DISPATCH records nothing")
        void r54_atDispatch_noRecord() {
            AdapterRuntime a = fx.initialized(ADAPTER, m);
            Irql old = m.handle.raiseIrql(Irql.DISPATCH_LEVEL);
            AllocatePortResult r;
            try {
                r = m.handle.allocatePort(chars());
            } finally {
                m.handle.lowerIrql(old);
            }
            assertEquals(new AllocatePortResult(NdisStatus.SUCCESS, 1), r);
            assertEquals(PortState.ALLOCATED, a.view().port(1).state());
            assertEquals(List.of(), fx.verifier.violations());
        }

        @Test
        @DisplayName("R54 D31 allocation at DIRQL records R54; the IRQL check only records, the call succeeds")
        void r54_atDirql_violationRecorded() {
            AdapterRuntime a = fx.initialized(ADAPTER, m);
            Irql old = m.handle.raiseIrql(Irql.DIRQL);
            AllocatePortResult r;
            try {
                r = m.handle.allocatePort(chars());
            } finally {
                m.handle.lowerIrql(old);
            }
            assertEquals(Irql.PASSIVE_LEVEL, m.handle.currentIrql());
            assertEquals(new AllocatePortResult(NdisStatus.SUCCESS, 1), r);
            assertEquals(PortState.ALLOCATED, a.view().port(1).state());
            assertSingleRecord("R54", Severity.VIOLATION, Violation.NO_PORT);
        }

        @Test
        @DisplayName("R54 D21 FAIL_FAST: allocation at DIRQL throws the R54 violation, no port created")
        void r54_atDirqlFailFast_throwsWithoutEffect() {
            EngineFixture ff = new EngineFixture(VerifierMode.FAIL_FAST);
            AdapterRuntime a = ff.adapter(ADAPTER, m);
            a.initialize();
            PortCharacteristics c = chars().portNumber(UNTOUCHED);
            Irql old = m.handle.raiseIrql(Irql.DIRQL);
            NdisVerifierException e;
            try {
                e = assertThrows(NdisVerifierException.class, () -> m.handle.allocatePort(c));
            } finally {
                m.handle.lowerIrql(old);
            }
            assertEquals("R54", e.ruleId());
            assertRecord(e.violation(), "R54", Severity.VIOLATION, Violation.NO_PORT);
            assertEquals(UNTOUCHED, c.portNumber());
            assertOnlyPort0(a, PortState.ACTIVATED);
            assertEquals(1, m.handle.allocatePort(chars()).portNumber(), "no number was consumed");
        }
    }

    // ---- helpers

    private AdapterRuntime adapterWithDefaults() {
        AdapterSpec spec = new AdapterSpec(ADAPTER, m, "drv", EngineFixture.BUNDLE, ADAPTER_DEFAULTS, List.of(), -1,
                false);
        AdapterRuntime a = new AdapterRuntime(spec, fx.context);
        assertStatus(NdisStatus.SUCCESS, a.initialize());
        assertEquals(ADAPTER_DEFAULTS, a.view().port(0).authStates());
        return a;
    }

    private static PortCharacteristics chars() {
        return PortCharacteristics.forAllocation();
    }

    private static PortCharacteristics chars(PortType type) {
        return PortCharacteristics.forAllocation(type);
    }

    private static List<Integer> numbersOf(AdapterRuntime a) {
        return a.view().ports().stream().map(PortView::portNumber).toList();
    }

    private static void assertOnlyPort0(AdapterRuntime a, PortState state) {
        AdapterView v = a.view();
        assertEquals(1, v.ports().size(), () -> "ports: " + v.ports());
        assertEquals(state, v.port(0).state());
    }

    /** A failed allocation: the status by value, number 0, nothing written into the characteristics. */
    private static void assertFailed(NdisStatus expected, AllocatePortResult r, PortCharacteristics c) {
        assertNotNull(r, "allocatePort returned");
        assertStatus(expected, r.status());
        assertEquals(0, r.portNumber(), "a failed result carries no number");
        assertFalse(r.succeeded());
        assertEquals(UNTOUCHED, c.portNumber(), "R8: no number written on failure");
    }

    static void assertStatus(NdisStatus expected, NdisStatus actual) {
        assertNotNull(actual, "status");
        assertEquals(expected.code(), actual.code(),
                () -> "expected " + expected.ndisName() + " (0x" + Integer.toHexString(expected.code())
                        + ") but was " + actual.ndisName() + " (0x" + Integer.toHexString(actual.code()) + ")");
    }

    private void assertSingleRecord(String ruleId, Severity severity, long port) {
        List<Violation> records = fx.verifier.violations();
        assertEquals(1, records.size(), () -> "records: " + records);
        assertRecord(records.get(0), ruleId, severity, port);
    }

    static void assertRecord(Violation v, String ruleId, Severity severity, long port) {
        assertAll(() -> assertEquals(ruleId, v.ruleId(), "ruleId"),
                () -> assertEquals(severity, v.severity(), "severity"),
                () -> assertEquals(ADAPTER, v.adapter(), "adapter"),
                () -> assertEquals(port, v.port(), "port"),
                () -> assertEquals(EngineFixture.BUNDLE, v.bundle(), "bundle"));
    }
}
