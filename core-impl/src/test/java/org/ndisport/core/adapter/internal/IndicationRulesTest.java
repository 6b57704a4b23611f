package org.ndisport.core.adapter.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ndisport.core.adapter.internal.PortEventTestSupport.activate;
import static org.ndisport.core.adapter.internal.PortEventTestSupport.allocate;
import static org.ndisport.core.adapter.internal.PortEventTestSupport.assertNoRecords;
import static org.ndisport.core.adapter.internal.PortEventTestSupport.assertOnlyRecord;
import static org.ndisport.core.adapter.internal.PortEventTestSupport.assertRecord;
import static org.ndisport.core.adapter.internal.PortEventTestSupport.assertStates;
import static org.ndisport.core.adapter.internal.PortEventTestSupport.timesReturned;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.NdisVerifierException;
import org.ndisport.api.data.NetBufferList;
import org.ndisport.api.data.StatusCodes;
import org.ndisport.api.data.StatusIndication;
import org.ndisport.api.miniport.HaltAction;
import org.ndisport.api.miniport.MiniportAttributes;
import org.ndisport.api.miniport.NdisMiniportHandle;
import org.ndisport.api.pnp.NetPnPEventNotification;
import org.ndisport.api.port.AuthStates;
import org.ndisport.api.port.LinkState;
import org.ndisport.api.port.NdisPortState;
import org.ndisport.api.runtime.AdapterPhase;
import org.ndisport.api.runtime.PortState;
import org.ndisport.api.runtime.Severity;
import org.ndisport.api.runtime.VerifierMode;
import org.ndisport.api.runtime.Violation;

/**
 * Indications and request completions against port state (spec §2.5): the OBL rules R11, R17-R19, R31-R33,
 * R48, R59 with their REPORT outcome (D21, D33) and FAIL_FAST exception, and delivery with R77.
 */
class IndicationRulesTest {
    private static final long TIMEOUT_S = 10;

    private EngineFixture fx;
    private RecordingSink sink;
    private ScriptedMiniport m;
    private AdapterRuntime a;
    private NdisMiniportHandle h;

    @BeforeEach
    void setUp() {
        use(new EngineFixture());
    }

    /** Adapter A bound; port 1 ACTIVATED, port 2 ALLOCATED; sink log cleared. */
    private void use(EngineFixture fixture) {
        fx = fixture;
        sink = new RecordingSink();
        fx.context.sink(sink);
        m = new ScriptedMiniport();
        a = fx.initialized("A", m);
        h = m.handle;
        assertEquals(1, allocate(h));
        assertEquals(2, allocate(h));
        activate(h, 1);
        assertEquals(List.of("ready A [0]", "activate A [1]"), sink.calls);
        sink.calls.clear();
        sink.portEvents.clear();
        assertNoRecords(fx);
    }

    private static NetBufferList nbl() {
        return NetBufferList.copyOf(new byte[] {1, 2, 3, 4});
    }

    /** A chain of two lists. */
    private static NetBufferList chain2() {
        NetBufferList first = nbl();
        first.next(nbl());
        return first;
    }

    private static StatusIndication linkStatus(int port) {
        return new StatusIndication(port, StatusCodes.NDIS_STATUS_LINK_STATE, null, 0);
    }

    private static StatusIndication portStateStatus(int port) {
        return new StatusIndication(port, StatusCodes.NDIS_STATUS_PORT_STATE,
                NdisPortState.of(LinkState.UNKNOWN, AuthStates.UNCONTROLLED_UNKNOWN), NdisPortState.SIZE);
    }

    /** Asserts every list of the chain came back to the miniport exactly once, and nothing else did. */
    private void assertReturnedOnce(NetBufferList chain) {
        int n = 0;
        for (NetBufferList l = chain; l != null; l = l.next()) {
            assertEquals(1, timesReturned(m.returned, l), "list " + n + " returned exactly once");
            n++;
        }
        assertEquals(n, m.returned.size(), "nothing else returned");
    }

    private void assertNoReceiveDelivered() {
        assertTrue(sink.calls.stream().noneMatch(c -> c.startsWith("receive")), sink.calls.toString());
    }

    // ---- delivery (R77, D33) ----

    @Test
    @DisplayName("R77 D33 a receive on an ACTIVATED port reaches the binding with its port number; NBLs back once")
    void r77_receiveOnActivatedPort_delivered() {
        NetBufferList lists = chain2();
        h.indicateReceiveNetBufferLists(lists, 1, 2, 0);
        assertEquals(List.of("receive A 1"), sink.calls);
        assertReturnedOnce(lists);
        NetBufferList port0 = nbl();
        h.indicateReceiveNetBufferLists(port0, 0, 1, 0);
        assertEquals(List.of("receive A 1", "receive A 0"), sink.calls);
        assertEquals(0, a.view().droppedIndications());
        assertNoRecords(fx);
    }

    @Test
    @DisplayName("R77 a status on an ACTIVATED port reaches the binding with its port number")
    void r77_statusOnActivatedPort_delivered() {
        h.indicateStatus(linkStatus(1));
        h.indicateStatus(portStateStatus(1));
        assertEquals(List.of("status A 1", "status A 1"), sink.calls);
        assertEquals(0, a.view().droppedIndications());
        assertNoRecords(fx);
    }

    // ---- R11 ----

    @ParameterizedTest(name = "port {0}")
    @ValueSource(ints = {2, 9, 0xFFFFFF})
    @DisplayName("R11 D21 receive on an ALLOCATED or NONEXISTENT port: dropped, counted, violation, NBLs back once")
    void r11_receiveOnInactivePort_dropped(int port) {
        NetBufferList lists = chain2();
        h.indicateReceiveNetBufferLists(lists, port, 2, 0);
        assertNoReceiveDelivered();
        assertReturnedOnce(lists);
        assertEquals(1, a.view().droppedIndications());
        assertOnlyRecord(fx, "R11", Severity.VIOLATION, "A", port);
        assertStates(a.view(), PortState.ALLOCATED, 2);
    }

    @ParameterizedTest(name = "port 0x{0}")
    @ValueSource(strings = {"80000000", "FFFFFFFF"})
    @DisplayName("R11 §0.3 §0.4 receive on a port > 0x7FFFFFFF: the record names the unsigned port, not -1/none")
    void r11_receiveOnHighPort_recordNamesUnsignedPort(String hex) {
        int port = Integer.parseUnsignedInt(hex, 16);
        NetBufferList lists = nbl();
        h.indicateReceiveNetBufferLists(lists, port, 1, 0);
        assertReturnedOnce(lists);
        assertEquals(1, a.view().droppedIndications());
        Violation v = assertOnlyRecord(fx, "R11", Severity.VIOLATION, "A", Integer.toUnsignedLong(port));
        assertTrue(v.hasPort());
    }

    @ParameterizedTest(name = "port 0x{0}")
    @ValueSource(strings = {"80000000", "FFFFFFFF"})
    @DisplayName("R48 §0.3 §0.4 status on a port > 0x7FFFFFFF: the record names the unsigned port, not -1/none")
    void r48_statusOnHighPort_recordNamesUnsignedPort(String hex) {
        int port = Integer.parseUnsignedInt(hex, 16);
        h.indicateStatus(linkStatus(port));
        assertEquals(1, a.view().droppedIndications());
        Violation v = assertOnlyRecord(fx, "R48", Severity.VIOLATION, "A", Integer.toUnsignedLong(port));
        assertTrue(v.hasPort());
    }

    @Test
    @DisplayName("R11 D21 receive on port 0 after it was deactivated: dropped with R11")
    void r11_receiveOnDeactivatedPort0_dropped() {
        assertEquals(NdisStatus.SUCCESS, h.netPnPEvent(NetPnPEventNotification.portDeactivation(0)));
        NetBufferList lists = nbl();
        h.indicateReceiveNetBufferLists(lists, 0, 1, 0);
        assertNoReceiveDelivered();
        assertReturnedOnce(lists);
        assertOnlyRecord(fx, "R11", Severity.VIOLATION, "A", 0);
    }

    @Test
    @DisplayName("R11 FAIL_FAST: receive on an ALLOCATED port throws; NBLs not returned, nothing counted")
    void r11_failFast_throwsWithoutEffect() {
        use(new EngineFixture(VerifierMode.FAIL_FAST));
        NetBufferList lists = nbl();
        NdisVerifierException e = assertThrows(NdisVerifierException.class,
                () -> h.indicateReceiveNetBufferLists(lists, 2, 1, 0));
        assertRecord(e.violation(), "R11", Severity.VIOLATION, "A", 2);
        assertTrue(m.returned.isEmpty());
        assertEquals(0, a.view().droppedIndications());
        assertNoReceiveDelivered();
        assertOnlyRecord(fx, "R11", Severity.VIOLATION, "A", 2);
    }

    // ---- R18 ----

    @Test
    @DisplayName("R18 receive on an ACTIVATING port (during the activation delivery): dropped with R18")
    void r18_receiveOnActivatingPort_dropped() {
        NetBufferList lists = nbl();
        List<PortState> stateAtReceive = new ArrayList<>();
        sink.onPortEvent = n -> {
            stateAtReceive.add(PortEventTestSupport.state(a.view(), 2));
            h.indicateReceiveNetBufferLists(lists, 2, 1, 0);
        };
        assertEquals(NdisStatus.SUCCESS, h.netPnPEvent(NetPnPEventNotification.portActivation(2)));
        assertEquals(List.of(PortState.ACTIVATING), stateAtReceive);
        assertNoReceiveDelivered();
        assertReturnedOnce(lists);
        assertEquals(1, a.view().droppedIndications());
        assertOnlyRecord(fx, "R18", Severity.VIOLATION, "A", 2);
        assertStates(a.view(), PortState.ACTIVATED, 2);

        h.indicateReceiveNetBufferLists(nbl(), 2, 1, 0);
        assertTrue(sink.calls.contains("receive A 2"), "delivered once the activation returned");
    }

    @Test
    @DisplayName("R18 status on an ACTIVATING port: dropped with R18")
    void r18_statusOnActivatingPort_dropped() {
        sink.onPortEvent = n -> h.indicateStatus(linkStatus(2));
        assertEquals(NdisStatus.SUCCESS, h.netPnPEvent(NetPnPEventNotification.portActivation(2)));
        assertFalse(sink.calls.contains("status A 2"));
        assertEquals(1, a.view().droppedIndications());
        assertOnlyRecord(fx, "R18", Severity.VIOLATION, "A", 2);
    }

    @Test
    @DisplayName("R18 FAIL_FAST: receive on an ACTIVATING port throws; NBLs not returned; the activation succeeds")
    void r18_failFast_throws() {
        use(new EngineFixture(VerifierMode.FAIL_FAST));
        NetBufferList lists = nbl();
        AtomicReference<RuntimeException> thrown = new AtomicReference<>();
        sink.onPortEvent = n -> {
            try {
                h.indicateReceiveNetBufferLists(lists, 2, 1, 0);
            } catch (RuntimeException e) {
                thrown.set(e);
            }
        };
        assertEquals(NdisStatus.SUCCESS, h.netPnPEvent(NetPnPEventNotification.portActivation(2)));
        assertRecord(verifierException(thrown.get()).violation(), "R18", Severity.VIOLATION, "A", 2);
        assertTrue(m.returned.isEmpty());
        assertEquals(0, a.view().droppedIndications());
        assertStates(a.view(), PortState.ACTIVATED, 2);
        assertOnlyRecord(fx, "R18", Severity.VIOLATION, "A", 2);
    }

    // ---- R19 ----

    @Test
    @DisplayName("R19 receive after a failed activation (duplicate list): R19; cleared by a successful activation")
    void r19_receiveAfterFailedActivation_dropped_thenCleared() {
        assertEquals(NdisStatus.INVALID_PARAMETER, h.netPnPEvent(NetPnPEventNotification.portActivation(2, 2)));
        assertTrue(a.view().port(2).lastActivationFailed());
        NetBufferList lists = nbl();
        h.indicateReceiveNetBufferLists(lists, 2, 1, 0);
        assertNoReceiveDelivered();
        assertReturnedOnce(lists);
        assertEquals(1, a.view().droppedIndications());
        assertOnlyRecord(fx, "R19", Severity.VIOLATION, "A", 2);

        activate(h, 2);
        assertFalse(a.view().port(2).lastActivationFailed());
        h.indicateReceiveNetBufferLists(nbl(), 2, 1, 0);
        assertTrue(sink.calls.contains("receive A 2"));
        assertEquals(NdisStatus.SUCCESS, h.netPnPEvent(NetPnPEventNotification.portDeactivation(2)));
        h.indicateReceiveNetBufferLists(nbl(), 2, 1, 0);
        List<Violation> v = fx.verifier.violations();
        assertEquals(2, v.size(), v.toString());
        assertRecord(v.get(1), "R11", Severity.VIOLATION, "A", 2);
    }

    @Test
    @DisplayName("R19 status after a failed activation (missing port listed): R19")
    void r19_statusAfterFailedActivation_dropped() {
        assertEquals(NdisStatus.INVALID_PORT, h.netPnPEvent(NetPnPEventNotification.portActivation(2, 9)));
        h.indicateStatus(linkStatus(2));
        assertFalse(sink.calls.contains("status A 2"));
        assertEquals(1, a.view().droppedIndications());
        assertOnlyRecord(fx, "R19", Severity.VIOLATION, "A", 2);
    }

    @Test
    @DisplayName("R19 FAIL_FAST: receive after a failed activation throws; NBLs not returned")
    void r19_failFast_throws() {
        use(new EngineFixture(VerifierMode.FAIL_FAST));
        assertEquals(NdisStatus.INVALID_PARAMETER, h.netPnPEvent(NetPnPEventNotification.portActivation(2, 2)));
        NetBufferList lists = nbl();
        NdisVerifierException e = assertThrows(NdisVerifierException.class,
                () -> h.indicateReceiveNetBufferLists(lists, 2, 1, 0));
        assertRecord(e.violation(), "R19", Severity.VIOLATION, "A", 2);
        assertTrue(m.returned.isEmpty());
        assertEquals(0, a.view().droppedIndications());
        assertOnlyRecord(fx, "R19", Severity.VIOLATION, "A", 2);
    }

    // ---- R32 ----

    @Test
    @DisplayName("R32 receive on a DEACTIVATING port (begun during the deactivation delivery): dropped with R32")
    void r32_receiveOnDeactivatingPort_dropped() {
        NetBufferList lists = nbl();
        List<PortState> stateAtReceive = new ArrayList<>();
        sink.onPortEvent = n -> {
            stateAtReceive.add(PortEventTestSupport.state(a.view(), 1));
            h.indicateReceiveNetBufferLists(lists, 1, 1, 0);
        };
        assertEquals(NdisStatus.SUCCESS, h.netPnPEvent(NetPnPEventNotification.portDeactivation(1)));
        assertEquals(List.of(PortState.DEACTIVATING), stateAtReceive);
        assertNoReceiveDelivered();
        assertReturnedOnce(lists);
        assertEquals(1, a.view().droppedIndications());
        assertOnlyRecord(fx, "R32", Severity.VIOLATION, "A", 1);
        assertStates(a.view(), PortState.ALLOCATED, 1);
    }

    @Test
    @DisplayName("R32 status on a DEACTIVATING port: dropped with R32")
    void r32_statusOnDeactivatingPort_dropped() {
        sink.onPortEvent = n -> h.indicateStatus(portStateStatus(1));
        assertEquals(NdisStatus.SUCCESS, h.netPnPEvent(NetPnPEventNotification.portDeactivation(1)));
        assertFalse(sink.calls.contains("status A 1"));
        assertEquals(1, a.view().droppedIndications());
        assertOnlyRecord(fx, "R32", Severity.VIOLATION, "A", 1);
    }

    @Test
    @DisplayName("R32 FAIL_FAST: receive on a DEACTIVATING port throws; NBLs not returned; deactivation succeeds")
    void r32_failFast_throws() {
        use(new EngineFixture(VerifierMode.FAIL_FAST));
        NetBufferList lists = nbl();
        AtomicReference<RuntimeException> thrown = new AtomicReference<>();
        sink.onPortEvent = n -> {
            try {
                h.indicateReceiveNetBufferLists(lists, 1, 1, 0);
            } catch (RuntimeException e) {
                thrown.set(e);
            }
        };
        assertEquals(NdisStatus.SUCCESS, h.netPnPEvent(NetPnPEventNotification.portDeactivation(1)));
        assertRecord(verifierException(thrown.get()).violation(), "R32", Severity.VIOLATION, "A", 1);
        assertTrue(m.returned.isEmpty());
        assertEquals(0, a.view().droppedIndications());
        assertStates(a.view(), PortState.ALLOCATED, 1);
        assertOnlyRecord(fx, "R32", Severity.VIOLATION, "A", 1);
    }

    // ---- R31, D33 ----

    /** A receive on port 1 started on another thread and held inside the binding until released. */
    private final class HeldReceive {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final NetBufferList lists = nbl();
        final Thread thread;

        HeldReceive() throws InterruptedException {
            sink.onReceive = port -> {
                if (port == 1) {
                    entered.countDown();
                    try {
                        release.await(TIMEOUT_S, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            };
            thread = new Thread(() -> h.indicateReceiveNetBufferLists(lists, 1, 1, 0), "held-receive");
            thread.start();
            assertTrue(entered.await(TIMEOUT_S, TimeUnit.SECONDS), "receive entered the binding");
        }

        void finish() throws InterruptedException {
            release.countDown();
            thread.join(TimeUnit.SECONDS.toMillis(TIMEOUT_S));
            assertFalse(thread.isAlive());
        }
    }

    @Test
    @DisplayName("R31 D33 deactivation while a receive is in progress: R31; the deactivation waits for it")
    void r31_d33_deactivationWaitsForReceiveInProgress() throws Exception {
        HeldReceive held = new HeldReceive();
        CountDownLatch deactivating = new CountDownLatch(1);
        fx.context.events(new RuntimeEvents() {
            @Override
            public void phaseChanged(String adapter, AdapterPhase phase) {
            }

            @Override
            public void portStateChanged(String adapter, int port, PortState state) {
                if (port == 1 && state == PortState.DEACTIVATING) {
                    deactivating.countDown();
                }
            }
        });
        Thread releaser = new Thread(() -> {
            try {
                if (deactivating.await(TIMEOUT_S, TimeUnit.SECONDS)) {
                    sink.calls.add("released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            held.release.countDown();
        }, "releaser");
        releaser.start();

        NdisStatus s = h.netPnPEvent(NetPnPEventNotification.portDeactivation(1));
        held.finish();
        releaser.join(TimeUnit.SECONDS.toMillis(TIMEOUT_S));

        assertEquals(NdisStatus.SUCCESS, s);
        assertEquals(List.of("released", "receive A 1", "deactivate A [1]"), sink.calls,
                "the receive begun before the call is delivered and drained before the event (D33)");
        assertReturnedOnce(held.lists);
        assertEquals(0, a.view().droppedIndications());
        assertStates(a.view(), PortState.ALLOCATED, 1);
        assertOnlyRecord(fx, "R31", Severity.VIOLATION, "A", 1);
    }

    @Test
    @DisplayName("R31 FAIL_FAST: deactivation while a receive is in progress throws and has no other effect")
    void r31_failFast_throwsWithoutEffect() throws Exception {
        use(new EngineFixture(VerifierMode.FAIL_FAST));
        HeldReceive held = new HeldReceive();
        NdisVerifierException e;
        try {
            e = assertThrows(NdisVerifierException.class,
                    () -> h.netPnPEvent(NetPnPEventNotification.portDeactivation(1)));
            assertStates(a.view(), PortState.ACTIVATED, 1);
        } finally {
            held.finish();
        }
        assertRecord(e.violation(), "R31", Severity.VIOLATION, "A", 1);
        assertEquals(List.of("receive A 1"), sink.calls, "no deactivation event");
        assertReturnedOnce(held.lists);
        assertStates(a.view(), PortState.ACTIVATED, 1);
        assertOnlyRecord(fx, "R31", Severity.VIOLATION, "A", 1);
    }

    // ---- R48 ----

    @ParameterizedTest(name = "port {0}")
    @ValueSource(ints = {2, 9})
    @DisplayName("R48 status on an ALLOCATED or NONEXISTENT port: dropped, counted, violation")
    void r48_statusOnInactivePort_dropped(int port) {
        h.indicateStatus(linkStatus(port));
        h.indicateStatus(portStateStatus(port));
        assertTrue(sink.calls.isEmpty(), sink.calls.toString());
        assertEquals(2, a.view().droppedIndications());
        List<Violation> v = fx.verifier.violations();
        assertEquals(2, v.size(), v.toString());
        assertRecord(v.get(0), "R48", Severity.VIOLATION, "A", port);
        assertRecord(v.get(1), "R48", Severity.VIOLATION, "A", port);
    }

    @Test
    @DisplayName("R48 FAIL_FAST: status on an inactive port throws; nothing counted")
    void r48_failFast_throws() {
        use(new EngineFixture(VerifierMode.FAIL_FAST));
        NdisVerifierException e = assertThrows(NdisVerifierException.class, () -> h.indicateStatus(linkStatus(2)));
        assertRecord(e.violation(), "R48", Severity.VIOLATION, "A", 2);
        assertEquals(0, a.view().droppedIndications());
        assertOnlyRecord(fx, "R48", Severity.VIOLATION, "A", 2);
    }

    // ---- R59 ----

    @Test
    @DisplayName("R59 status in P0 (inside MiniportInitializeEx before attributes): dropped with R59")
    void r59_statusInP0_dropped() {
        fx = new EngineFixture();
        fx.context.sink(sink);
        ScriptedMiniport mb = new ScriptedMiniport();
        List<AdapterPhase> phases = new ArrayList<>();
        mb.onInitialize = hh -> {
            phases.add(ScriptedMiniport.viewOf(hh).phase());
            hh.indicateStatus(linkStatus(0));
            hh.setMiniportAttributes(MiniportAttributes.registration());
            return NdisStatus.SUCCESS;
        };
        AdapterRuntime b = fx.initialized("B", mb);
        assertEquals(List.of(AdapterPhase.P0_INIT_PRE_REG), phases);
        assertEquals(AdapterPhase.P2_OPERATIONAL, b.view().phase());
        assertEquals(1, b.view().droppedIndications());
        assertFalse(sink.calls.contains("status B 0"));
        assertOnlyRecord(fx, "R59", Severity.VIOLATION, "B", 0);
    }

    @Test
    @DisplayName("R59 FAIL_FAST: status in P0 throws; nothing counted")
    void r59_failFast_inP0_throws() {
        fx = new EngineFixture(VerifierMode.FAIL_FAST);
        ScriptedMiniport mb = new ScriptedMiniport();
        AtomicReference<RuntimeException> thrown = new AtomicReference<>();
        mb.onInitialize = hh -> {
            try {
                hh.indicateStatus(linkStatus(0));
            } catch (RuntimeException e) {
                thrown.set(e);
            }
            hh.setMiniportAttributes(MiniportAttributes.registration());
            return NdisStatus.SUCCESS;
        };
        AdapterRuntime b = fx.initialized("B", mb);
        assertRecord(verifierException(thrown.get()).violation(), "R59", Severity.VIOLATION, "B", 0);
        assertEquals(AdapterPhase.P2_OPERATIONAL, b.view().phase());
        assertEquals(0, b.view().droppedIndications());
        assertOnlyRecord(fx, "R59", Severity.VIOLATION, "B", 0);
    }

    @Test
    @DisplayName("R59 status in P4 (stale handle after halt): dropped with R59")
    void r59_statusInP4_dropped() {
        a.halt(HaltAction.DEVICE_DISABLED);
        assertNoRecords(fx);
        sink.calls.clear();
        h.indicateStatus(linkStatus(0));
        h.indicateStatus(portStateStatus(1));
        assertTrue(sink.calls.isEmpty(), sink.calls.toString());
        assertEquals(2, a.view().droppedIndications());
        List<Violation> v = fx.verifier.violations();
        assertEquals(2, v.size(), v.toString());
        assertRecord(v.get(0), "R59", Severity.VIOLATION, "A", 0);
        assertRecord(v.get(1), "R59", Severity.VIOLATION, "A", 1);
    }

    @Test
    @DisplayName("R59 FAIL_FAST: status in P4 throws; nothing counted")
    void r59_failFast_inP4_throws() {
        use(new EngineFixture(VerifierMode.FAIL_FAST));
        a.halt(HaltAction.DEVICE_DISABLED);
        NdisVerifierException e = assertThrows(NdisVerifierException.class, () -> h.indicateStatus(linkStatus(0)));
        assertRecord(e.violation(), "R59", Severity.VIOLATION, "A", 0);
        assertEquals(AdapterPhase.P4_HALTED, a.view().phase());
        assertEquals(0, a.view().droppedIndications());
        assertOnlyRecord(fx, "R59", Severity.VIOLATION, "A", 0);
    }

    // ---- R17 ----

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"INVALID_PORT", "INVALID_PORT_STATE"})
    @DisplayName("R17 a send to an ACTIVATED port completed by the miniport with a port error: violation R17")
    void r17_sendOnActivatedPortCompletedWithPortError(String statusName) {
        NdisStatus status = NdisStatus.valueOf(statusName);
        m.sendCompletion = status;
        NetBufferList lists = nbl();
        sink.lastAdapter.sendNetBufferLists(lists, 1, 0);
        assertEquals(List.of(1), m.sendPorts, "delivered with its port unchanged (R77)");
        assertEquals(1, sink.completedSends.size(), "REPORT: the completion still reaches the protocol");
        assertSame(lists, sink.completedSends.get(0));
        assertEquals(status, lists.status());
        assertOnlyRecord(fx, "R17", Severity.VIOLATION, "A", 1);
    }

    @Test
    @DisplayName("R17 a send served with SUCCESS records nothing")
    void r17_sendServed_noRecord() {
        sink.lastAdapter.sendNetBufferLists(nbl(), 1, 0);
        assertEquals(1, sink.completedSends.size());
        assertNoRecords(fx);
    }

    @Test
    @DisplayName("R17 O-4 a send during the activation delivery completed with INVALID_PORT: violation R17")
    void r17_sendOnActivatingPortCompletedWithInvalidPort() {
        m.sendCompletion = NdisStatus.INVALID_PORT;
        sink.onPortEvent = n -> sink.lastAdapter.sendNetBufferLists(nbl(), 2, 0);
        assertEquals(NdisStatus.SUCCESS, h.netPnPEvent(NetPnPEventNotification.portActivation(2)));
        assertEquals(List.of(2), m.sendPorts);
        assertOnlyRecord(fx, "R17", Severity.VIOLATION, "A", 2);
    }

    @Test
    @DisplayName("R17 FAIL_FAST: completing a send on an ACTIVATED port with INVALID_PORT throws; no completion")
    void r17_failFast_throws() {
        use(new EngineFixture(VerifierMode.FAIL_FAST));
        m.sendCompletion = null;
        NetBufferList lists = nbl();
        sink.lastAdapter.sendNetBufferLists(lists, 1, 0);
        lists.setChainStatus(NdisStatus.INVALID_PORT);
        NdisVerifierException e = assertThrows(NdisVerifierException.class,
                () -> h.sendNetBufferListsComplete(lists, 0));
        assertRecord(e.violation(), "R17", Severity.VIOLATION, "A", 1);
        assertTrue(sink.completedSends.isEmpty());
        assertOnlyRecord(fx, "R17", Severity.VIOLATION, "A", 1);
    }

    // ---- R33 ----

    @Test
    @DisplayName("R33 O-5 a send on a DEACTIVATING port reaches the miniport; completing it with INVALID_PORT: R33")
    void r33_sendOnDeactivatingPortCompletedWithInvalidPort() {
        m.sendCompletion = NdisStatus.INVALID_PORT;
        NetBufferList lists = nbl();
        sink.onPortEvent = n -> sink.lastAdapter.sendNetBufferLists(lists, 1, 0);
        assertEquals(NdisStatus.SUCCESS, h.netPnPEvent(NetPnPEventNotification.portDeactivation(1)));
        assertEquals(List.of(1), m.sendPorts);
        assertEquals(List.of(lists), sink.completedSends);
        assertOnlyRecord(fx, "R33", Severity.VIOLATION, "A", 1);
        assertStates(a.view(), PortState.ALLOCATED, 1);
    }

    @Test
    @DisplayName("R33 FAIL_FAST: completing a send on a DEACTIVATING port with INVALID_PORT throws; no completion")
    void r33_failFast_throws() {
        use(new EngineFixture(VerifierMode.FAIL_FAST));
        m.sendCompletion = null;
        NetBufferList lists = nbl();
        AtomicReference<RuntimeException> thrown = new AtomicReference<>();
        sink.onPortEvent = n -> {
            sink.lastAdapter.sendNetBufferLists(lists, 1, 0);
            lists.setChainStatus(NdisStatus.INVALID_PORT);
            try {
                h.sendNetBufferListsComplete(lists, 0);
            } catch (RuntimeException e) {
                thrown.set(e);
            }
        };
        assertEquals(NdisStatus.SUCCESS, h.netPnPEvent(NetPnPEventNotification.portDeactivation(1)));
        assertRecord(verifierException(thrown.get()).violation(), "R33", Severity.VIOLATION, "A", 1);
        assertTrue(sink.completedSends.isEmpty());
        assertStates(a.view(), PortState.ALLOCATED, 1);
        assertOnlyRecord(fx, "R33", Severity.VIOLATION, "A", 1);
    }

    private static NdisVerifierException verifierException(RuntimeException e) {
        assertNotNull(e, "expected a verifier exception");
        assertTrue(e instanceof NdisVerifierException, "not a verifier exception: " + e);
        return (NdisVerifierException) e;
    }
}
