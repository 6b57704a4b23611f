package org.ndisport.core.adapter.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.ndisport.api.NdisObjectHeader;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.miniport.AllocatePortResult;
import org.ndisport.api.miniport.HaltAction;
import org.ndisport.api.miniport.MiniportAttributes;
import org.ndisport.api.miniport.NdisMiniportHandle;
import org.ndisport.api.pnp.NetPnPEventNotification;
import org.ndisport.api.port.AuthStates;
import org.ndisport.api.port.LinkState;
import org.ndisport.api.port.PortAuthorizationState;
import org.ndisport.api.port.PortCharacteristics;
import org.ndisport.api.port.PortControlState;
import org.ndisport.api.runtime.AdapterPhase;
import org.ndisport.api.runtime.AdapterSpec;
import org.ndisport.api.runtime.AdapterView;
import org.ndisport.api.runtime.PortState;
import org.ndisport.api.runtime.PortView;
import org.ndisport.api.runtime.Severity;
import org.ndisport.api.runtime.VerifierMode;
import org.ndisport.api.runtime.Violation;

/**
 * Adapter-level transitions of spec §2.6: registration attributes, initialize success and failure,
 * halt scheduling and unbinding (D34), leftovers after halt (R39-R42) and number reuse (R43).
 */
class AdapterLifecycleTest {
    private static final String A = "A";
    private static final AuthStates CUSTOM_DEFAULTS = new AuthStates(PortControlState.CONTROLLED,
            PortControlState.UNCONTROLLED, PortAuthorizationState.AUTHORIZED, PortAuthorizationState.UNAUTHORIZED);

    private final EngineFixture fx = new EngineFixture();
    private final RecordingSink sink = new RecordingSink();

    // ---------------------------------------------------------------- registration attributes (P0 -> P1)

    @Test
    @DisplayName("R21 D20 registration attributes: P0 -> P1, port 0 ACTIVATED, cache seeded with the adapter's defaults")
    void r21_registrationAttributes_port0Activated_cacheSeeded() {
        ScriptedMiniport m = new ScriptedMiniport();
        List<AdapterView> seen = new ArrayList<>();
        List<NdisStatus> statuses = new ArrayList<>();
        m.onInitialize = h -> {
            seen.add(ScriptedMiniport.viewOf(h));
            statuses.add(h.setMiniportAttributes(MiniportAttributes.registration()));
            seen.add(ScriptedMiniport.viewOf(h));
            return NdisStatus.SUCCESS;
        };
        AdapterRuntime a = withDefaults(m, CUSTOM_DEFAULTS);

        assertEquals(NdisStatus.SUCCESS, a.initialize());

        assertEquals(CUSTOM_DEFAULTS, m.initParameters.defaultPortAuthStates().authStates());
        assertEquals(AdapterPhase.P0_INIT_PRE_REG, seen.get(0).phase());
        assertTrue(seen.get(0).ports().isEmpty(), "no port before registration attributes");
        assertEquals(List.of(NdisStatus.SUCCESS), statuses);
        AdapterView afterReg = seen.get(1);
        assertEquals(AdapterPhase.P1_INIT_POST_REG, afterReg.phase());
        assertFalse(afterReg.controlsDefaultPort());
        assertEquals(1, afterReg.ports().size());
        PortView port0 = afterReg.port(0);
        assertEquals(PortState.ACTIVATED, port0.state());
        assertEquals(0, port0.type());
        assertEquals(0, port0.flags());
        assertEquals(LinkState.UNKNOWN, port0.linkState());
        assertEquals(CUSTOM_DEFAULTS, port0.authStates());
        assertFalse(port0.lastActivationFailed());
        assertEquals(List.of(), fx.verifier.violations());
    }

    @Test
    @DisplayName("R21 D20 CONTROLS_DEFAULT_PORT: port 0 created ALLOCATED, cache seeded with the adapter's defaults")
    void r21_controlsDefaultPort_port0Allocated_cacheSeeded() {
        ScriptedMiniport m = new ScriptedMiniport();
        List<AdapterView> seen = new ArrayList<>();
        m.onInitialize = h -> {
            assertEquals(NdisStatus.SUCCESS, h.setMiniportAttributes(MiniportAttributes.registrationControllingDefaultPort()));
            seen.add(ScriptedMiniport.viewOf(h));
            return NdisStatus.SUCCESS;
        };
        AdapterRuntime a = withDefaults(m, CUSTOM_DEFAULTS);

        assertEquals(NdisStatus.SUCCESS, a.initialize());

        AdapterView inInit = seen.get(0);
        assertEquals(AdapterPhase.P1_INIT_POST_REG, inInit.phase());
        assertTrue(inInit.controlsDefaultPort());
        assertEquals(PortState.ALLOCATED, inInit.port(0).state());
        assertEquals(CUSTOM_DEFAULTS, inInit.port(0).authStates());
        assertEquals(LinkState.UNKNOWN, inInit.port(0).linkState());
        assertEquals(PortState.ALLOCATED, a.view().port(0).state());
        assertEquals(AdapterPhase.P2_OPERATIONAL, a.view().phase());
        assertEquals(List.of(), fx.verifier.violations());
    }

    @ParameterizedTest(name = "revision {0}")
    @ValueSource(ints = {0, 3})
    @DisplayName("R21 registration attributes with an unknown header revision: BAD_VERSION, still P0, no port 0")
    void r21_registrationAttributesBadRevision_badVersion(int revision) {
        ScriptedMiniport m = new ScriptedMiniport();
        List<NdisStatus> statuses = new ArrayList<>();
        List<AdapterView> seen = new ArrayList<>();
        m.onInitialize = h -> {
            statuses.add(h.setMiniportAttributes(new MiniportAttributes(new NdisObjectHeader(
                    NdisObjectHeader.TYPE_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES, revision,
                    MiniportAttributes.SIZE_REVISION_2), 0, null)));
            seen.add(ScriptedMiniport.viewOf(h));
            statuses.add(h.setMiniportAttributes(MiniportAttributes.registration()));
            return NdisStatus.SUCCESS;
        };
        AdapterRuntime a = fx.adapter(A, m);

        assertEquals(NdisStatus.SUCCESS, a.initialize());

        assertEquals(List.of(NdisStatus.BAD_VERSION, NdisStatus.SUCCESS), statuses);
        assertEquals(AdapterPhase.P0_INIT_PRE_REG, seen.get(0).phase());
        assertTrue(seen.get(0).ports().isEmpty());
        assertEquals(PortState.ACTIVATED, a.view().port(0).state());
        assertEquals(List.of(), fx.verifier.violations());
    }

    @Test
    @DisplayName("R21 registration attributes set twice, or outside P0 (P2, P3, P4): FAILURE, port 0 unchanged")
    void r21_registrationAttributesTwiceOrOutsideP0_failure() {
        ScriptedMiniport m = ScriptedMiniport.controllingDefaultPort();
        List<NdisStatus> statuses = new ArrayList<>();
        m.onInitialize = h -> {
            statuses.add(h.setMiniportAttributes(MiniportAttributes.registrationControllingDefaultPort()));
            statuses.add(h.setMiniportAttributes(MiniportAttributes.registration()));
            return NdisStatus.SUCCESS;
        };
        m.onHalt = h -> statuses.add(h.setMiniportAttributes(MiniportAttributes.registration()));
        AdapterRuntime a = fx.adapter(A, m);

        assertEquals(NdisStatus.SUCCESS, a.initialize());
        assertEquals(List.of(NdisStatus.SUCCESS, NdisStatus.FAILURE), statuses);
        assertTrue(a.view().controlsDefaultPort(), "the second call changed nothing");
        assertEquals(PortState.ALLOCATED, a.view().port(0).state());

        assertEquals(NdisStatus.FAILURE, m.handle.setMiniportAttributes(MiniportAttributes.registration()));
        assertEquals(AdapterPhase.P2_OPERATIONAL, a.view().phase());
        assertEquals(PortState.ALLOCATED, a.view().port(0).state());

        a.halt(HaltAction.DEVICE_DISABLED);
        assertEquals(NdisStatus.FAILURE, statuses.get(2), "in P3");
        assertEquals(NdisStatus.FAILURE, m.handle.setMiniportAttributes(MiniportAttributes.registration()), "in P4");
        assertEquals(AdapterPhase.P4_HALTED, a.view().phase());
        assertTrue(a.view().ports().isEmpty(), "no port 0 recreated on a stale handle");
        assertEquals(List.of(), fx.verifier.violations());
    }

    // ---------------------------------------------------------------- initialize success (-> P2)

    @Test
    @DisplayName("O-2 initialize success: P2, adapter announced with port 0 only after MiniportInitializeEx returned")
    void o2_initializeSuccess_bindingAnnouncedAfterReturn() {
        List<Runnable> queued = new ArrayList<>();
        EngineContext ctx = new EngineContext(fx.verifier, queued::add);
        ctx.sink(sink);
        ScriptedMiniport m = new ScriptedMiniport();
        List<List<String>> callsInInit = new ArrayList<>();
        m.onInitialize = h -> {
            h.setMiniportAttributes(MiniportAttributes.registration());
            callsInInit.add(List.copyOf(sink.calls));
            return NdisStatus.SUCCESS;
        };
        AdapterRuntime a = new AdapterRuntime(AdapterSpec.virtual(A, m, EngineFixture.BUNDLE), ctx);

        assertEquals(NdisStatus.SUCCESS, a.initialize());

        assertEquals(List.of(List.of()), callsInInit);
        assertEquals(AdapterPhase.P2_OPERATIONAL, a.view().phase());
        assertEquals(List.of(), sink.calls, "binding runs on the engine's executor, not inside initialize");
        assertEquals(1, queued.size());
        queued.get(0).run();
        assertEquals(List.of("ready A [0]"), sink.calls);
        assertEquals(List.of(), fx.verifier.violations());
    }

    @Test
    @DisplayName("O-2 initialize success with ports activated in P1: one announcement listing them")
    void o2_initializeSuccess_announcedOnceWithActivePorts() {
        fx.context.sink(sink);
        ScriptedMiniport m = new ScriptedMiniport();
        m.onInitialize = h -> {
            h.setMiniportAttributes(MiniportAttributes.registration());
            h.allocatePort(PortCharacteristics.forAllocation());
            h.allocatePort(PortCharacteristics.forAllocation());
            assertEquals(NdisStatus.SUCCESS, h.netPnPEvent(NetPnPEventNotification.portActivation(2)));
            return NdisStatus.SUCCESS;
        };
        AdapterRuntime a = fx.adapter(A, m);

        assertEquals(NdisStatus.SUCCESS, a.initialize());

        assertEquals(List.of("ready A [0,2]"), sink.calls, "no port event before the bind (O-1)");
        assertEquals(AdapterPhase.P2_OPERATIONAL, a.view().phase());
        assertEquals(List.of(), fx.verifier.violations());
    }

    @Test
    @DisplayName("R22 CONTROLS_DEFAULT_PORT: no binding after initialize until the miniport activates port 0")
    void r22_controlsDefaultPort_noBindingUntilPort0Activated() {
        fx.context.sink(sink);
        ScriptedMiniport m = ScriptedMiniport.controllingDefaultPort();
        AdapterRuntime a = fx.adapter(A, m);

        assertEquals(NdisStatus.SUCCESS, a.initialize());
        assertEquals(AdapterPhase.P2_OPERATIONAL, a.view().phase());
        assertEquals(List.of(), sink.calls);

        assertEquals(NdisStatus.SUCCESS, m.handle.netPnPEvent(NetPnPEventNotification.portActivation(0)));

        assertEquals(PortState.ACTIVATED, a.view().port(0).state());
        assertEquals(List.of("ready A [0]"), sink.calls);
        assertTrue(sink.portEvents.isEmpty(), "no port event for port 0 (A9)");
        assertEquals(List.of(), fx.verifier.violations());
    }

    // ---------------------------------------------------------------- initialize failure (-> P4)

    @Test
    @DisplayName("R39 initialize failure: each leftover port other than 0 recorded, then reclaimed; port 0 freed")
    void r39_initializeFailure_leftoverPortsReportedAndReclaimed() {
        fx.context.sink(sink);
        RecordingEvents events = new RecordingEvents();
        fx.context.events(events);
        ScriptedMiniport m = new ScriptedMiniport();
        m.onInitialize = failingInitLeaving3Ports();
        AdapterRuntime a = fx.adapter(A, m);

        assertEquals(NdisStatus.FAILURE, a.initialize());

        assertRecords(List.of("R39 VIOLATION A 1", "R39 VIOLATION A 2", "R39 VIOLATION A 3"));
        AdapterView v = a.view();
        assertEquals(AdapterPhase.P4_HALTED, v.phase());
        assertTrue(v.ports().isEmpty(), "leftovers and port 0 reclaimed: " + v.ports());
        assertEquals(List.of(), sink.calls, "never announced, nothing delivered");
        assertEquals("port A 0 NONEXISTENT", events.ports().get(events.ports().size() - 1), "port 0 freed last");
        assertTrue(events.lines.indexOf("phase A P4_HALTED") < events.lines.indexOf("port A 1 NONEXISTENT"),
                "reclaimed after MiniportInitializeEx returned: " + events.lines);
    }

    @Test
    @DisplayName("R39 D21 initialize failure in FAIL_FAST: findings recorded, no exception, still reclaimed")
    void r39_initializeFailureFailFast_findingsDoNotThrow() {
        EngineFixture ff = new EngineFixture(VerifierMode.FAIL_FAST);
        ScriptedMiniport m = new ScriptedMiniport();
        m.onInitialize = failingInitLeaving3Ports();
        AdapterRuntime a = ff.adapter(A, m);

        NdisStatus s = assertDoesNotThrow(a::initialize);

        assertEquals(NdisStatus.FAILURE, s);
        assertEquals(List.of("R39 VIOLATION A 1", "R39 VIOLATION A 2", "R39 VIOLATION A 3"),
                describe(ff.verifier.violations()));
        assertEquals(AdapterPhase.P4_HALTED, a.view().phase());
        assertTrue(a.view().ports().isEmpty());
    }

    @Test
    @DisplayName("R39 initialize failure that released its ports: nothing recorded, port 0 freed")
    void r39_initializeFailureClean_recordsNothing() {
        ScriptedMiniport m = new ScriptedMiniport();
        m.onInitialize = h -> {
            h.setMiniportAttributes(MiniportAttributes.registration());
            int n = h.allocatePort(PortCharacteristics.forAllocation()).portNumber();
            assertEquals(NdisStatus.SUCCESS, h.freePort(n));
            return NdisStatus.RESOURCES;
        };
        AdapterRuntime a = fx.adapter(A, m);

        assertEquals(NdisStatus.RESOURCES, a.initialize(), "the driver's own failure status is returned");

        assertEquals(List.of(), fx.verifier.violations());
        assertEquals(AdapterPhase.P4_HALTED, a.view().phase());
        assertTrue(a.view().ports().isEmpty());
    }

    @Test
    @DisplayName("N2 initialize returns SUCCESS without registration attributes: FAILURE, finding N2, P4")
    void n2_initializeSuccessWithoutAttributes_failure() {
        fx.context.sink(sink);
        ScriptedMiniport m = new ScriptedMiniport();
        m.onInitialize = h -> NdisStatus.SUCCESS;
        AdapterRuntime a = fx.adapter(A, m);

        assertEquals(NdisStatus.FAILURE, a.initialize());

        assertRecords(List.of("N2 VIOLATION A -1"));
        assertEquals(AdapterPhase.P4_HALTED, a.view().phase());
        assertTrue(a.view().ports().isEmpty());
        assertEquals(List.of(), sink.calls);
    }

    @Test
    @DisplayName("N1 R39 initialize throws: FAILURE, finding N1, then its leftover port recorded and reclaimed")
    void n1_initializeThrows_failureAndFinding() {
        fx.context.sink(sink);
        ScriptedMiniport m = new ScriptedMiniport();
        m.onInitialize = h -> {
            h.setMiniportAttributes(MiniportAttributes.registration());
            h.allocatePort(PortCharacteristics.forAllocation());
            throw new IllegalStateException("driver bug");
        };
        AdapterRuntime a = fx.adapter(A, m);

        NdisStatus s = assertDoesNotThrow(a::initialize);

        assertEquals(NdisStatus.FAILURE, s);
        assertRecords(List.of("N1 VIOLATION A -1", "R39 VIOLATION A 1"));
        assertEquals(AdapterPhase.P4_HALTED, a.view().phase());
        assertTrue(a.view().ports().isEmpty());
        assertEquals(List.of(), sink.calls);
    }

    @Test
    @DisplayName("§2.6 initialize twice throws IllegalStateException and does not call the driver again")
    void s2_6_initializeTwice_illegalStateException() {
        ScriptedMiniport m = new ScriptedMiniport();
        int[] calls = new int[1];
        m.onInitialize = h -> {
            calls[0]++;
            h.setMiniportAttributes(MiniportAttributes.registration());
            return NdisStatus.SUCCESS;
        };
        AdapterRuntime a = fx.adapter(A, m);
        assertEquals(NdisStatus.SUCCESS, a.initialize());

        assertThrows(IllegalStateException.class, a::initialize);

        assertEquals(1, calls[0]);
        assertEquals(AdapterPhase.P2_OPERATIONAL, a.view().phase());
        assertEquals(PortState.ACTIVATED, a.view().port(0).state());
    }

    // ---------------------------------------------------------------- halt scheduled, P3, P4

    @ParameterizedTest
    @EnumSource(HaltAction.class)
    @DisplayName("D34 halt scheduled: every binding closed before MiniportHaltEx; P3 inside it; P4 after")
    void d34_haltScheduled_bindingsClosedBeforeMiniportHalt(HaltAction action) {
        ScriptedMiniport m = new ScriptedMiniport();
        List<String> order = new CopyOnWriteArrayList<>();
        List<AdapterView> inHalt = new ArrayList<>();
        sink.beforeUnavailable = (adapter, reason) -> order.add("unavailable " + reason);
        fx.context.sink(sink);
        m.onHalt = h -> {
            order.add("halt");
            order.addAll(sink.calls);
            inHalt.add(ScriptedMiniport.viewOf(h));
            ScriptedMiniport.wellBehavedHalt(h);
        };
        AdapterRuntime a = fx.initialized(A, m);
        assertEquals(List.of("ready A [0]"), sink.calls);

        a.halt(action);

        assertEquals(List.of("unavailable HALT_SCHEDULED", "halt", "ready A [0]", "unavailable A HALT_SCHEDULED"),
                order, "the unbind completed before MiniportHaltEx was called");
        assertEquals(List.of(action), m.halts);
        assertEquals(AdapterPhase.P3_HALTING, inHalt.get(0).phase());
        assertFalse(inHalt.get(0).haltScheduled(), "halt scheduled ends when MiniportHaltEx is called");
        assertEquals(AdapterPhase.P4_HALTED, a.view().phase());
        assertFalse(a.view().haltScheduled());
        assertEquals(List.of("ready A [0]", "unavailable A HALT_SCHEDULED"), sink.calls);
        assertEquals(List.of(), fx.verifier.violations());
    }

    @Test
    @DisplayName("D2 D34 allocation while a halt is scheduled: CLOSING, no record, no port")
    void d2_allocationWhileHaltScheduled_closingWithoutRecord() {
        ScriptedMiniport m = new ScriptedMiniport();
        List<AllocatePortResult> results = new ArrayList<>();
        List<AdapterView> atUnbind = new ArrayList<>();
        List<Integer> haltsAtUnbind = new ArrayList<>();
        sink.beforeUnavailable = (adapter, reason) -> {
            atUnbind.add(adapter.view());
            haltsAtUnbind.add(m.halts.size());
            PortCharacteristics chars = PortCharacteristics.forAllocation();
            results.add(m.handle.allocatePort(chars));
            atUnbind.add(adapter.view());
        };
        fx.context.sink(sink);
        AdapterRuntime a = fx.initialized(A, m);
        long before = fx.verifier.total();

        a.halt(HaltAction.DEVICE_DISABLED);

        assertEquals(1, results.size(), "adapterUnavailable was called once");
        assertEquals(NdisStatus.CLOSING, results.get(0).status());
        assertEquals(0, results.get(0).portNumber());
        assertEquals(List.of(0), haltsAtUnbind, "MiniportHaltEx not yet called");
        assertTrue(atUnbind.get(0).haltScheduled());
        assertEquals(AdapterPhase.P2_OPERATIONAL, atUnbind.get(0).phase());
        assertEquals(List.of(0), atUnbind.get(1).ports().stream().map(PortView::portNumber).toList());
        assertEquals(before, fx.verifier.total(), "CLOSING while halt scheduled records nothing (D2)");
        assertEquals(List.of(), fx.verifier.violations());
    }

    @Test
    @DisplayName("D34 port events raised inside MiniportHaltEx reach no protocol")
    void d34_portEventsInsideHalt_reachNoProtocol() {
        fx.context.sink(sink);
        ScriptedMiniport m = new ScriptedMiniport();
        m.onInitialize = initWithPorts(false, 2, 1, 2);
        AdapterRuntime a = fx.initialized(A, m);
        assertEquals(List.of("ready A [0,1,2]"), sink.calls);

        a.halt(HaltAction.DEVICE_DISABLED);

        assertEquals(List.of("ready A [0,1,2]", "unavailable A HALT_SCHEDULED"), sink.calls);
        assertTrue(sink.portEvents.isEmpty());
        assertEquals(List.of(), fx.verifier.violations());
        assertTrue(a.view().ports().isEmpty());
    }

    @Test
    @DisplayName("R40 halt of a well-behaved driver records nothing and leaves no port")
    void r40_wellBehavedHalt_recordsNothing() {
        ScriptedMiniport m = new ScriptedMiniport();
        m.onInitialize = initWithPorts(false, 3, 1, 3);
        AdapterRuntime a = fx.initialized(A, m);

        a.halt(HaltAction.DEVICE_DISABLED);

        assertEquals(List.of(), fx.verifier.violations());
        assertEquals(0, fx.verifier.total());
        assertEquals(AdapterPhase.P4_HALTED, a.view().phase());
        assertTrue(a.view().ports().isEmpty());
    }

    @Test
    @DisplayName("R40 D34 halt leaves ports 1 and 2: two findings, reclaimed, no port event while reclaiming")
    void r40_haltLeavesPorts_reportedAndReclaimed() {
        fx.context.sink(sink);
        ScriptedMiniport m = new ScriptedMiniport();
        m.onInitialize = initWithPorts(false, 2, 1);
        m.onHalt = h -> { };
        AdapterRuntime a = fx.initialized(A, m);
        assertEquals(PortState.ACTIVATED, a.view().port(1).state());
        assertEquals(PortState.ALLOCATED, a.view().port(2).state());

        a.halt(HaltAction.DEVICE_DISABLED);

        assertRecords(List.of("R40 VIOLATION A 1", "R40 VIOLATION A 2"));
        assertEquals(AdapterPhase.P4_HALTED, a.view().phase());
        assertTrue(a.view().ports().isEmpty());
        assertEquals(List.of("ready A [0,1]", "unavailable A HALT_SCHEDULED"), sink.calls);
        assertTrue(sink.portEvents.isEmpty());
    }

    @Test
    @DisplayName("R40 D21 leftovers after halt in FAIL_FAST: recorded, no exception, reclaimed")
    void r40_haltLeavesPortsFailFast_findingsDoNotThrow() {
        EngineFixture ff = new EngineFixture(VerifierMode.FAIL_FAST);
        ScriptedMiniport m = new ScriptedMiniport();
        m.onInitialize = initWithPorts(false, 2, 2);
        m.onHalt = h -> { };
        AdapterRuntime a = ff.initialized(A, m);

        assertDoesNotThrow(() -> a.halt(HaltAction.DEVICE_DISABLED));

        assertEquals(List.of("R40 VIOLATION A 1", "R40 VIOLATION A 2"), describe(ff.verifier.violations()));
        assertTrue(a.view().ports().isEmpty());
    }

    @Test
    @DisplayName("R41 R40 controlled port 0 still ACTIVATED when halt returns: R41 for port 0, R40 per port")
    void r41_controlledPort0LeftActivated_violation() {
        fx.context.sink(sink);
        ScriptedMiniport m = new ScriptedMiniport();
        m.onInitialize = initWithPorts(true, 2, 0);
        m.onHalt = h -> { };
        AdapterRuntime a = fx.initialized(A, m);
        assertEquals(PortState.ACTIVATED, a.view().port(0).state());
        assertEquals(List.of("ready A [0]"), sink.calls);

        a.halt(HaltAction.DEVICE_DISABLED);

        assertEquals(sorted(List.of("R41 VIOLATION A 0", "R40 VIOLATION A 1", "R40 VIOLATION A 2")),
                sorted(describe(fx.verifier.violations())));
        assertBundles();
        assertTrue(a.view().ports().isEmpty(), "port 0 freed after reporting (R42)");
        assertEquals(List.of("ready A [0]", "unavailable A HALT_SCHEDULED"), sink.calls);
    }

    @Test
    @DisplayName("R41 controlling miniport that deactivates port 0 in halt: nothing recorded")
    void r41_controlledPort0Deactivated_noRecord() {
        ScriptedMiniport m = new ScriptedMiniport();
        m.onInitialize = initWithPorts(true, 1, 0, 1);
        AdapterRuntime a = fx.initialized(A, m);

        a.halt(HaltAction.DEVICE_DISABLED);

        assertEquals(List.of(), fx.verifier.violations());
        assertTrue(a.view().ports().isEmpty());
    }

    @Test
    @DisplayName("R41 runtime-controlled port 0 still active at halt return: no R41")
    void r41_runtimeControlledPort0Active_noRecord() {
        ScriptedMiniport m = new ScriptedMiniport();
        m.onHalt = h -> { };
        AdapterRuntime a = fx.initialized(A, m);

        a.halt(HaltAction.DEVICE_DISABLED);

        assertEquals(List.of(), fx.verifier.violations());
        assertTrue(a.view().ports().isEmpty());
    }

    @Test
    @DisplayName("R41 controlling miniport that never activated port 0: no R41, no unbind, port 0 freed")
    void r41_controlledPort0NeverActivated_noRecord() {
        fx.context.sink(sink);
        ScriptedMiniport m = ScriptedMiniport.controllingDefaultPort();
        m.onHalt = h -> { };
        AdapterRuntime a = fx.initialized(A, m);

        a.halt(HaltAction.DEVICE_DISABLED);

        assertEquals(List.of(), fx.verifier.violations());
        assertEquals(List.of(), sink.calls, "never bound, so nothing to unbind");
        assertTrue(a.view().ports().isEmpty());
    }

    @Test
    @DisplayName("R42 the runtime frees port 0 after MiniportHaltEx returns, not before")
    void r42_port0FreedAfterHaltReturns() {
        RecordingEvents events = new RecordingEvents();
        fx.context.events(events);
        ScriptedMiniport m = new ScriptedMiniport();
        List<PortView> port0InHalt = new ArrayList<>();
        m.onHalt = h -> {
            ScriptedMiniport.wellBehavedHalt(h);
            port0InHalt.add(ScriptedMiniport.viewOf(h).port(0));
        };
        AdapterRuntime a = fx.initialized(A, m);

        a.halt(HaltAction.DEVICE_DISABLED);

        assertNotNull(port0InHalt.get(0));
        assertEquals(PortState.ACTIVATED, port0InHalt.get(0).state());
        assertNull(a.view().port(0));
        int p4 = events.lines.indexOf("phase A P4_HALTED");
        int freed = events.lines.indexOf("port A 0 NONEXISTENT");
        assertTrue(p4 >= 0 && freed > p4, events.lines.toString());
        assertEquals(List.of(), fx.verifier.violations());
    }

    @Test
    @DisplayName("§2.6 halt twice: the second is a no-op (driver not called, nothing recorded)")
    void s2_6_haltTwice_noOp() {
        fx.context.sink(sink);
        ScriptedMiniport m = new ScriptedMiniport();
        m.onInitialize = initWithPorts(false, 1);
        m.onHalt = h -> { };
        AdapterRuntime a = fx.initialized(A, m);
        a.halt(HaltAction.DEVICE_DISABLED);
        List<String> after = describe(fx.verifier.violations());

        a.halt(HaltAction.DEVICE_FAILED);

        assertEquals(List.of(HaltAction.DEVICE_DISABLED), m.halts);
        assertEquals(List.of("R40 VIOLATION A 1"), after);
        assertEquals(after, describe(fx.verifier.violations()));
        assertEquals(List.of("ready A [0]", "unavailable A HALT_SCHEDULED"), sink.calls);
        assertEquals(AdapterPhase.P4_HALTED, a.view().phase());
    }

    @Test
    @DisplayName("§2.6 halt after a failed initialize: no-op, MiniportHaltEx not called")
    void s2_6_haltAfterFailedInitialize_noOp() {
        ScriptedMiniport m = new ScriptedMiniport();
        m.onInitialize = h -> {
            h.setMiniportAttributes(MiniportAttributes.registration());
            return NdisStatus.FAILURE;
        };
        AdapterRuntime a = fx.adapter(A, m);
        assertEquals(NdisStatus.FAILURE, a.initialize());

        a.halt(HaltAction.DEVICE_INITIALIZATION_FAILED);

        assertEquals(List.of(), m.halts);
        assertEquals(List.of(), fx.verifier.violations());
        assertEquals(AdapterPhase.P4_HALTED, a.view().phase());
    }

    // ---------------------------------------------------------------- events

    @Test
    @DisplayName("§1.1 §2.6 AdapterPhase events P0..P4 and port state events over a whole lifecycle")
    void s1_1_phaseAndPortStateEvents_wholeLifecycle() {
        RecordingEvents events = new RecordingEvents();
        fx.context.events(events);
        ScriptedMiniport m = new ScriptedMiniport();
        m.onInitialize = initWithPorts(false, 1, 1);
        AdapterRuntime a = fx.initialized(A, m);
        a.halt(HaltAction.DEVICE_DISABLED);

        assertEquals(List.of("phase A P0_INIT_PRE_REG", "phase A P1_INIT_POST_REG", "phase A P2_OPERATIONAL",
                "phase A P3_HALTING", "phase A P4_HALTED"), events.phases());
        assertEquals(List.of("port A 0 ACTIVATED", "port A 0 NONEXISTENT"), events.port(0));
        assertEquals(List.of("port A 1 ALLOCATED", "port A 1 ACTIVATING", "port A 1 ACTIVATED",
                "port A 1 DEACTIVATING", "port A 1 ALLOCATED", "port A 1 NONEXISTENT"), events.port(1));
        List<String> l = events.lines;
        assertTrue(l.indexOf("phase A P0_INIT_PRE_REG") < l.indexOf("port A 0 ACTIVATED"));
        assertTrue(l.indexOf("port A 0 ACTIVATED") < l.indexOf("port A 1 ALLOCATED"));
        assertTrue(l.indexOf("phase A P1_INIT_POST_REG") < l.indexOf("port A 1 ALLOCATED"));
        assertTrue(l.indexOf("port A 1 ACTIVATED") < l.indexOf("phase A P2_OPERATIONAL"));
        assertTrue(l.indexOf("phase A P3_HALTING") < l.indexOf("port A 1 DEACTIVATING"));
        assertTrue(l.indexOf("port A 1 NONEXISTENT") < l.indexOf("phase A P4_HALTED"));
        assertTrue(l.indexOf("phase A P4_HALTED") < l.indexOf("port A 0 NONEXISTENT"));
    }

    @Test
    @DisplayName("§2.6 controlled port 0 state events: ALLOCATED at registration, ACTIVATED by the miniport")
    void s2_6_controlledPort0Events() {
        RecordingEvents events = new RecordingEvents();
        fx.context.events(events);
        ScriptedMiniport m = ScriptedMiniport.controllingDefaultPort();
        AdapterRuntime a = fx.initialized(A, m);
        assertEquals(NdisStatus.SUCCESS, m.handle.netPnPEvent(NetPnPEventNotification.portActivation(0)));
        a.halt(HaltAction.DEVICE_DISABLED);

        assertEquals(List.of("port A 0 ALLOCATED", "port A 0 ACTIVATING", "port A 0 ACTIVATED",
                "port A 0 DEACTIVATING", "port A 0 ALLOCATED", "port A 0 NONEXISTENT"), events.port(0));
        assertEquals(List.of(), fx.verifier.violations());
    }

    // ---------------------------------------------------------------- R43

    @Test
    @DisplayName("R43 a freed port cannot be reactivated; its number names a new ALLOCATED port")
    void r43_freedNumberReused_newPortStartsAllocated() {
        fx.context.sink(sink);
        ScriptedMiniport m = new ScriptedMiniport();
        AdapterRuntime a = fx.initialized(A, m);
        NdisMiniportHandle h = m.handle;
        assertEquals(1, h.allocatePort(PortCharacteristics.forAllocation()).portNumber());
        assertEquals(2, h.allocatePort(PortCharacteristics.forAllocation()).portNumber());
        assertEquals(NdisStatus.SUCCESS, h.netPnPEvent(NetPnPEventNotification.portActivation(1)));
        assertEquals(NdisStatus.SUCCESS, h.netPnPEvent(NetPnPEventNotification.portDeactivation(1)));
        assertEquals(NdisStatus.SUCCESS, h.freePort(1));
        assertNull(a.view().port(1));

        assertEquals(NdisStatus.INVALID_PORT, h.netPnPEvent(NetPnPEventNotification.portActivation(1)),
                "a freed port cannot be reactivated");
        PortCharacteristics chars = PortCharacteristics.forAllocation();
        AllocatePortResult again = h.allocatePort(chars);

        assertEquals(NdisStatus.SUCCESS, again.status());
        assertEquals(1, again.portNumber());
        assertEquals(1, chars.portNumber());
        PortView p1 = a.view().port(1);
        assertEquals(PortState.ALLOCATED, p1.state());
        assertFalse(p1.lastActivationFailed(), "the new port carries nothing of the freed one");
        assertEquals(List.of("ready A [0]", "activate A [1]", "deactivate A [1]"), sink.calls,
                "no event for allocation or free");
        assertEquals(List.of(), fx.verifier.violations());
    }

    // ---------------------------------------------------------------- helpers

    private AdapterRuntime withDefaults(ScriptedMiniport m, AuthStates defaults) {
        return new AdapterRuntime(new AdapterSpec(A, m, "ScriptedMiniport", EngineFixture.BUNDLE, defaults,
                List.of(), -1, false), fx.context);
    }

    /** Initialize that sets attributes, allocates 3 ports, activates 1 and 2, and fails. */
    private static java.util.function.Function<NdisMiniportHandle, NdisStatus> failingInitLeaving3Ports() {
        return h -> {
            h.setMiniportAttributes(MiniportAttributes.registration());
            for (int i = 0; i < 3; i++) {
                h.allocatePort(PortCharacteristics.forAllocation());
            }
            assertEquals(NdisStatus.SUCCESS, h.netPnPEvent(NetPnPEventNotification.portActivation(1, 2)));
            return NdisStatus.FAILURE;
        };
    }

    /**
     * Initialize that sets attributes (controlling port 0 or not), allocates {@code count} ports and
     * activates each of {@code active} alone (0 means port 0), then succeeds.
     */
    private static java.util.function.Function<NdisMiniportHandle, NdisStatus> initWithPorts(boolean controls,
            int count, int... active) {
        return h -> {
            h.setMiniportAttributes(controls ? MiniportAttributes.registrationControllingDefaultPort()
                    : MiniportAttributes.registration());
            for (int i = 1; i <= count; i++) {
                assertEquals(i, h.allocatePort(PortCharacteristics.forAllocation()).portNumber());
            }
            for (int n : active) {
                assertEquals(NdisStatus.SUCCESS, h.netPnPEvent(NetPnPEventNotification.portActivation(n)));
            }
            return NdisStatus.SUCCESS;
        };
    }

    private void assertRecords(List<String> expected) {
        assertEquals(expected, describe(fx.verifier.violations()));
        assertBundles();
    }

    private void assertBundles() {
        for (Violation v : fx.verifier.violations()) {
            assertEquals(EngineFixture.BUNDLE, v.bundle(), v.toString());
            assertEquals(Severity.VIOLATION, v.severity(), v.toString());
        }
    }

    /** "ruleId SEVERITY adapter port" per record, in order; the bundle is checked separately. */
    private static List<String> describe(List<Violation> records) {
        return records.stream().map(v -> {
            assertEquals(EngineFixture.BUNDLE, v.bundle(), v.toString());
            return v.ruleId() + " " + v.severity() + " " + v.adapter() + " " + v.port();
        }).toList();
    }

    private static List<String> sorted(List<String> l) {
        String[] a = l.toArray(String[]::new);
        Arrays.sort(a);
        return List.of(a);
    }

    /** Records phase and port state events as "phase A P2_OPERATIONAL" and "port A 1 ACTIVATED". */
    static final class RecordingEvents implements RuntimeEvents {
        final List<String> lines = new CopyOnWriteArrayList<>();

        @Override
        public void phaseChanged(String adapter, AdapterPhase phase) {
            lines.add("phase " + adapter + " " + phase);
        }

        @Override
        public void portStateChanged(String adapter, int port, PortState state) {
            lines.add("port " + adapter + " " + port + " " + state);
        }

        List<String> phases() {
            return lines.stream().filter(s -> s.startsWith("phase ")).toList();
        }

        List<String> ports() {
            return lines.stream().filter(s -> s.startsWith("port ")).toList();
        }

        List<String> port(int n) {
            return lines.stream().filter(s -> s.startsWith("port ") && s.split(" ")[2].equals(String.valueOf(n)))
                    .toList();
        }
    }
}
