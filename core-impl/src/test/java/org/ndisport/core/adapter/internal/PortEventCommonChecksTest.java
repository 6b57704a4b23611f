package org.ndisport.core.adapter.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ndisport.core.adapter.internal.PortEventTestSupport.activate;
import static org.ndisport.core.adapter.internal.PortEventTestSupport.allocate;
import static org.ndisport.core.adapter.internal.PortEventTestSupport.assertNoRecords;
import static org.ndisport.core.adapter.internal.PortEventTestSupport.assertOnlyRecord;
import static org.ndisport.core.adapter.internal.PortEventTestSupport.assertRecord;
import static org.ndisport.core.adapter.internal.PortEventTestSupport.assertStates;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.ndisport.api.Irql;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.NdisVerifierException;
import org.ndisport.api.binding.UnbindReason;
import org.ndisport.api.data.OidRequest;
import org.ndisport.api.data.Oids;
import org.ndisport.api.miniport.HaltAction;
import org.ndisport.api.miniport.MiniportAttributes;
import org.ndisport.api.miniport.NdisMiniportHandle;
import org.ndisport.api.pnp.NetPnPEvent;
import org.ndisport.api.pnp.NetPnPEventNotification;
import org.ndisport.api.port.AuthStates;
import org.ndisport.api.runtime.AdapterPhase;
import org.ndisport.api.runtime.AdapterSpec;
import org.ndisport.api.runtime.PortState;
import org.ndisport.api.runtime.Severity;
import org.ndisport.api.runtime.VerifierMode;
import org.ndisport.api.runtime.Violation;

/** NdisMNetPnPEvent common checks C0-C4 (spec §2.3) and the phases of D13. */
class PortEventCommonChecksTest {
    private EngineFixture fx;
    private RecordingSink sink;
    private ScriptedMiniport m;
    private AdapterRuntime a;

    @BeforeEach
    void setUp() {
        use(new EngineFixture());
    }

    private void use(EngineFixture fixture) {
        fx = fixture;
        sink = new RecordingSink();
        fx.context.sink(sink);
        m = new ScriptedMiniport();
    }

    /** Initializes adapter A with the miniport's script and allocates port 1 (ALLOCATED). */
    private NdisMiniportHandle start() {
        a = fx.initialized("A", m);
        assertEquals(AdapterPhase.P2_OPERATIONAL, a.view().phase());
        assertEquals(1, allocate(m.handle));
        return m.handle;
    }

    private static NetPnPEventNotification withCode(int code) {
        NetPnPEventNotification n = NetPnPEventNotification.portActivation(1);
        n.netPnPEvent().netEvent(code);
        return n;
    }

    // ---- C0: IRQL and call context (R56, R57, D31) ----

    @ParameterizedTest
    @EnumSource(value = Irql.class, names = {"APC_LEVEL", "DISPATCH_LEVEL", "DIRQL"})
    @DisplayName("C0 R56 NdisMNetPnPEvent above PASSIVE: violation recorded, the call continues and succeeds")
    void c0_r56_abovePassive_recordedAndCallContinues(Irql irql) {
        NdisMiniportHandle h = start();
        Irql old = h.raiseIrql(irql);
        NdisStatus s;
        try {
            s = h.netPnPEvent(NetPnPEventNotification.portActivation(1));
        } finally {
            h.lowerIrql(old);
        }
        assertEquals(NdisStatus.SUCCESS, s);
        assertStates(a.view(), PortState.ACTIVATED, 1);
        assertTrue(sink.calls.contains("activate A [1]"), sink.calls.toString());
        assertOnlyRecord(fx, "R56", Severity.VIOLATION, "A", Violation.NO_PORT);
    }

    @Test
    @DisplayName("C0 R56 FAIL_FAST: NdisMNetPnPEvent at DISPATCH throws and has no other effect")
    void c0_r56_failFast_throwsWithoutEffect() {
        use(new EngineFixture(VerifierMode.FAIL_FAST));
        NdisMiniportHandle h = start();
        Irql old = h.raiseIrql(Irql.DISPATCH_LEVEL);
        NdisVerifierException e;
        try {
            e = assertThrows(NdisVerifierException.class,
                    () -> h.netPnPEvent(NetPnPEventNotification.portActivation(1)));
        } finally {
            h.lowerIrql(old);
        }
        assertEquals("R56", e.ruleId());
        assertRecord(e.violation(), "R56", Severity.VIOLATION, "A", Violation.NO_PORT);
        assertStates(a.view(), PortState.ALLOCATED, 1);
        assertTrue(sink.portEvents.isEmpty());
        assertOnlyRecord(fx, "R56", Severity.VIOLATION, "A", Violation.NO_PORT);
    }

    @Test
    @DisplayName("C0 R57 NdisMNetPnPEvent inside MiniportOidRequest: violation recorded, the call continues")
    void c0_r57_insideOidRequest_recordedAndCallContinues() {
        NdisMiniportHandle h = start();
        AtomicReference<NdisStatus> inner = new AtomicReference<>();
        m.onOid = r -> {
            inner.set(h.netPnPEvent(NetPnPEventNotification.portActivation(1)));
            return NdisStatus.SUCCESS;
        };
        assertNotNull(sink.lastAdapter, "adapter announced");
        NdisStatus oid = sink.lastAdapter.oidRequest(
                OidRequest.set(Oids.OID_GEN_PORT_AUTHENTICATION_PARAMETERS, 0, null, 20));
        assertEquals(NdisStatus.SUCCESS, oid);
        assertEquals(NdisStatus.SUCCESS, inner.get());
        assertStates(a.view(), PortState.ACTIVATED, 1);
        assertOnlyRecord(fx, "R57", Severity.VIOLATION, "A", Violation.NO_PORT);
    }

    @Test
    @DisplayName("C0 R57 NdisMNetPnPEvent while a pended OID is open: recorded; none once it completed")
    void c0_r57_whilePendedOidOpen_recorded() {
        NdisMiniportHandle h = start();
        m.onOid = r -> NdisStatus.PENDING;
        OidRequest request = OidRequest.set(Oids.OID_GEN_PORT_AUTHENTICATION_PARAMETERS, 0, null, 20);
        assertEquals(NdisStatus.PENDING, sink.lastAdapter.oidRequest(request));

        assertEquals(NdisStatus.SUCCESS, h.netPnPEvent(NetPnPEventNotification.portActivation(1)));
        assertStates(a.view(), PortState.ACTIVATED, 1);
        assertOnlyRecord(fx, "R57", Severity.VIOLATION, "A", Violation.NO_PORT);

        h.oidRequestComplete(request, NdisStatus.SUCCESS);
        assertEquals(NdisStatus.SUCCESS, h.netPnPEvent(NetPnPEventNotification.portDeactivation(1)));
        assertEquals(1, fx.verifier.violations().size(), fx.verifier.violations().toString());
    }

    @Test
    @DisplayName("C0 R57 FAIL_FAST: NdisMNetPnPEvent inside MiniportOidRequest throws and has no other effect")
    void c0_r57_failFast_insideOidRequest_throws() {
        use(new EngineFixture(VerifierMode.FAIL_FAST));
        NdisMiniportHandle h = start();
        AtomicReference<RuntimeException> thrown = new AtomicReference<>();
        m.onOid = r -> {
            try {
                h.netPnPEvent(NetPnPEventNotification.portActivation(1));
            } catch (RuntimeException e) {
                thrown.set(e);
            }
            return NdisStatus.SUCCESS;
        };
        sink.lastAdapter.oidRequest(OidRequest.set(Oids.OID_GEN_PORT_AUTHENTICATION_PARAMETERS, 0, null, 20));
        NdisVerifierException e = assertInstanceOfVerifier(thrown.get());
        assertRecord(e.violation(), "R57", Severity.VIOLATION, "A", Violation.NO_PORT);
        assertStates(a.view(), PortState.ALLOCATED, 1);
        assertTrue(sink.portEvents.isEmpty());
        assertOnlyRecord(fx, "R57", Severity.VIOLATION, "A", Violation.NO_PORT);
    }

    @Test
    @DisplayName("C0 before C2: at DISPATCH on a stale handle records R56 then R75 and returns CLOSING")
    void c0_beforeC2_bothRecorded() {
        NdisMiniportHandle h = start();
        a.halt(HaltAction.DEVICE_DISABLED);
        assertNoRecords(fx);
        Irql old = h.raiseIrql(Irql.DISPATCH_LEVEL);
        NdisStatus s;
        try {
            s = h.netPnPEvent(NetPnPEventNotification.portActivation(1));
        } finally {
            h.lowerIrql(old);
        }
        assertEquals(NdisStatus.CLOSING, s);
        List<Violation> v = fx.verifier.violations();
        assertEquals(2, v.size(), v.toString());
        assertRecord(v.get(0), "R56", Severity.VIOLATION, "A", Violation.NO_PORT);
        assertRecord(v.get(1), "R75", Severity.VIOLATION, "A", Violation.NO_PORT);
    }

    // ---- C1: P0 (R75, D13) ----

    @Test
    @DisplayName("C1 R75 D13 NdisMNetPnPEvent in P0 returns FAILURE with violation R75, before the code check")
    void c1_p0_failure_r75() {
        List<NdisStatus> statuses = new ArrayList<>();
        List<AdapterPhase> phases = new ArrayList<>();
        m.onInitialize = h -> {
            phases.add(ScriptedMiniport.viewOf(h).phase());
            statuses.add(h.netPnPEvent(NetPnPEventNotification.portActivation(1)));
            statuses.add(h.netPnPEvent(NetPnPEventNotification.portDeactivation(0)));
            statuses.add(h.netPnPEvent(withCode(0)));
            h.setMiniportAttributes(MiniportAttributes.registration());
            return NdisStatus.SUCCESS;
        };
        a = fx.initialized("A", m);
        assertEquals(List.of(AdapterPhase.P0_INIT_PRE_REG), phases);
        assertEquals(List.of(NdisStatus.FAILURE, NdisStatus.FAILURE, NdisStatus.FAILURE), statuses);
        assertEquals(AdapterPhase.P2_OPERATIONAL, a.view().phase());
        List<Violation> v = fx.verifier.violations();
        assertEquals(3, v.size(), v.toString());
        for (Violation r : v) {
            assertRecord(r, "R75", Severity.VIOLATION, "A", Violation.NO_PORT);
        }
        assertTrue(sink.portEvents.isEmpty());
    }

    @Test
    @DisplayName("C1 R75 FAIL_FAST: NdisMNetPnPEvent in P0 throws and has no other effect")
    void c1_p0_failFast_throws() {
        use(new EngineFixture(VerifierMode.FAIL_FAST));
        AtomicReference<RuntimeException> thrown = new AtomicReference<>();
        m.onInitialize = h -> {
            try {
                h.netPnPEvent(NetPnPEventNotification.portActivation(0));
            } catch (RuntimeException e) {
                thrown.set(e);
            }
            h.setMiniportAttributes(MiniportAttributes.registration());
            return NdisStatus.SUCCESS;
        };
        a = fx.initialized("A", m);
        NdisVerifierException e = assertInstanceOfVerifier(thrown.get());
        assertRecord(e.violation(), "R75", Severity.VIOLATION, "A", Violation.NO_PORT);
        assertEquals(AdapterPhase.P2_OPERATIONAL, a.view().phase());
        assertStates(a.view(), PortState.ACTIVATED, 0);
        assertOnlyRecord(fx, "R75", Severity.VIOLATION, "A", Violation.NO_PORT);
    }

    // ---- C2: P4 (R75, D13) ----

    @Test
    @DisplayName("C2 R75 D13 NdisMNetPnPEvent on a stale handle after halt returns CLOSING with violation R75")
    void c2_p4_staleHandle_closing_r75() {
        NdisMiniportHandle h = start();
        a.halt(HaltAction.DEVICE_DISABLED);
        assertEquals(AdapterPhase.P4_HALTED, a.view().phase());
        assertNoRecords(fx);
        assertEquals(NdisStatus.CLOSING, h.netPnPEvent(NetPnPEventNotification.portActivation(1)));
        assertEquals(NdisStatus.CLOSING, h.netPnPEvent(NetPnPEventNotification.portDeactivation(0)));
        assertEquals(NdisStatus.CLOSING, h.netPnPEvent(withCode(0)));
        assertEquals(NdisStatus.CLOSING, h.netPnPEvent(NetPnPEventNotification.of(
                new NetPnPEvent(10, null, 0))));
        List<Violation> v = fx.verifier.violations();
        assertEquals(4, v.size(), v.toString());
        for (Violation r : v) {
            assertRecord(r, "R75", Severity.VIOLATION, "A", Violation.NO_PORT);
        }
        assertStates(a.view(), PortState.NONEXISTENT, 0, 1);
    }

    @Test
    @DisplayName("C2 R75 D13 NdisMNetPnPEvent after a failed MiniportInitializeEx returns CLOSING")
    void c2_afterFailedInitialize_closing_r75() {
        m.onInitialize = h -> {
            h.setMiniportAttributes(MiniportAttributes.registration());
            return NdisStatus.FAILURE;
        };
        a = fx.initialized("A", m);
        assertEquals(AdapterPhase.P4_HALTED, a.view().phase());
        assertEquals(NdisStatus.CLOSING, m.handle.netPnPEvent(NetPnPEventNotification.portDeactivation(0)));
        assertOnlyRecord(fx, "R75", Severity.VIOLATION, "A", Violation.NO_PORT);
    }

    @Test
    @DisplayName("C2 R75 FAIL_FAST: NdisMNetPnPEvent on a stale handle throws")
    void c2_p4_failFast_throws() {
        use(new EngineFixture(VerifierMode.FAIL_FAST));
        NdisMiniportHandle h = start();
        a.halt(HaltAction.DEVICE_DISABLED);
        NdisVerifierException e = assertThrows(NdisVerifierException.class,
                () -> h.netPnPEvent(NetPnPEventNotification.portActivation(1)));
        assertRecord(e.violation(), "R75", Severity.VIOLATION, "A", Violation.NO_PORT);
        assertEquals(AdapterPhase.P4_HALTED, a.view().phase());
        assertOnlyRecord(fx, "R75", Severity.VIOLATION, "A", Violation.NO_PORT);
    }

    // ---- C3: other codes (R23, D14) ----

    @ParameterizedTest(name = "code {0}")
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 13, 14, 15, 16, 17, 22})
    @DisplayName("C3 R23 D14 a code reserved to intermediate drivers: NOT_SUPPORTED and violation R23")
    void c3_r23_reservedCode_notSupported_violation(int code) {
        NdisMiniportHandle h = start();
        assertEquals(NdisStatus.NOT_SUPPORTED, h.netPnPEvent(withCode(code)));
        assertStates(a.view(), PortState.ALLOCATED, 1);
        assertTrue(sink.portEvents.isEmpty());
        assertOnlyRecord(fx, "R23", Severity.VIOLATION, "A", Violation.NO_PORT);
    }

    @ParameterizedTest(name = "code {0}")
    @ValueSource(ints = {18, 19, 20, 21, 23, 24, 99, -1, Integer.MIN_VALUE, Integer.MAX_VALUE})
    @DisplayName("C3 D14 a code a miniport may issue (18-21) or an unknown one: NOT_SUPPORTED, nothing recorded")
    void c3_d14_otherCode_notSupported_noRecord(int code) {
        NdisMiniportHandle h = start();
        assertEquals(NdisStatus.NOT_SUPPORTED, h.netPnPEvent(withCode(code)));
        assertStates(a.view(), PortState.ALLOCATED, 1);
        assertTrue(sink.portEvents.isEmpty());
        assertNoRecords(fx);
    }

    @ParameterizedTest(name = "code {0}")
    @ValueSource(ints = {0, 5, 9, 12, 17, 18, 21, 22, 23, 99})
    @DisplayName("C3 D14 an intermediate driver's miniport edge: NOT_SUPPORTED, no R23")
    void c3_d14_intermediateDriver_notSupported_noRecord(int code) {
        a = new AdapterRuntime(new AdapterSpec("IM", m, "ScriptedMiniport", EngineFixture.BUNDLE,
                AuthStates.UNCONTROLLED_UNKNOWN, List.of(), -1, true), fx.context);
        assertEquals(NdisStatus.SUCCESS, a.initialize());
        assertEquals(1, allocate(m.handle));
        assertEquals(NdisStatus.NOT_SUPPORTED, m.handle.netPnPEvent(withCode(code)));
        assertStates(a.view(), PortState.ALLOCATED, 1);
        assertNoRecords(fx);
    }

    @Test
    @DisplayName("C3 R23 FAIL_FAST: a reserved code throws and has no other effect")
    void c3_r23_failFast_throws() {
        use(new EngineFixture(VerifierMode.FAIL_FAST));
        NdisMiniportHandle h = start();
        NdisVerifierException e = assertThrows(NdisVerifierException.class, () -> h.netPnPEvent(withCode(8)));
        assertRecord(e.violation(), "R23", Severity.VIOLATION, "A", Violation.NO_PORT);
        assertStates(a.view(), PortState.ALLOCATED, 1);
        assertOnlyRecord(fx, "R23", Severity.VIOLATION, "A", Violation.NO_PORT);
        assertEquals(NdisStatus.NOT_SUPPORTED, h.netPnPEvent(withCode(19)), "no record, so no throw");
    }

    // ---- C4: odd notification fields (D11) ----

    @Test
    @DisplayName("C4 D11 notification PortNumber not 0: warning D11, activation still succeeds")
    void c4_d11_nonZeroNotificationPortNumber_warning() {
        NdisMiniportHandle h = start();
        NetPnPEventNotification n = NetPnPEventNotification.portActivation(1).portNumber(7);
        assertEquals(NdisStatus.SUCCESS, h.netPnPEvent(n));
        assertStates(a.view(), PortState.ACTIVATED, 1);
        assertOnlyRecord(fx, "D11", Severity.WARNING, "A", Violation.NO_PORT);
        assertEquals(0, sink.portEvents.get(0).portNumber(), "delivered copy carries PortNumber 0 (§4.1)");
    }

    @ParameterizedTest(name = "reserved array {0}")
    @ValueSource(ints = {0, 1, 2, 3})
    @DisplayName("C4 D11 a reserved member set: warning D11 on activation and deactivation, outcome unchanged")
    void c4_d11_reservedMemberSet_warning(int which) {
        NdisMiniportHandle h = start();
        NetPnPEventNotification act = NetPnPEventNotification.portActivation(1);
        setReserved(act.netPnPEvent(), which);
        assertEquals(NdisStatus.SUCCESS, h.netPnPEvent(act));
        assertStates(a.view(), PortState.ACTIVATED, 1);
        NetPnPEventNotification deact = NetPnPEventNotification.portDeactivation(1);
        setReserved(deact.netPnPEvent(), which);
        assertEquals(NdisStatus.SUCCESS, h.netPnPEvent(deact));
        assertStates(a.view(), PortState.ALLOCATED, 1);
        List<Violation> v = fx.verifier.violations();
        assertEquals(2, v.size(), v.toString());
        assertRecord(v.get(0), "D11", Severity.WARNING, "A", Violation.NO_PORT);
        assertRecord(v.get(1), "D11", Severity.WARNING, "A", Violation.NO_PORT);
    }

    private static void setReserved(NetPnPEvent e, int which) {
        Object[] value = {null, "x", null, null};
        switch (which) {
            case 0 -> e.ndisReserved(value);
            case 1 -> e.transportReserved(value);
            case 2 -> e.tdiReserved(value);
            default -> e.tdiClientReserved(value);
        }
    }

    @Test
    @DisplayName("C4 D11 reserved arrays holding only nulls are not set: no warning")
    void c4_d11_reservedArraysOfNulls_noWarning() {
        NdisMiniportHandle h = start();
        NetPnPEventNotification n = NetPnPEventNotification.portActivation(1);
        n.netPnPEvent().ndisReserved(new Object[4]).transportReserved(new Object[4]).tdiReserved(new Object[4])
                .tdiClientReserved(new Object[4]);
        assertEquals(NdisStatus.SUCCESS, h.netPnPEvent(n));
        assertNoRecords(fx);
    }

    @Test
    @DisplayName("C4 D11 the warning does not change a failing outcome (INVALID_PORT_STATE stays)")
    void c4_d11_failingEvent_outcomeUnchanged() {
        NdisMiniportHandle h = start();
        NetPnPEventNotification n = NetPnPEventNotification.portActivation(0).portNumber(1);
        assertEquals(NdisStatus.INVALID_PORT_STATE, h.netPnPEvent(n));
        NetPnPEventNotification bad = NetPnPEventNotification.portDeactivation(1);
        bad.netPnPEvent().tdiReserved(new Object[] {1});
        assertEquals(NdisStatus.INVALID_PORT_STATE, h.netPnPEvent(bad));
        assertStates(a.view(), PortState.ALLOCATED, 1);
        assertStates(a.view(), PortState.ACTIVATED, 0);
        List<Violation> v = fx.verifier.violations();
        assertEquals(2, v.size(), v.toString());
        assertRecord(v.get(0), "D11", Severity.WARNING, "A", Violation.NO_PORT);
        assertRecord(v.get(1), "D11", Severity.WARNING, "A", Violation.NO_PORT);
    }

    @Test
    @DisplayName("C4 D11 FAIL_FAST: a warning never throws; the activation succeeds")
    void c4_d11_failFast_warningDoesNotThrow() {
        use(new EngineFixture(VerifierMode.FAIL_FAST));
        NdisMiniportHandle h = start();
        assertEquals(NdisStatus.SUCCESS, h.netPnPEvent(NetPnPEventNotification.portActivation(1).portNumber(-1)));
        assertStates(a.view(), PortState.ACTIVATED, 1);
        assertOnlyRecord(fx, "D11", Severity.WARNING, "A", Violation.NO_PORT);
    }

    // ---- D13: accepted in P1-P3 ----

    @Test
    @DisplayName("D13 port events accepted in P1 (inside MiniportInitializeEx after registration attributes)")
    void d13_acceptedInP1() {
        List<NdisStatus> statuses = new ArrayList<>();
        List<AdapterPhase> phases = new ArrayList<>();
        List<String> callsDuringInit = new ArrayList<>();
        m.onInitialize = h -> {
            h.setMiniportAttributes(MiniportAttributes.registration());
            phases.add(ScriptedMiniport.viewOf(h).phase());
            int p1 = allocate(h);
            int p2 = allocate(h);
            statuses.add(h.netPnPEvent(NetPnPEventNotification.portActivation(p1, p2)));
            statuses.add(h.netPnPEvent(NetPnPEventNotification.portDeactivation(p2)));
            callsDuringInit.addAll(sink.calls);
            return NdisStatus.SUCCESS;
        };
        a = fx.initialized("A", m);
        assertEquals(List.of(AdapterPhase.P1_INIT_POST_REG), phases);
        assertEquals(List.of(NdisStatus.SUCCESS, NdisStatus.SUCCESS), statuses);
        assertTrue(callsDuringInit.isEmpty(), "nothing bound during initialize (O-1, O-2): " + callsDuringInit);
        assertStates(a.view(), PortState.ACTIVATED, 0, 1);
        assertStates(a.view(), PortState.ALLOCATED, 2);
        assertEquals(List.of("ready A [0,1]"), sink.calls);
        assertNoRecords(fx);
    }

    @Test
    @DisplayName("D13 port events accepted in P2")
    void d13_acceptedInP2() {
        NdisMiniportHandle h = start();
        assertEquals(NdisStatus.SUCCESS, h.netPnPEvent(NetPnPEventNotification.portActivation(1)));
        assertStates(a.view(), PortState.ACTIVATED, 1);
        assertEquals(NdisStatus.SUCCESS, h.netPnPEvent(NetPnPEventNotification.portDeactivation(1)));
        assertStates(a.view(), PortState.ALLOCATED, 1);
        assertNoRecords(fx);
    }

    @Test
    @DisplayName("D13 port events accepted while a halt is scheduled (still P2)")
    void d13_acceptedWhileHaltScheduled() {
        NdisMiniportHandle h = start();
        activate(h, 1);
        List<NdisStatus> statuses = new ArrayList<>();
        List<Boolean> scheduled = new ArrayList<>();
        sink.onUnavailable = (adapter, reason) -> {
            if (reason == UnbindReason.HALT_SCHEDULED) {
                scheduled.add(ScriptedMiniport.viewOf(h).haltScheduled());
                statuses.add(h.netPnPEvent(NetPnPEventNotification.portDeactivation(1)));
            }
        };
        a.halt(HaltAction.DEVICE_DISABLED);
        assertEquals(List.of(true), scheduled);
        assertEquals(List.of(NdisStatus.SUCCESS), statuses);
        assertNoRecords(fx);
    }

    @Test
    @DisplayName("D13 port events accepted in P3 (inside MiniportHaltEx); D34 they reach no protocol")
    void d13_acceptedInP3() {
        NdisMiniportHandle h = start();
        assertEquals(2, allocate(h));
        activate(h, 1);
        int eventsBefore = sink.portEvents.size();
        List<NdisStatus> statuses = new ArrayList<>();
        List<AdapterPhase> phases = new ArrayList<>();
        m.onHalt = hh -> {
            phases.add(ScriptedMiniport.viewOf(hh).phase());
            statuses.add(hh.netPnPEvent(NetPnPEventNotification.portDeactivation(1)));
            statuses.add(hh.netPnPEvent(NetPnPEventNotification.portActivation(2)));
            statuses.add(hh.netPnPEvent(NetPnPEventNotification.portDeactivation(2)));
            statuses.add(hh.freePort(1));
            statuses.add(hh.freePort(2));
        };
        a.halt(HaltAction.DEVICE_DISABLED);
        assertEquals(List.of(AdapterPhase.P3_HALTING), phases);
        assertEquals(List.of(NdisStatus.SUCCESS, NdisStatus.SUCCESS, NdisStatus.SUCCESS, NdisStatus.SUCCESS,
                NdisStatus.SUCCESS), statuses);
        assertEquals(eventsBefore, sink.portEvents.size());
        assertNoRecords(fx);
    }

    private static NdisVerifierException assertInstanceOfVerifier(RuntimeException e) {
        assertNotNull(e, "expected a verifier exception");
        assertTrue(e instanceof NdisVerifierException, "not a verifier exception: " + e);
        assertFalse(e.getMessage().isEmpty());
        return (NdisVerifierException) e;
    }
}
