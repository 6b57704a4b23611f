package org.ndisport.core.adapter.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ndisport.core.adapter.internal.PortEventTestSupport.activate;
import static org.ndisport.core.adapter.internal.PortEventTestSupport.allocate;
import static org.ndisport.core.adapter.internal.PortEventTestSupport.assertNoRecords;
import static org.ndisport.core.adapter.internal.PortEventTestSupport.assertStates;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ndisport.api.NdisObjectHeader;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.miniport.HaltAction;
import org.ndisport.api.miniport.MiniportAttributes;
import org.ndisport.api.miniport.NdisMiniportHandle;
import org.ndisport.api.pnp.NetPnPEvent;
import org.ndisport.api.pnp.NetPnPEventCode;
import org.ndisport.api.pnp.NetPnPEventNotification;
import org.ndisport.api.port.AuthStates;
import org.ndisport.api.port.LinkState;
import org.ndisport.api.port.MediaConnectState;
import org.ndisport.api.port.NdisPort;
import org.ndisport.api.port.NetIfDirection;
import org.ndisport.api.port.PortAuthorizationState;
import org.ndisport.api.port.PortCharacteristics;
import org.ndisport.api.port.PortControlState;
import org.ndisport.api.runtime.AdapterSpec;
import org.ndisport.api.runtime.AdapterView;
import org.ndisport.api.runtime.PortState;
import org.ndisport.api.runtime.Severity;

/** NdisMNetPnPEvent activation rows A1-A9 (spec §2.3), rules R12-R22 and decisions D5-D13, D32. */
class ActivationTest {
    private EngineFixture fx;
    private RecordingSink sink;
    private ScriptedMiniport m;
    private AdapterRuntime a;
    private NdisMiniportHandle h;

    /** Adapter A, runtime-controlled port 0 ACTIVATED and bound; ports 1, 2, 3 ALLOCATED. */
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
        assertEquals(List.of("ready A [0]"), sink.calls);
        sink.calls.clear();
    }

    private NdisStatus event(NdisPort chain, int bufferLength) {
        return h.netPnPEvent(NetPnPEventNotification.of(
                new NetPnPEvent(NetPnPEventCode.PORT_ACTIVATION, chain, bufferLength)));
    }

    /** Asserts a rejected activation changed nothing: 1-3 ALLOCATED, port 0 ACTIVATED, no event, no record. */
    private void assertNothingChanged() {
        AdapterView v = a.view();
        assertStates(v, PortState.ALLOCATED, 1, 2, 3);
        assertStates(v, PortState.ACTIVATED, 0);
        assertTrue(sink.portEvents.isEmpty(), "no port event delivered");
        assertTrue(sink.calls.isEmpty(), sink.calls.toString());
        assertNoRecords(fx);
    }

    // ---- A1: null or empty (R12, D6) ----

    @Test
    @DisplayName("A1 D6 null Buffer: INVALID_PARAMETER, nothing changes")
    void a1_nullBuffer_invalidParameter() {
        assertEquals(NdisStatus.INVALID_PARAMETER, event(null, NdisPort.SIZE));
        assertNothingChanged();
    }

    @Test
    @DisplayName("A1 D6 BufferLength 0: INVALID_PARAMETER, nothing changes")
    void a1_bufferLengthZero_invalidParameter() {
        assertEquals(NdisStatus.INVALID_PARAMETER, event(NdisPort.chainOf(1), 0));
        assertEquals(NdisStatus.INVALID_PARAMETER, h.netPnPEvent(NetPnPEventNotification.portActivation((NdisPort) null)));
        assertNothingChanged();
    }

    // ---- A2: buffer shape (D5) ----

    @Test
    @DisplayName("A2 D5 Buffer of the wrong type (an int[], a PortCharacteristics): INVALID_PARAMETER")
    void a2_wrongBufferType_invalidParameter() {
        assertEquals(NdisStatus.INVALID_PARAMETER, h.netPnPEvent(NetPnPEventNotification.of(
                new NetPnPEvent(NetPnPEventCode.PORT_ACTIVATION, new int[] {1}, NdisPort.SIZE))));
        assertEquals(NdisStatus.INVALID_PARAMETER, h.netPnPEvent(NetPnPEventNotification.of(
                new NetPnPEvent(NetPnPEventCode.PORT_ACTIVATION, PortCharacteristics.forPort(1), NdisPort.SIZE))));
        assertNothingChanged();
    }

    @Test
    @DisplayName("A2 D5 cycle: the last entry's Next points to the first: INVALID_PARAMETER")
    void a2_cycle_invalidParameter() {
        NdisPort head = NdisPort.chainOf(1, 2, 3);
        head.next().next().next(head);
        assertEquals(NdisStatus.INVALID_PARAMETER, event(head, 3 * NdisPort.SIZE));
        NdisPort self = NdisPort.chainOf(1);
        self.next(self);
        assertEquals(NdisStatus.INVALID_PARAMETER, event(self, 10 * NdisPort.SIZE));
        assertNothingChanged();
    }

    @Test
    @DisplayName("A2 D5 an entry without PortCharacteristics: INVALID_PARAMETER")
    void a2_entryWithoutCharacteristics_invalidParameter() {
        NdisPort head = NdisPort.chainOf(1, 2);
        head.next().portCharacteristics(null);
        assertEquals(NdisStatus.INVALID_PARAMETER, event(head, 2 * NdisPort.SIZE));
        NdisPort first = NdisPort.chainOf(1);
        first.portCharacteristics(null);
        assertEquals(NdisStatus.INVALID_PARAMETER, event(first, NdisPort.SIZE));
        assertNothingChanged();
    }

    // ---- A3: BufferLength (D5) ----

    @Test
    @DisplayName("A3 D5 BufferLength < entries x 96: INVALID_PARAMETER")
    void a3_bufferLengthShort_invalidParameter() {
        assertEquals(NdisStatus.INVALID_PARAMETER, event(NdisPort.chainOf(1, 2), 2 * NdisPort.SIZE - 1));
        assertEquals(NdisStatus.INVALID_PARAMETER, event(NdisPort.chainOf(1, 2, 3), NdisPort.SIZE));
        assertEquals(NdisStatus.INVALID_PARAMETER, event(NdisPort.chainOf(1), 95));
        assertNothingChanged();
    }

    @ParameterizedTest(name = "BufferLength {0}")
    @ValueSource(ints = {192, 193, 4096, Integer.MAX_VALUE, -1})
    @DisplayName("A3 D5 BufferLength >= entries x 96 (unsigned, so -1 is 0xFFFFFFFF) is accepted")
    void a3_bufferLengthLargeEnough_accepted(int length) {
        assertEquals(NdisStatus.SUCCESS, event(NdisPort.chainOf(1, 2), length));
        assertStates(a.view(), PortState.ACTIVATED, 1, 2);
        assertStates(a.view(), PortState.ALLOCATED, 3);
        assertEquals(List.of("activate A [1,2]"), sink.calls);
        assertEquals(2 * NdisPort.SIZE, sink.portEvents.get(0).netPnPEvent().bufferLength(),
                "the delivered copy has BufferLength entries x 96 (§4.1)");
        assertNoRecords(fx);
    }

    // ---- A4: duplicates (D9) ----

    @Test
    @DisplayName("D9 duplicate port in activation chain: INVALID_PARAMETER, no state change")
    void a4_d9_duplicatePort_invalidParameter() {
        assertEquals(NdisStatus.INVALID_PARAMETER, h.netPnPEvent(NetPnPEventNotification.portActivation(1, 2, 1)));
        PortCharacteristics other = PortCharacteristics.forPort(3).flags(0);
        assertEquals(NdisStatus.INVALID_PARAMETER, h.netPnPEvent(NetPnPEventNotification.portActivation(
                PortCharacteristics.forPort(3), other)));
        assertNothingChangedButFailedFlag();
    }

    /** As {@link #assertNothingChanged()}; the "latest activation failed" flag (§2.5) may be set. */
    private void assertNothingChangedButFailedFlag() {
        assertStates(a.view(), PortState.ALLOCATED, 1, 2, 3);
        assertStates(a.view(), PortState.ACTIVATED, 0);
        assertTrue(sink.portEvents.isEmpty());
        assertNoRecords(fx);
    }

    // ---- A5: existence (R13) ----

    @ParameterizedTest(name = "port {0}")
    @ValueSource(ints = {9, 0xFFFFFF, 0x1000000, 0x7FFFFFFF, -1})
    @DisplayName("A5 R13 a NONEXISTENT port (also numbers > 0xFFFFFF) listed with valid ones: INVALID_PORT, none changes")
    void a5_r13_nonexistentPort_invalidPort(int missing) {
        assertEquals(NdisStatus.INVALID_PORT, h.netPnPEvent(NetPnPEventNotification.portActivation(1, missing, 2)));
        assertEquals(NdisStatus.INVALID_PORT, h.netPnPEvent(NetPnPEventNotification.portActivation(missing)));
        assertNothingChangedButFailedFlag();
        assertTrue(a.view().port(1).lastActivationFailed(), "§2.5 latest activation attempt failed");
        assertTrue(a.view().port(2).lastActivationFailed());
        assertFalse(a.view().port(3).lastActivationFailed(), "port 3 was not listed");
    }

    @Test
    @DisplayName("A5 R13 R43 a freed port cannot be reactivated: INVALID_PORT")
    void a5_r43_freedPort_invalidPort() {
        assertEquals(NdisStatus.SUCCESS, h.freePort(3));
        assertEquals(NdisStatus.INVALID_PORT, h.netPnPEvent(NetPnPEventNotification.portActivation(3)));
        assertStates(a.view(), PortState.NONEXISTENT, 3);
        assertTrue(sink.portEvents.isEmpty());
        assertNoRecords(fx);
    }

    // ---- A6: port 0 with others (R15, D7) ----

    @Test
    @DisplayName("A6 R15 D7 port 0 listed with other ports: INVALID_PORT, none changes")
    void a6_r15_d7_port0WithOthers_invalidPort() {
        assertEquals(NdisStatus.INVALID_PORT, h.netPnPEvent(NetPnPEventNotification.portActivation(0, 1)));
        assertEquals(NdisStatus.INVALID_PORT, h.netPnPEvent(NetPnPEventNotification.portActivation(2, 3, 0)));
        assertNothingChangedButFailedFlag();
    }

    // ---- D10: check order ----

    @Test
    @DisplayName("D10 parameter errors are checked before existence (duplicate or short length of a missing port)")
    void d10_parametersBeforeExistence() {
        assertEquals(NdisStatus.INVALID_PARAMETER, h.netPnPEvent(NetPnPEventNotification.portActivation(9, 9)));
        assertEquals(NdisStatus.INVALID_PARAMETER, event(NdisPort.chainOf(9, 0x1000000), NdisPort.SIZE));
        assertNothingChangedButFailedFlag();
    }

    @Test
    @DisplayName("D10 existence is checked before port-0 exclusivity: port 0 with a missing port gives INVALID_PORT")
    void d10_existenceBeforePort0Exclusivity() {
        assertEquals(NdisStatus.INVALID_PORT, h.netPnPEvent(NetPnPEventNotification.portActivation(0, 9)));
        assertNothingChangedButFailedFlag();
    }

    @Test
    @DisplayName("D10 existence and port-0 exclusivity are checked before state")
    void d10_existenceAndExclusivityBeforeState() {
        activate(h, 1);
        sink.calls.clear();
        sink.portEvents.clear();
        assertEquals(NdisStatus.INVALID_PORT, h.netPnPEvent(NetPnPEventNotification.portActivation(1, 9)),
                "ACTIVATED port 1 with missing 9");
        assertEquals(NdisStatus.INVALID_PORT, h.netPnPEvent(NetPnPEventNotification.portActivation(0, 1)),
                "active port 0 with active port 1");
        assertStates(a.view(), PortState.ACTIVATED, 0, 1);
        assertStates(a.view(), PortState.ALLOCATED, 2, 3);
        assertTrue(sink.portEvents.isEmpty());
        assertNoRecords(fx);
    }

    // ---- A7: state (R14, D12, D13) ----

    @Test
    @DisplayName("A7 R14 activating an ACTIVATED port: INVALID_PORT_STATE")
    void a7_r14_activateActivePort_invalidPortState() {
        activate(h, 1);
        sink.portEvents.clear();
        assertEquals(NdisStatus.INVALID_PORT_STATE, h.netPnPEvent(NetPnPEventNotification.portActivation(1)));
        assertStates(a.view(), PortState.ACTIVATED, 1);
        assertTrue(sink.portEvents.isEmpty());
        assertNoRecords(fx);
    }

    @Test
    @DisplayName("A7 R16 an ACTIVATED port among ALLOCATED ones: INVALID_PORT_STATE and no listed port changes")
    void a7_r16_mixedList_atomic() {
        activate(h, 2);
        sink.portEvents.clear();
        assertEquals(NdisStatus.INVALID_PORT_STATE, h.netPnPEvent(NetPnPEventNotification.portActivation(1, 2, 3)));
        assertStates(a.view(), PortState.ALLOCATED, 1, 3);
        assertStates(a.view(), PortState.ACTIVATED, 0, 2);
        assertTrue(sink.portEvents.isEmpty());
        assertNoRecords(fx);
    }

    @Test
    @DisplayName("A7 D12 activating port 0 under runtime control: INVALID_PORT_STATE (already active)")
    void a7_d12_runtimeControlledPort0_invalidPortState() {
        assertEquals(NdisStatus.INVALID_PORT_STATE, h.netPnPEvent(NetPnPEventNotification.portActivation(0)));
        assertNothingChanged();
    }

    @Test
    @DisplayName("A7 D13 listing a port whose activation is in flight: INVALID_PORT_STATE; the outer call succeeds")
    void a7_d13_inFlight_invalidPortState() {
        List<NdisStatus> nested = new ArrayList<>();
        sink.onPortEvent = n -> {
            nested.add(h.netPnPEvent(NetPnPEventNotification.portActivation(1)));
            nested.add(h.netPnPEvent(NetPnPEventNotification.portActivation(3, 2)));
        };
        assertEquals(NdisStatus.SUCCESS, h.netPnPEvent(NetPnPEventNotification.portActivation(1, 2)));
        assertEquals(List.of(NdisStatus.INVALID_PORT_STATE, NdisStatus.INVALID_PORT_STATE), nested);
        assertStates(a.view(), PortState.ACTIVATED, 1, 2);
        assertStates(a.view(), PortState.ALLOCATED, 3);
        assertEquals(List.of("activate A [1,2]"), sink.calls);
        assertNoRecords(fx);
    }

    // ---- A8: success (R16, R20, D32, §4.1) ----

    @Test
    @DisplayName("A8 D32 during delivery the view shows ACTIVATING (formally ALLOCATED); after return ACTIVATED")
    void a8_d32_activatingDuringDelivery() {
        List<PortState> during = new ArrayList<>();
        AtomicReference<NdisPort> activeDuring = new AtomicReference<>();
        sink.onPortEvent = n -> {
            AdapterView v = a.view();
            during.add(PortEventTestSupport.state(v, 1));
            during.add(PortEventTestSupport.state(v, 2));
            during.add(PortEventTestSupport.state(v, 3));
            activeDuring.set(sink.lastAdapter.activePorts());
        };
        assertEquals(NdisStatus.SUCCESS, h.netPnPEvent(NetPnPEventNotification.portActivation(1, 2)));
        assertEquals(List.of(PortState.ACTIVATING, PortState.ACTIVATING, PortState.ALLOCATED), during);
        assertEquals(PortState.ALLOCATED, PortState.ACTIVATING.formal());
        assertEquals(0, activeDuring.get().portCharacteristics().portNumber(), "ActivePorts lists formal state only");
        assertNull(activeDuring.get().next(), "ports 1 and 2 are not yet formally ACTIVATED");
        assertStates(a.view(), PortState.ACTIVATED, 1, 2);
        assertStates(a.view(), PortState.ALLOCATED, 3);
        assertNoRecords(fx);
    }

    @Test
    @DisplayName("A8 §4.1 several ports: one event, miniport's order, own copy, BufferLength entries x 96, PortNumber 0")
    void a8_severalPorts_oneEventInMiniportOrder() {
        NetPnPEventNotification sent = NetPnPEventNotification.portActivation(3, 1, 2);
        NdisPort miniportChain = (NdisPort) sent.netPnPEvent().buffer();
        assertEquals(NdisStatus.SUCCESS, h.netPnPEvent(sent));
        assertStates(a.view(), PortState.ACTIVATED, 0, 1, 2, 3);
        assertEquals(List.of("activate A [3,1,2]"), sink.calls);
        assertEquals(1, sink.portEvents.size());
        NetPnPEventNotification got = sink.portEvents.get(0);
        assertNotSame(sent, got);
        assertEquals(0, got.portNumber());
        assertEquals(NdisObjectHeader.TYPE_DEFAULT, got.header().type());
        assertEquals(1, got.header().revision());
        NetPnPEvent e = got.netPnPEvent();
        assertEquals(NetPnPEventCode.PORT_ACTIVATION.code(), e.netEvent());
        assertEquals(3 * NdisPort.SIZE, e.bufferLength());
        assertFalse(e.hasReservedMembersSet());
        NdisPort copy = (NdisPort) e.buffer();
        for (NdisPort mine = miniportChain, theirs = copy; mine != null; mine = mine.next(), theirs = theirs.next()) {
            assertNotSame(mine, theirs, "the protocol gets its own copy of the chain");
            assertNotSame(mine.portCharacteristics(), theirs.portCharacteristics());
        }
        assertEquals(3, copy.toList(10).size());
        assertNoRecords(fx);
    }

    @Test
    @DisplayName("A8 R20 D20 USE_DEFAULT_AUTH_SETTINGS entries get the default auth states in the delivered copy")
    void a8_r20_effectiveAuthStatesInDeliveredCopy() {
        AuthStates defaults = new AuthStates(PortControlState.CONTROLLED, PortControlState.CONTROLLED,
                PortAuthorizationState.AUTHORIZED, PortAuthorizationState.UNAUTHORIZED);
        AuthStates explicit = new AuthStates(PortControlState.CONTROLLED, PortControlState.UNCONTROLLED,
                PortAuthorizationState.UNAUTHORIZED, PortAuthorizationState.UNKNOWN);
        LinkState link = new LinkState(MediaConnectState.CONNECTED, 1_000_000_000L, 100_000_000L,
                NetIfDirection.SEND_ONLY);
        ScriptedMiniport mb = new ScriptedMiniport();
        AdapterRuntime b = new AdapterRuntime(new AdapterSpec("B", mb, "ScriptedMiniport", EngineFixture.BUNDLE,
                defaults, List.of(), -1, false), fx.context);
        assertEquals(NdisStatus.SUCCESS, b.initialize());
        int b1 = allocate(mb.handle);
        int b2 = allocate(mb.handle);
        sink.calls.clear();

        PortCharacteristics useDefault = PortCharacteristics.forPort(b1);
        assertTrue(useDefault.usesDefaultAuthSettings());
        PortCharacteristics own = PortCharacteristics.forPort(b2).flags(0).authStates(explicit).linkState(link);
        assertEquals(NdisStatus.SUCCESS, mb.handle.netPnPEvent(NetPnPEventNotification.portActivation(useDefault, own)));

        assertEquals(List.of("activate B [1,2]"), sink.calls);
        NdisPort copy = (NdisPort) sink.portEvents.get(0).netPnPEvent().buffer();
        assertEquals(defaults, copy.portCharacteristics().authStates(), "R20 effective auth of entry 1");
        assertEquals(explicit, copy.next().portCharacteristics().authStates());
        assertEquals(link, copy.next().portCharacteristics().linkState());
        assertEquals(AuthStates.UNCONTROLLED_UNKNOWN, useDefault.authStates(), "the miniport's chain is not written");
        assertEquals(defaults, b.view().port(b1).authStates(), "D20 cache seeded at activation");
        assertEquals(explicit, b.view().port(b2).authStates());
        assertEquals(link, b.view().port(b2).linkState());
        assertStates(b.view(), PortState.ACTIVATED, b1, b2);
        assertNoRecords(fx);
    }

    @Test
    @DisplayName("O-6 a binding layer that throws in portEvent does not change SUCCESS")
    void o6_throwingSink_successUnchanged() {
        sink.onPortEvent = n -> {
            throw new IllegalStateException("protocol failure");
        };
        assertEquals(NdisStatus.SUCCESS, h.netPnPEvent(NetPnPEventNotification.portActivation(1)));
        assertStates(a.view(), PortState.ACTIVATED, 1);
        assertTrue(fx.verifier.violations().stream().noneMatch(v -> v.severity() == Severity.VIOLATION),
                fx.verifier.violations().toString());
    }

    // ---- A9: port 0 (R21, R22, D16, O-2) ----

    @Test
    @DisplayName("R21 the runtime activates port 0 when registration attributes are set (no CONTROLS_DEFAULT_PORT)")
    void r21_port0ActivatedAtRegistration() {
        ScriptedMiniport mb = new ScriptedMiniport();
        List<PortState> afterAttributes = new ArrayList<>();
        mb.onInitialize = hh -> {
            hh.setMiniportAttributes(MiniportAttributes.registration());
            afterAttributes.add(PortEventTestSupport.state(ScriptedMiniport.viewOf(hh), 0));
            return NdisStatus.SUCCESS;
        };
        AdapterRuntime b = fx.initialized("B", mb);
        assertEquals(List.of(PortState.ACTIVATED), afterAttributes);
        assertFalse(b.view().controlsDefaultPort());
        assertEquals(List.of("ready B [0]"), sink.calls);
        assertEquals(NdisStatus.INVALID_PORT_STATE, mb.handle.netPnPEvent(NetPnPEventNotification.portActivation(0)),
                "D12 already active");
        assertNoRecords(fx);
    }

    @Test
    @DisplayName("A9 R21 port 0 activation with CONTROLS_DEFAULT_PORT: no port event, port 0 ACTIVATED, then bound")
    void a9_port0Activation_controllingMiniport() {
        ScriptedMiniport mc = ScriptedMiniport.controllingDefaultPort();
        AdapterRuntime c = fx.initialized("C", mc);
        assertStates(c.view(), PortState.ALLOCATED, 0);
        assertTrue(c.view().controlsDefaultPort());
        assertTrue(sink.calls.isEmpty(), "R22 not bound while port 0 is inactive: " + sink.calls);

        assertEquals(NdisStatus.SUCCESS, mc.handle.netPnPEvent(NetPnPEventNotification.portActivation(0)));
        assertStates(c.view(), PortState.ACTIVATED, 0);
        assertTrue(sink.portEvents.isEmpty(), "no port event for port 0");
        assertEquals(List.of("ready C [0]"), sink.calls);
        assertNoRecords(fx);
    }

    @Test
    @DisplayName("A9 O-2 binding starts only after the call that activated port 0 has returned")
    void a9_o2_bindingAfterTheCallReturned() {
        List<Runnable> queued = new ArrayList<>();
        EngineContext ctx = new EngineContext(fx.verifier, queued::add);
        RecordingSink s = new RecordingSink();
        ctx.sink(s);
        ScriptedMiniport mc = ScriptedMiniport.controllingDefaultPort();
        AdapterRuntime c = new AdapterRuntime(AdapterSpec.virtual("C", mc, EngineFixture.BUNDLE), ctx);
        assertEquals(NdisStatus.SUCCESS, c.initialize());
        runAll(queued);
        assertTrue(s.calls.isEmpty(), "R22: " + s.calls);

        assertEquals(NdisStatus.SUCCESS, mc.handle.netPnPEvent(NetPnPEventNotification.portActivation(0)));
        assertTrue(s.calls.isEmpty(), "nothing bound before the call returned: " + s.calls);
        assertStates(c.view(), PortState.ACTIVATED, 0);
        runAll(queued);
        assertEquals(List.of("ready C [0]"), s.calls);
        assertNoRecords(fx);
    }

    private static void runAll(List<Runnable> queued) {
        while (!queued.isEmpty()) {
            queued.remove(0).run();
        }
    }

    @Test
    @DisplayName("A9 O-2 port 0 activated inside MiniportInitializeEx: bound only after initialize returned")
    void a9_port0ActivatedInP1_boundAfterInitialize() {
        ScriptedMiniport mc = new ScriptedMiniport();
        List<NdisStatus> statuses = new ArrayList<>();
        List<String> callsInside = new ArrayList<>();
        mc.onInitialize = hh -> {
            hh.setMiniportAttributes(MiniportAttributes.registrationControllingDefaultPort());
            statuses.add(hh.netPnPEvent(NetPnPEventNotification.portActivation(0)));
            callsInside.addAll(sink.calls);
            return NdisStatus.SUCCESS;
        };
        AdapterRuntime c = fx.initialized("C", mc);
        assertEquals(List.of(NdisStatus.SUCCESS), statuses);
        assertTrue(callsInside.isEmpty(), callsInside.toString());
        assertStates(c.view(), PortState.ACTIVATED, 0);
        assertEquals(List.of("ready C [0]"), sink.calls);
        assertNoRecords(fx);
    }

    @Test
    @DisplayName("R22 O-1 with CONTROLS_DEFAULT_PORT no binding and no port event until port 0 is activated")
    void r22_noBindingUntilPort0Activated() {
        ScriptedMiniport mc = ScriptedMiniport.controllingDefaultPort();
        AdapterRuntime c = fx.initialized("C", mc);
        int p = allocate(mc.handle);
        assertEquals(NdisStatus.SUCCESS, mc.handle.netPnPEvent(NetPnPEventNotification.portActivation(p)));
        assertStates(c.view(), PortState.ACTIVATED, p);
        assertStates(c.view(), PortState.ALLOCATED, 0);
        assertTrue(sink.calls.isEmpty(), sink.calls.toString());

        assertEquals(NdisStatus.SUCCESS, mc.handle.netPnPEvent(NetPnPEventNotification.portActivation(0)));
        assertEquals(List.of("ready C [0," + p + "]"), sink.calls);
        assertNoRecords(fx);
        c.halt(HaltAction.DEVICE_DISABLED);
        assertNoRecords(fx);
    }
}
