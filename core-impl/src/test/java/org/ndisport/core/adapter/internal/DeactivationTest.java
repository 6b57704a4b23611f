package org.ndisport.core.adapter.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ndisport.core.adapter.internal.PortEventTestSupport.activate;
import static org.ndisport.core.adapter.internal.PortEventTestSupport.allocate;
import static org.ndisport.core.adapter.internal.PortEventTestSupport.assertNoRecords;
import static org.ndisport.core.adapter.internal.PortEventTestSupport.assertStates;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ndisport.api.NdisObjectHeader;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.binding.UnbindReason;
import org.ndisport.api.miniport.NdisMiniportHandle;
import org.ndisport.api.pnp.NetPnPEvent;
import org.ndisport.api.pnp.NetPnPEventCode;
import org.ndisport.api.pnp.NetPnPEventNotification;
import org.ndisport.api.port.NdisPort;
import org.ndisport.api.runtime.AdapterView;
import org.ndisport.api.runtime.PortState;
import org.ndisport.api.runtime.Severity;

/** NdisMNetPnPEvent deactivation rows X1-X8 (spec §2.4), rules R24-R35 and decisions D8-D13, D15, D16. */
class DeactivationTest {
    private EngineFixture fx;
    private RecordingSink sink;
    private ScriptedMiniport m;
    private AdapterRuntime a;
    private NdisMiniportHandle h;

    /** Adapter A, runtime-controlled port 0 bound; ports 1, 2, 3 ACTIVATED; event log cleared. */
    @BeforeEach
    void setUp() {
        fx = new EngineFixture();
        sink = new RecordingSink();
        fx.context.sink(sink);
        m = new ScriptedMiniport();
        a = fx.initialized("A", m);
        h = m.handle;
        for (int expected = 1; expected <= 3; expected++) {
            assertEquals(expected, allocate(h));
        }
        activate(h, 1, 2, 3);
        assertEquals(List.of("ready A [0]", "activate A [1,2,3]"), sink.calls);
        sink.calls.clear();
        sink.portEvents.clear();
    }

    private NdisStatus event(Object buffer, int bufferLength) {
        return h.netPnPEvent(NetPnPEventNotification.of(
                new NetPnPEvent(NetPnPEventCode.PORT_DEACTIVATION, buffer, bufferLength)));
    }

    /** A rejected deactivation changed nothing (R30): 0-3 ACTIVATED, no event, no record. */
    private void assertNothingChanged() {
        assertStates(a.view(), PortState.ACTIVATED, 0, 1, 2, 3);
        assertTrue(sink.calls.isEmpty(), sink.calls.toString());
        assertTrue(sink.portEvents.isEmpty());
        assertNoRecords(fx);
    }

    // ---- X1 (R25) ----

    @Test
    @DisplayName("X1 R25 null Buffer: INVALID_PARAMETER")
    void x1_r25_nullBuffer_invalidParameter() {
        assertEquals(NdisStatus.INVALID_PARAMETER, event(null, 4));
        assertNothingChanged();
    }

    @Test
    @DisplayName("X1 R25 BufferLength 0 (also an empty array): INVALID_PARAMETER")
    void x1_r25_lengthZero_invalidParameter() {
        assertEquals(NdisStatus.INVALID_PARAMETER, event(new int[] {1}, 0));
        assertEquals(NdisStatus.INVALID_PARAMETER, h.netPnPEvent(NetPnPEventNotification.portDeactivation()));
        assertNothingChanged();
    }

    @Test
    @DisplayName("X1 R24 Buffer of the wrong type (NDIS_PORT chain, Integer[]): INVALID_PARAMETER")
    void x1_r24_wrongBufferType_invalidParameter() {
        assertEquals(NdisStatus.INVALID_PARAMETER, event(NdisPort.chainOf(1), 4));
        assertEquals(NdisStatus.INVALID_PARAMETER, event(new Integer[] {1}, 4));
        assertEquals(NdisStatus.INVALID_PARAMETER, event(new long[] {1}, 4));
        assertNothingChanged();
    }

    // ---- X2 (D8) ----

    @ParameterizedTest(name = "BufferLength {0}")
    @ValueSource(ints = {1, 2, 3, 5, 6, 7, 9, 11})
    @DisplayName("X2 D8 BufferLength not a multiple of 4: INVALID_PARAMETER")
    void x2_d8_lengthNotMultipleOf4_invalidParameter(int length) {
        assertEquals(NdisStatus.INVALID_PARAMETER, event(new int[] {1, 2, 3}, length));
        assertNothingChanged();
    }

    @ParameterizedTest(name = "BufferLength {0}")
    @ValueSource(ints = {12, 16, 4096, Integer.MAX_VALUE - 3, -4})
    @DisplayName("X2 D8 BufferLength above 4 x array length (unsigned): INVALID_PARAMETER")
    void x2_d8_lengthBeyondArray_invalidParameter(int length) {
        assertEquals(NdisStatus.INVALID_PARAMETER, event(new int[] {1, 2}, length));
        assertNothingChanged();
    }

    @Test
    @DisplayName("D8 only the first BufferLength/4 entries are read: {1,2} with length 4 deactivates only 1")
    void d8_onlyFirstEntriesRead() {
        int[] array = {1, 2};
        assertEquals(NdisStatus.SUCCESS, event(array, 4));
        assertStates(a.view(), PortState.ALLOCATED, 1);
        assertStates(a.view(), PortState.ACTIVATED, 0, 2, 3);
        assertEquals(List.of("deactivate A [1]"), sink.calls);
        NetPnPEvent e = sink.portEvents.get(0).netPnPEvent();
        assertArrayEquals(new int[] {1}, (int[]) e.buffer());
        assertEquals(4, e.bufferLength());
        assertArrayEquals(new int[] {1, 2}, array, "the miniport's array is untouched");
        assertNoRecords(fx);
    }

    @Test
    @DisplayName("D8 entries past BufferLength/4 are not read: a missing port or a duplicate there is ignored")
    void d8_entriesPastLengthIgnored() {
        assertEquals(NdisStatus.SUCCESS, event(new int[] {1, 99}, 4));
        assertEquals(NdisStatus.SUCCESS, event(new int[] {2, 2}, 4));
        assertEquals(NdisStatus.SUCCESS, event(new int[] {3, 0, 3}, 4));
        assertStates(a.view(), PortState.ALLOCATED, 1, 2, 3);
        assertStates(a.view(), PortState.ACTIVATED, 0);
        assertEquals(List.of("deactivate A [1]", "deactivate A [2]", "deactivate A [3]"), sink.calls);
        assertNoRecords(fx);
    }

    // ---- X3 (D9) ----

    @Test
    @DisplayName("D9 duplicate port in a deactivation array: INVALID_PARAMETER, no state change")
    void x3_d9_duplicate_invalidParameter() {
        assertEquals(NdisStatus.INVALID_PARAMETER, h.netPnPEvent(NetPnPEventNotification.portDeactivation(1, 2, 1)));
        assertEquals(NdisStatus.INVALID_PARAMETER, h.netPnPEvent(NetPnPEventNotification.portDeactivation(3, 3)));
        assertNothingChanged();
    }

    // ---- X4 (R26) ----

    @ParameterizedTest(name = "port {0}")
    @ValueSource(ints = {9, 0xFFFFFF, 0x1000000, -1})
    @DisplayName("X4 R26 a NONEXISTENT port listed (also > 0xFFFFFF): INVALID_PORT, no listed port changes")
    void x4_r26_nonexistent_invalidPort(int missing) {
        assertEquals(NdisStatus.INVALID_PORT, h.netPnPEvent(NetPnPEventNotification.portDeactivation(1, missing, 2)));
        assertEquals(NdisStatus.INVALID_PORT, h.netPnPEvent(NetPnPEventNotification.portDeactivation(missing)));
        assertNothingChanged();
    }

    @Test
    @DisplayName("X4 R26 a freed port: INVALID_PORT")
    void x4_r26_freedPort_invalidPort() {
        assertEquals(NdisStatus.SUCCESS, h.netPnPEvent(NetPnPEventNotification.portDeactivation(3)));
        assertEquals(NdisStatus.SUCCESS, h.freePort(3));
        sink.calls.clear();
        assertEquals(NdisStatus.INVALID_PORT, h.netPnPEvent(NetPnPEventNotification.portDeactivation(3)));
        assertTrue(sink.calls.isEmpty());
        assertNoRecords(fx);
    }

    // ---- X5 (R28) ----

    @Test
    @DisplayName("X5 R28 port 0 listed with other ports: INVALID_PORT")
    void x5_r28_port0WithOthers_invalidPort() {
        assertEquals(NdisStatus.INVALID_PORT, h.netPnPEvent(NetPnPEventNotification.portDeactivation(0, 1)));
        assertEquals(NdisStatus.INVALID_PORT, h.netPnPEvent(NetPnPEventNotification.portDeactivation(2, 0)));
        assertNothingChanged();
    }

    // ---- D10 order ----

    @Test
    @DisplayName("D10 parameters before existence, existence and port-0 exclusivity before state")
    void d10_checkOrder() {
        int p4 = allocate(h);
        assertEquals(NdisStatus.INVALID_PARAMETER, h.netPnPEvent(NetPnPEventNotification.portDeactivation(9, 9)),
                "duplicate missing port");
        assertEquals(NdisStatus.INVALID_PARAMETER, event(new int[] {9}, 5), "bad length with a missing port");
        assertEquals(NdisStatus.INVALID_PORT, h.netPnPEvent(NetPnPEventNotification.portDeactivation(p4, 9)),
                "ALLOCATED port with a missing one");
        assertEquals(NdisStatus.INVALID_PORT, h.netPnPEvent(NetPnPEventNotification.portDeactivation(0, 9)),
                "port 0 with a missing one");
        assertEquals(NdisStatus.INVALID_PORT, h.netPnPEvent(NetPnPEventNotification.portDeactivation(0, p4)),
                "port 0 with an ALLOCATED one");
        assertStates(a.view(), PortState.ALLOCATED, p4);
        assertNothingChanged();
    }

    // ---- X6 (R27, R29, D10, D13) ----

    @Test
    @DisplayName("X6 R27 an ALLOCATED port listed: INVALID_PORT_STATE; R30 the ACTIVATED ones listed with it stay")
    void x6_r27_allocatedPort_invalidPortState_atomic() {
        int p4 = allocate(h);
        assertEquals(NdisStatus.INVALID_PORT_STATE, h.netPnPEvent(NetPnPEventNotification.portDeactivation(p4)));
        assertEquals(NdisStatus.INVALID_PORT_STATE, h.netPnPEvent(NetPnPEventNotification.portDeactivation(1, 2, p4)));
        assertStates(a.view(), PortState.ALLOCATED, p4);
        assertNothingChanged();
    }

    @Test
    @DisplayName("X6 R27 deactivating a port twice: INVALID_PORT_STATE")
    void x6_r27_deactivateTwice_invalidPortState() {
        assertEquals(NdisStatus.SUCCESS, h.netPnPEvent(NetPnPEventNotification.portDeactivation(2)));
        assertEquals(NdisStatus.INVALID_PORT_STATE, h.netPnPEvent(NetPnPEventNotification.portDeactivation(2)));
        assertEquals(NdisStatus.INVALID_PORT_STATE, h.netPnPEvent(NetPnPEventNotification.portDeactivation(1, 2)));
        assertStates(a.view(), PortState.ALLOCATED, 2);
        assertStates(a.view(), PortState.ACTIVATED, 0, 1, 3);
        assertEquals(List.of("deactivate A [2]"), sink.calls);
        assertNoRecords(fx);
    }

    @Test
    @DisplayName("X6 R29 D10 a single-entry list holding an inactive port 0: INVALID_PORT_STATE")
    void x6_r29_d10_inactivePort0Alone_invalidPortState() {
        ScriptedMiniport mc = ScriptedMiniport.controllingDefaultPort();
        AdapterRuntime c = fx.initialized("C", mc);
        assertStates(c.view(), PortState.ALLOCATED, 0);
        assertEquals(NdisStatus.INVALID_PORT_STATE, mc.handle.netPnPEvent(NetPnPEventNotification.portDeactivation(0)));
        assertStates(c.view(), PortState.ALLOCATED, 0);

        assertEquals(NdisStatus.SUCCESS, h.netPnPEvent(NetPnPEventNotification.portDeactivation(0)));
        assertEquals(NdisStatus.INVALID_PORT_STATE, h.netPnPEvent(NetPnPEventNotification.portDeactivation(0)),
                "runtime-controlled port 0 after its deactivation");
        assertStates(a.view(), PortState.ALLOCATED, 0);
        assertNoRecords(fx);
    }

    @Test
    @DisplayName("X6 D13 listing a port whose deactivation is in flight: INVALID_PORT_STATE; the outer call succeeds")
    void x6_d13_deactivationInFlight_invalidPortState() {
        List<NdisStatus> nested = new ArrayList<>();
        sink.onPortEvent = n -> {
            nested.add(h.netPnPEvent(NetPnPEventNotification.portDeactivation(1)));
            nested.add(h.netPnPEvent(NetPnPEventNotification.portDeactivation(3, 2)));
            nested.add(h.netPnPEvent(NetPnPEventNotification.portActivation(1)));
        };
        assertEquals(NdisStatus.SUCCESS, h.netPnPEvent(NetPnPEventNotification.portDeactivation(1, 2)));
        assertEquals(List.of(NdisStatus.INVALID_PORT_STATE, NdisStatus.INVALID_PORT_STATE,
                NdisStatus.INVALID_PORT_STATE), nested);
        assertStates(a.view(), PortState.ALLOCATED, 1, 2);
        assertStates(a.view(), PortState.ACTIVATED, 0, 3);
        assertEquals(List.of("deactivate A [1,2]"), sink.calls);
        assertNoRecords(fx);
    }

    @Test
    @DisplayName("X6 D13 deactivating a port whose activation is in flight: INVALID_PORT_STATE")
    void x6_d13_activationInFlight_invalidPortState() {
        int p4 = allocate(h);
        List<NdisStatus> nested = new ArrayList<>();
        sink.onPortEvent = n -> nested.add(h.netPnPEvent(NetPnPEventNotification.portDeactivation(p4)));
        assertEquals(NdisStatus.SUCCESS, h.netPnPEvent(NetPnPEventNotification.portActivation(p4)));
        assertEquals(List.of(NdisStatus.INVALID_PORT_STATE), nested);
        assertStates(a.view(), PortState.ACTIVATED, p4);
        assertNoRecords(fx);
    }

    // ---- X7 (R24, R33, D32, §4.1) ----

    @Test
    @DisplayName("X7 R24 §4.1 one event with its own int[] copy, miniport's order, BufferLength 4 x count, PortNumber 0")
    void x7_eventContent() {
        NetPnPEventNotification sent = NetPnPEventNotification.portDeactivation(3, 1);
        int[] miniportArray = (int[]) sent.netPnPEvent().buffer();
        assertEquals(NdisStatus.SUCCESS, h.netPnPEvent(sent));
        assertStates(a.view(), PortState.ALLOCATED, 1, 3);
        assertStates(a.view(), PortState.ACTIVATED, 0, 2);
        assertEquals(List.of("deactivate A [3,1]"), sink.calls);
        assertEquals(1, sink.portEvents.size());
        NetPnPEventNotification got = sink.portEvents.get(0);
        assertNotSame(sent, got);
        assertEquals(0, got.portNumber());
        assertEquals(NdisObjectHeader.TYPE_DEFAULT, got.header().type());
        assertEquals(1, got.header().revision());
        NetPnPEvent e = got.netPnPEvent();
        assertEquals(NetPnPEventCode.PORT_DEACTIVATION.code(), e.netEvent());
        assertNotSame(miniportArray, e.buffer(), "the protocol gets its own copy");
        assertArrayEquals(new int[] {3, 1}, (int[]) e.buffer());
        assertEquals(8, e.bufferLength());
        assertFalse(e.hasReservedMembersSet());
        assertNoRecords(fx);
    }

    @Test
    @DisplayName("X7 R33 D32 during delivery the ports show DEACTIVATING, formally ACTIVATED; ALLOCATED after return")
    void x7_r33_d32_deactivatingDuringDelivery() {
        List<PortState> during = new ArrayList<>();
        List<Integer> activeDuring = new ArrayList<>();
        sink.onPortEvent = n -> {
            AdapterView v = a.view();
            for (int p = 0; p <= 3; p++) {
                during.add(PortEventTestSupport.state(v, p));
            }
            for (NdisPort p = sink.lastAdapter.activePorts(); p != null; p = p.next()) {
                activeDuring.add(p.portCharacteristics().portNumber());
            }
        };
        assertEquals(NdisStatus.SUCCESS, h.netPnPEvent(NetPnPEventNotification.portDeactivation(1, 2)));
        assertEquals(List.of(PortState.ACTIVATED, PortState.DEACTIVATING, PortState.DEACTIVATING, PortState.ACTIVATED),
                during);
        assertEquals(PortState.ACTIVATED, PortState.DEACTIVATING.formal());
        assertEquals(List.of(0, 1, 2, 3), activeDuring, "formally still ACTIVATED during delivery (R33)");
        assertStates(a.view(), PortState.ALLOCATED, 1, 2);
        assertStates(a.view(), PortState.ACTIVATED, 0, 3);
        assertNoRecords(fx);
    }

    @Test
    @DisplayName("O-6 a binding layer that throws in portEvent does not change the deactivation's SUCCESS")
    void o6_throwingSink_successUnchanged() {
        sink.onPortEvent = n -> {
            throw new IllegalStateException("protocol failure");
        };
        assertEquals(NdisStatus.SUCCESS, h.netPnPEvent(NetPnPEventNotification.portDeactivation(1)));
        assertStates(a.view(), PortState.ALLOCATED, 1);
        assertTrue(fx.verifier.violations().stream().noneMatch(v -> v.severity() == Severity.VIOLATION),
                fx.verifier.violations().toString());
    }

    // ---- X8 (R34, D12, D15, D16) ----

    @Test
    @DisplayName("X8 D12 D15 R34 deactivating runtime-controlled port 0: bindings closed before return, no port event")
    void x8_d12_runtimeControlledPort0_deactivated() {
        AtomicBoolean returned = new AtomicBoolean();
        List<Boolean> returnedAtUnbind = new ArrayList<>();
        List<PortState> port0AtUnbind = new ArrayList<>();
        sink.onUnavailable = (adapter, reason) -> {
            returnedAtUnbind.add(returned.get());
            port0AtUnbind.add(PortEventTestSupport.state(a.view(), 0));
        };
        NdisStatus s = h.netPnPEvent(NetPnPEventNotification.portDeactivation(0));
        returned.set(true);
        assertEquals(NdisStatus.SUCCESS, s);
        assertEquals(List.of("unavailable A " + UnbindReason.DEFAULT_PORT_DEACTIVATED), sink.calls);
        assertEquals(List.of(false), returnedAtUnbind, "unbound inside the miniport's call");
        assertEquals(List.of(PortState.DEACTIVATING), port0AtUnbind);
        assertTrue(sink.portEvents.isEmpty(), "no port event for port 0");
        assertStates(a.view(), PortState.ALLOCATED, 0);
        assertStates(a.view(), PortState.ACTIVATED, 1, 2, 3);
        assertNoRecords(fx);
    }

    @Test
    @DisplayName("D16 D12 reactivating port 0 after its deactivation binds again with the active ports")
    void d16_reactivatePort0_boundAgain() {
        assertEquals(NdisStatus.SUCCESS, h.netPnPEvent(NetPnPEventNotification.portDeactivation(0)));
        assertEquals(NdisStatus.SUCCESS, h.netPnPEvent(NetPnPEventNotification.portDeactivation(2)));
        assertEquals(NdisStatus.SUCCESS, h.netPnPEvent(NetPnPEventNotification.portActivation(0)));
        assertEquals(List.of("unavailable A DEFAULT_PORT_DEACTIVATED", "ready A [0,1,3]"), sink.calls,
                "no event for port 2 while unbound (O-1)");
        assertStates(a.view(), PortState.ACTIVATED, 0, 1, 3);
        assertStates(a.view(), PortState.ALLOCATED, 2);
        assertNoRecords(fx);
    }

    @Test
    @DisplayName("X8 D15 D16 a miniport controlling port 0 deactivates and reactivates it")
    void x8_controllingMiniport_port0DeactivatedAndReactivated() {
        ScriptedMiniport mc = ScriptedMiniport.controllingDefaultPort();
        AdapterRuntime c = fx.initialized("C", mc);
        int p = allocate(mc.handle);
        activate(mc.handle, 0);
        activate(mc.handle, p);
        assertEquals(NdisStatus.SUCCESS, mc.handle.netPnPEvent(NetPnPEventNotification.portDeactivation(0)));
        assertStates(c.view(), PortState.ALLOCATED, 0);
        assertStates(c.view(), PortState.ACTIVATED, p);
        activate(mc.handle, 0);
        assertEquals(List.of("ready C [0]", "activate C [" + p + "]", "unavailable C DEFAULT_PORT_DEACTIVATED",
                "ready C [0," + p + "]"), sink.calls);
        assertNoRecords(fx);
    }

    // ---- R35 ----

    @Test
    @DisplayName("R35 a miniport may deactivate and reactivate ports any number of times")
    void r35_deactivateReactivateRepeatedly() {
        for (int i = 0; i < 5; i++) {
            assertEquals(NdisStatus.SUCCESS, h.netPnPEvent(NetPnPEventNotification.portDeactivation(1, 3)));
            assertStates(a.view(), PortState.ALLOCATED, 1, 3);
            assertEquals(NdisStatus.SUCCESS, h.netPnPEvent(NetPnPEventNotification.portActivation(3, 1)));
            assertStates(a.view(), PortState.ACTIVATED, 1, 3);
        }
        assertEquals(10, sink.portEvents.size());
        assertStates(a.view(), PortState.ACTIVATED, 0, 2);
        assertNoRecords(fx);
    }
}
