package org.ndisport.binding.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ndisport.binding.internal.BindingFixture.activate;
import static org.ndisport.binding.internal.BindingFixture.allocate;
import static org.ndisport.binding.internal.BindingFixture.deactivate;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.miniport.HaltAction;
import org.ndisport.api.miniport.NdisMiniportHandle;
import org.ndisport.api.pnp.NetPnPEventNotification;
import org.ndisport.api.data.StatusCodes;
import org.ndisport.api.data.StatusIndication;
import org.ndisport.api.port.AuthStates;
import org.ndisport.api.port.LinkState;
import org.ndisport.api.port.MediaConnectState;
import org.ndisport.api.port.NdisPortState;
import org.ndisport.api.port.NetIfDirection;
import org.ndisport.api.port.PortAuthorizationState;
import org.ndisport.api.port.PortControlState;
import org.ndisport.api.port.NdisPort;
import org.ndisport.api.port.PortCharacteristics;
import org.ndisport.api.runtime.PortState;
import org.ndisport.api.runtime.Severity;
import org.ndisport.api.runtime.Violation;
import org.ndisport.core.adapter.internal.AdapterRuntime;
import org.ndisport.core.adapter.internal.ScriptedMiniport;

/** Binding and unbinding (R22, R34, O-1, O-2, D15-D17, D34). */
class BindingTest {
    private final BindingFixture fx = new BindingFixture();

    @Test
    @DisplayName("O-2 D17 a registered protocol is bound when port 0 becomes active, with ActivePorts [0]")
    void o2_boundWhenReady() {
        fx.protocol("p1");
        fx.adapter("A");
        assertEquals(List.of("p1 bind A [0]"), fx.log);
        assertTrue(fx.records().isEmpty(), fx.records().toString());
    }

    @Test
    @DisplayName("D17 a protocol registered later is bound at once with every active port, ascending")
    void d17_lateProtocolGetsCurrentActivePorts() {
        NdisMiniportHandle h = fx.adapter("A").handle;
        int p1 = allocate(h);
        int p2 = allocate(h);
        int p3 = allocate(h);
        activate(h, p3);
        activate(h, p1);
        RecordingProtocol late = fx.protocol("late");
        assertEquals(List.of("late bind A [0, 1, 3]"), fx.log);
        assertEquals(2, p2);
        NdisPort chain = late.lastBind.activePorts();
        assertEquals(0, chain.portCharacteristics().portNumber());
        assertEquals(PortCharacteristics.SIZEOF_REVISION_1, chain.next().portCharacteristics().header().size());
    }

    @Test
    @DisplayName("D17 D20 ActivePorts carry the cached state: effective auth states and the latest NDIS_STATUS_PORT_STATE")
    void d20_activePortsFromCache() {
        NdisMiniportHandle h = fx.adapter("A").handle;
        int n = allocate(h);
        AuthStates passed = new AuthStates(PortControlState.CONTROLLED, PortControlState.CONTROLLED,
                PortAuthorizationState.AUTHORIZED, PortAuthorizationState.AUTHORIZED);
        assertEquals(NdisStatus.SUCCESS, h.netPnPEvent(NetPnPEventNotification.portActivation(
                PortCharacteristics.forPort(n).authStates(passed))));
        RecordingProtocol before = fx.protocol("before");
        assertEquals(AuthStates.UNCONTROLLED_UNKNOWN, before.lastBind.activePorts().next().portCharacteristics().authStates(),
                "USE_DEFAULT_AUTH_SETTINGS: the adapter's defaults, not the passed states");
        LinkState up = new LinkState(MediaConnectState.CONNECTED, 10_000_000L, 10_000_000L, NetIfDirection.SEND_RECEIVE);
        h.indicateStatus(new StatusIndication(n, StatusCodes.NDIS_STATUS_PORT_STATE, NdisPortState.of(up, passed),
                NdisPortState.SIZE));
        RecordingProtocol after = fx.protocol("after");
        PortCharacteristics c = after.lastBind.activePorts().next().portCharacteristics();
        assertEquals(n, c.portNumber());
        assertEquals(up, c.linkState());
        assertEquals(passed, c.authStates());
    }

    @Test
    @DisplayName("R22 O-1 with CONTROLS_DEFAULT_PORT nothing is bound until the miniport activates port 0")
    void r22_noBindUntilPort0Activated() {
        fx.protocol("p1");
        ScriptedMiniport m = ScriptedMiniport.controllingDefaultPort();
        fx.adapter("A", m).initialize();
        int n = allocate(m.handle);
        activate(m.handle, n);
        assertEquals(List.of(), fx.log, "no bind and no port event while port 0 is inactive");
        activate(m.handle, 0);
        assertEquals(List.of("p1 bind A [0, 1]"), fx.log, "ports activated earlier come through ActivePorts (O-1)");
    }

    @Test
    @DisplayName("R34 D15 deactivating port 0 unbinds every binding before the miniport's call returns")
    void r34_port0DeactivationUnbindsInsideTheCall() {
        fx.protocol("p1");
        fx.protocol("p2");
        ScriptedMiniport m = ScriptedMiniport.controllingDefaultPort();
        fx.adapter("A", m).initialize();
        activate(m.handle, 0);
        int n = allocate(m.handle);
        activate(m.handle, n);
        int before = fx.log.size();
        NdisStatus s = m.handle.netPnPEvent(NetPnPEventNotification.portDeactivation(0));
        assertEquals(NdisStatus.SUCCESS, s);
        assertEquals(List.of("p1 unbind A", "p2 unbind A"), fx.logFrom(before), "no port event for port 0, only unbinds");
        assertEquals(PortState.ALLOCATED, ScriptedMiniport.viewOf(m.handle).port(0).state());
        assertEquals(PortState.ACTIVATED, ScriptedMiniport.viewOf(m.handle).port(n).state(), "other ports unchanged");
        assertTrue(fx.records().isEmpty(), fx.records().toString());
    }

    @Test
    @DisplayName("D16 reactivating port 0 binds every protocol again with the current ActivePorts")
    void d16_rebindAfterPort0Reactivated() {
        fx.protocol("p1");
        NdisMiniportHandle h = fx.adapter("A").handle;
        int n = allocate(h);
        activate(h, n);
        deactivate(h, 0);
        activate(h, 0);
        assertEquals(List.of("p1 bind A [0]", "p1 activate A [1]", "p1 unbind A", "p1 bind A [0, 1]"), fx.log);
    }

    @Test
    @DisplayName("D34 a halt unbinds before MiniportHaltEx, so events raised inside halt reach no protocol")
    void d34_haltUnbindsFirst() {
        RecordingProtocol p = fx.protocol("p1");
        ScriptedMiniport m = new ScriptedMiniport();
        AdapterRuntime a = fx.adapter("A", m);
        a.initialize();
        activate(m.handle, allocate(m.handle));
        List<String> atHalt = new ArrayList<>();
        m.onHalt = h -> {
            atHalt.addAll(fx.log);
            ScriptedMiniport.wellBehavedHalt(h);
        };
        a.halt(HaltAction.DEVICE_DISABLED);
        assertEquals("p1 unbind A", atHalt.get(atHalt.size() - 1), "unbound before MiniportHaltEx was called");
        assertEquals(atHalt, fx.log, "the deactivation inside halt reached no protocol");
        assertTrue(p.handles.isEmpty());
    }

    @Test
    @DisplayName("a protocol leaving closes its own bindings and nothing else")
    void protocolLeavingClosesOnlyItsBindings() {
        RecordingProtocol p1 = fx.protocol("p1");
        fx.protocol("p2");
        NdisMiniportHandle a = fx.adapter("A").handle;
        fx.adapter("B");
        int n = allocate(a);
        activate(a, n);
        int before = fx.log.size();
        fx.layer.unregister(p1.entry);
        assertEquals(List.of("p1 unbind A", "p1 unbind B"), fx.logFrom(before));
        assertEquals(PortState.ACTIVATED, ScriptedMiniport.viewOf(a).port(n).state(), "the adapter is untouched");
        deactivate(a, n);
        assertEquals(List.of("p2 deactivate A [1]"), fx.logFrom(before + 2), "p2 still bound and hearing events");
        assertTrue(fx.records().isEmpty(), fx.records().toString());
    }

    @Test
    @DisplayName("a protocol that declines the bind is not bound and hears nothing")
    void declinedBindIsNotBound() {
        RecordingProtocol p = fx.protocol("p1");
        p.bindAnswer = NdisStatus.FAILURE;
        NdisMiniportHandle h = fx.adapter("A").handle;
        activate(h, allocate(h));
        assertEquals(List.of("p1 bind A [0]"), fx.log);
        assertTrue(fx.records().isEmpty(), fx.records().toString());
    }

    @Test
    @DisplayName("N17 bindAdapter returning PENDING is a warning and the protocol is not bound")
    void n17_pendingBind() {
        RecordingProtocol p = fx.protocol("p1");
        p.bindAnswer = NdisStatus.PENDING;
        fx.adapter("A");
        fx.assertOnlyRecord("N17", Severity.WARNING, "A", Violation.NO_PORT, "p1");
    }

    @Test
    @DisplayName("N1 bindAdapter that throws is recorded with the protocol's bundle; other protocols still bind")
    void n1_throwingBind() {
        fx.protocol("bad").throwIn = "bind";
        fx.protocol("good");
        fx.adapter("A");
        assertEquals(List.of("bad bind A [0]", "good bind A [0]"), fx.log);
        fx.assertOnlyRecord("N1", Severity.VIOLATION, "A", Violation.NO_PORT, "bad");
    }

    @Test
    @DisplayName("binding layer replaced: the old one unbinds every protocol, the new one binds them with the current ActivePorts")
    void hotSwapOfTheBindingLayer() {
        RecordingProtocol p = fx.protocol("p1");
        ScriptedMiniport m = new ScriptedMiniport();
        AdapterRuntime a = fx.adapter("A", m);
        a.initialize();
        int n = allocate(m.handle);
        activate(m.handle, n);
        a.sinkLeaving(fx.layer);
        fx.engine.context.sink(null);
        int other = allocate(m.handle);
        activate(m.handle, other);
        BindingLayer next = new BindingLayer(BindingFixture.config(1_000));
        next.register(p, "p1", BindingFixture.bundleOf("p1"), 0);
        fx.engine.context.sink(next);
        a.sinkAdded();
        assertEquals(List.of("p1 bind A [0]", "p1 activate A [1]", "p1 unbind A", "p1 bind A [0, 1, 2]"), fx.log);
        assertEquals(PortState.ACTIVATED, a.view().port(n).state(), "ports untouched by the swap");
        assertTrue(fx.records().isEmpty(), fx.records().toString());
    }

    @Test
    @DisplayName("deactivating the layer closes the bindings it still has")
    void deactivateClosesBindings() {
        fx.protocol("p1");
        ScriptedMiniport m = fx.adapter("A");
        fx.layer.deactivate();
        assertEquals(List.of("p1 bind A [0]", "p1 unbind A"), fx.log);
        assertEquals(PortState.ACTIVATED, ScriptedMiniport.viewOf(m.handle).port(0).state(), "the adapter is untouched");
    }
}
