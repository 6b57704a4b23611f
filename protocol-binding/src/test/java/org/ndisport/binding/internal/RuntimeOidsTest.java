package org.ndisport.binding.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ndisport.binding.internal.BindingFixture.activate;
import static org.ndisport.binding.internal.BindingFixture.allocate;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ndisport.api.NdisObjectHeader;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.data.OidRequest;
import org.ndisport.api.data.Oids;
import org.ndisport.api.data.StatusCodes;
import org.ndisport.api.data.StatusIndication;
import org.ndisport.api.port.AuthStates;
import org.ndisport.api.port.LinkState;
import org.ndisport.api.port.MediaConnectState;
import org.ndisport.api.port.NdisPortArray;
import org.ndisport.api.port.NdisPortState;
import org.ndisport.api.port.NetIfDirection;
import org.ndisport.api.port.PortAuthenticationParameters;
import org.ndisport.api.port.PortAuthorizationState;
import org.ndisport.api.port.PortCharacteristics;
import org.ndisport.api.port.PortControlState;
import org.ndisport.api.port.PortType;
import org.ndisport.api.protocol.ProtocolBindingHandle;
import org.ndisport.api.runtime.Severity;
import org.ndisport.core.adapter.internal.ScriptedMiniport;

/** OIDs answered by the runtime and OIDs passed to the miniport (R49-R52, D17-D20, D23). */
class RuntimeOidsTest {
    private final BindingFixture fx = new BindingFixture();

    private static List<Integer> numbers(NdisPortArray array) {
        List<Integer> out = new ArrayList<>();
        for (PortCharacteristics c : array.ports()) {
            out.add(c.portNumber());
        }
        return out;
    }

    @Test
    @DisplayName("R52 D23 D17 OID_GEN_ENUMERATE_PORTS lists the open ports ascending, port 0 included, without the miniport")
    void d23_enumeratePorts() {
        RecordingProtocol p = fx.protocol("p1");
        ScriptedMiniport m = fx.adapter("A");
        int a = m.handle.allocatePort(PortCharacteristics.forAllocation(PortType.RAS_CONNECTION)).portNumber();
        int b = allocate(m.handle);
        int c = allocate(m.handle);
        activate(m.handle, c);
        activate(m.handle, a);
        OidRequest q = OidRequest.query(Oids.OID_GEN_ENUMERATE_PORTS, 99, 1024);
        assertEquals(NdisStatus.SUCCESS, p.handle("A").oidRequest(q));
        NdisPortArray array = (NdisPortArray) q.informationBuffer();
        assertEquals(List.of(0, a, c), numbers(array), "port " + b + " is only ALLOCATED");
        assertEquals(3, array.numberOfPorts());
        assertEquals(NdisPortArray.OFFSET_FIRST_PORT, array.offsetFirstPort());
        assertEquals(PortCharacteristics.SIZE, array.elementSize());
        assertEquals(16 + 64 * 3, q.bytesWritten());
        PortCharacteristics ras = array.ports().get(1);
        assertEquals(PortType.RAS_CONNECTION.value(), ras.type());
        assertEquals(NdisObjectHeader.TYPE_DEFAULT, ras.header().type());
        assertEquals(PortCharacteristics.SIZEOF_REVISION_1, ras.header().size());
        assertEquals(0, array.ports().get(0).type());
        assertEquals(List.of(), m.oids, "never reached the miniport");
        assertTrue(fx.records().isEmpty(), fx.records().toString());
    }

    @Test
    @DisplayName("D18 OID_GEN_ENUMERATE_PORTS with too short a buffer: BUFFER_TOO_SHORT and BytesNeeded")
    void d18_enumerateShortBuffer() {
        RecordingProtocol p = fx.protocol("p1");
        ScriptedMiniport m = fx.adapter("A");
        activate(m.handle, allocate(m.handle));
        OidRequest q = OidRequest.query(Oids.OID_GEN_ENUMERATE_PORTS, 0, 16 + 64 * 2 - 1);
        assertEquals(NdisStatus.BUFFER_TOO_SHORT, p.handle("A").oidRequest(q));
        assertEquals(16 + 64 * 2, q.bytesNeeded());
        assertEquals(null, q.informationBuffer());
    }

    @Test
    @DisplayName("§6.1 §6.2 set requests of the runtime-answered OIDs get NOT_SUPPORTED")
    void setOfRuntimeOidsNotSupported() {
        RecordingProtocol p = fx.protocol("p1");
        ScriptedMiniport m = fx.adapter("A");
        ProtocolBindingHandle h = p.handle("A");
        assertEquals(NdisStatus.NOT_SUPPORTED, h.oidRequest(OidRequest.set(Oids.OID_GEN_ENUMERATE_PORTS, 0, null, 0)));
        assertEquals(NdisStatus.NOT_SUPPORTED, h.oidRequest(OidRequest.set(Oids.OID_GEN_PORT_STATE, 0, null, 48)));
        assertEquals(List.of(), m.oids);
    }

    @Test
    @DisplayName("§1.2 D32 during activation the new port is enumerated for a binding that has the event, not for one that has not")
    void enumerateDuringActivation() {
        RecordingProtocol p1 = fx.protocol("p1");
        RecordingProtocol p2 = fx.protocol("p2");
        ScriptedMiniport m = fx.adapter("A");
        int n = allocate(m.handle);
        List<List<Integer>> seen = new ArrayList<>();
        p1.onPortEvent = (b, e) -> {
            for (ProtocolBindingHandle h : List.of(b, p2.handle("A"))) {
                OidRequest q = OidRequest.query(Oids.OID_GEN_ENUMERATE_PORTS, 0, 1024);
                h.oidRequest(q);
                seen.add(numbers((NdisPortArray) q.informationBuffer()));
            }
            return NdisStatus.SUCCESS;
        };
        activate(m.handle, n);
        assertEquals(List.of(List.of(0, n), List.of(0)), seen);
    }

    @Test
    @DisplayName("§6.2 D20 OID_GEN_PORT_STATE answers from the cache, which NDIS_STATUS_PORT_STATE updates")
    void d20_portStateFromCache() {
        RecordingProtocol p = fx.protocol("p1");
        ScriptedMiniport m = fx.adapter("A");
        int n = allocate(m.handle);
        activate(m.handle, n);
        OidRequest q = OidRequest.query(Oids.OID_GEN_PORT_STATE, n, 48);
        assertEquals(NdisStatus.SUCCESS, p.handle("A").oidRequest(q));
        NdisPortState state = (NdisPortState) q.informationBuffer();
        assertEquals(LinkState.UNKNOWN, state.linkState());
        assertEquals(48, q.bytesWritten());
        assertEquals(48, state.header().size());
        assertEquals(0, state.flags());
        LinkState up = new LinkState(MediaConnectState.CONNECTED, 100_000_000L, 100_000_000L, NetIfDirection.SEND_RECEIVE);
        AuthStates auth = new AuthStates(PortControlState.CONTROLLED, PortControlState.CONTROLLED,
                PortAuthorizationState.AUTHORIZED, PortAuthorizationState.UNAUTHORIZED);
        m.handle.indicateStatus(new StatusIndication(n, StatusCodes.NDIS_STATUS_PORT_STATE, NdisPortState.of(up, auth), 48));
        OidRequest again = OidRequest.query(Oids.OID_GEN_PORT_STATE, n, 48);
        p.handle("A").oidRequest(again);
        assertEquals(NdisPortState.of(up, auth), again.informationBuffer());
        assertEquals(List.of(), m.oids);
    }

    @Test
    @DisplayName("D19 R46 OID_GEN_PORT_STATE for an inactive or unknown port: INVALID_PORT and the record of §2.5")
    void d19_portStateOfInactivePort() {
        RecordingProtocol p = fx.protocol("p1");
        ScriptedMiniport m = fx.adapter("A");
        int n = allocate(m.handle);
        assertEquals(NdisStatus.INVALID_PORT, p.handle("A").oidRequest(OidRequest.query(Oids.OID_GEN_PORT_STATE, n, 48)));
        fx.assertOnlyRecord("R46", Severity.VIOLATION, "A", n, "p1");
        fx.engine.verifier.clear();
        assertEquals(NdisStatus.INVALID_PORT, p.handle("A").oidRequest(OidRequest.query(Oids.OID_GEN_PORT_STATE, 5000, 48)));
        fx.assertOnlyRecord("R46", Severity.VIOLATION, "A", 5000, "p1");
    }

    @Test
    @DisplayName("D18 OID_GEN_PORT_STATE with a buffer under 48 bytes: BUFFER_TOO_SHORT, BytesNeeded 48")
    void d18_portStateShortBuffer() {
        RecordingProtocol p = fx.protocol("p1");
        fx.adapter("A");
        OidRequest q = OidRequest.query(Oids.OID_GEN_PORT_STATE, 0, 47);
        assertEquals(NdisStatus.BUFFER_TOO_SHORT, p.handle("A").oidRequest(q));
        assertEquals(48, q.bytesNeeded());
    }

    @Test
    @DisplayName("§6.3 D20 OID_GEN_PORT_AUTHENTICATION_PARAMETERS goes to the miniport; the cache waits for its indication")
    void d20_authParametersForwarded() {
        RecordingProtocol p = fx.protocol("p1");
        ScriptedMiniport m = fx.adapter("A");
        int n = allocate(m.handle);
        activate(m.handle, n);
        AuthStates wanted = new AuthStates(PortControlState.CONTROLLED, PortControlState.CONTROLLED,
                PortAuthorizationState.AUTHORIZED, PortAuthorizationState.AUTHORIZED);
        OidRequest set = OidRequest.set(Oids.OID_GEN_PORT_AUTHENTICATION_PARAMETERS, n,
                PortAuthenticationParameters.of(wanted), PortAuthenticationParameters.SIZE);
        assertEquals(NdisStatus.SUCCESS, p.handle("A").oidRequest(set));
        assertEquals(1, m.oids.size());
        assertSame(set, m.oids.get(0));
        assertEquals(n, m.oids.get(0).portNumber(), "R77 PortNumber unchanged");
        assertEquals(AuthStates.UNCONTROLLED_UNKNOWN, ScriptedMiniport.viewOf(m.handle).port(n).authStates());
    }

    @Test
    @DisplayName("R49 a pended OID completes back to the protocol that issued it")
    void r49_pendedOidCompletesToIssuer() {
        RecordingProtocol p1 = fx.protocol("p1");
        fx.protocol("p2");
        ScriptedMiniport m = fx.adapter("A");
        m.onOid = r -> NdisStatus.PENDING;
        OidRequest q = OidRequest.query(0x00010202, 0, 4);
        assertEquals(NdisStatus.PENDING, p1.handle("A").oidRequest(q));
        int before = fx.log.size();
        m.handle.oidRequestComplete(q, NdisStatus.SUCCESS);
        assertEquals(List.of("p1 oidComplete A 0x00010202 NDIS_STATUS_SUCCESS (0x00000000)"), fx.logFrom(before));
    }

    @Test
    @DisplayName("R46 an OID for an inactive port is refused with INVALID_PORT and never reaches the miniport")
    void r46_oidOnInactivePort() {
        RecordingProtocol p = fx.protocol("p1");
        ScriptedMiniport m = fx.adapter("A");
        int n = allocate(m.handle);
        assertEquals(NdisStatus.INVALID_PORT, p.handle("A").oidRequest(OidRequest.query(0x00010202, n, 4)));
        assertEquals(List.of(), m.oids);
        fx.assertOnlyRecord("R46", Severity.VIOLATION, "A", n, "p1");
    }

    @Test
    @DisplayName("R51 a miniport with ports answering OID_GEN_PORT_AUTHENTICATION_PARAMETERS NOT_SUPPORTED is recorded")
    void r51_authParametersNotSupported() {
        RecordingProtocol p = fx.protocol("p1");
        ScriptedMiniport m = fx.adapter("A");
        m.onOid = r -> NdisStatus.NOT_SUPPORTED;
        OidRequest set = OidRequest.set(Oids.OID_GEN_PORT_AUTHENTICATION_PARAMETERS, 0,
                PortAuthenticationParameters.of(AuthStates.UNCONTROLLED_UNKNOWN), PortAuthenticationParameters.SIZE);
        assertEquals(NdisStatus.NOT_SUPPORTED, p.handle("A").oidRequest(set));
        assertTrue(fx.records().isEmpty(), "optional without ports: " + fx.records());
        allocate(m.handle);
        assertEquals(NdisStatus.NOT_SUPPORTED, p.handle("A").oidRequest(set));
        assertEquals(List.of("R51"), fx.ruleIds());
        assertEquals(Severity.VIOLATION, fx.records().get(0).severity());
        assertEquals("test.driver.bundle", fx.records().get(0).bundle());
    }
}
