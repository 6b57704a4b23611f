package org.ndisport.binding.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ndisport.binding.internal.BindingFixture.activate;
import static org.ndisport.binding.internal.BindingFixture.allocate;
import static org.ndisport.binding.internal.BindingFixture.deactivate;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.NdisVerifierException;
import org.ndisport.api.data.OidRequest;
import org.ndisport.api.data.OidRequestType;
import org.ndisport.api.data.Oids;
import org.ndisport.api.port.NdisPortArray;
import org.ndisport.api.port.NdisPortState;
import org.ndisport.api.protocol.ProtocolBindingHandle;
import org.ndisport.api.runtime.Severity;
import org.ndisport.api.runtime.VerifierMode;
import org.ndisport.core.adapter.internal.ScriptedMiniport;

/**
 * Bad input to {@link ProtocolBindingHandle#oidRequest}: null, null buffers, lengths that are negative
 * as Java ints (unsigned in NDIS), unknown OIDs, ports that do not exist, a pending request resubmitted
 * (N55). Each ends with a good OID that still works.
 */
class BadOidInputTest {
    private static final int OID_UNKNOWN = 0xDEADBEEF;
    private static final int OID_VENDOR = 0xFF000001;

    private final BindingFixture fx = new BindingFixture();
    private final RecordingProtocol p = fx.protocol("p1");
    private final ScriptedMiniport m = fx.adapter("A");

    /** A good query still reaches the miniport and succeeds; nothing is left counted. */
    private void assertStillWorks() {
        int before = m.oids.size();
        assertEquals(NdisStatus.SUCCESS, p.handle("A").oidRequest(OidRequest.query(OID_VENDOR, 0, 4)));
        assertEquals(before + 1, m.oids.size());
        assertEquals(0, ((Binding) p.handle("A")).outstanding().total(), "nothing left outstanding");
    }

    @Test
    @DisplayName("a null request throws NullPointerException naming request, before any effect")
    void nullRequest_throwsNamingRequest() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> p.handle("A").oidRequest(null));
        assertTrue(e.getMessage().contains("request"), e.getMessage());
        assertEquals(List.of(), m.oids);
        assertEquals(List.of(), fx.ruleIds());
        assertStillWorks();
    }

    @Test
    @DisplayName("a null request type cannot be built: NullPointerException naming requestType")
    void nullRequestType_throwsNamingIt() {
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> new OidRequest(null, OID_VENDOR, 0, null, 0));
        assertTrue(e.getMessage().contains("requestType"), e.getMessage());
    }

    @Test
    @DisplayName("D23 a set with a null buffer, and an unknown OID, go to the miniport unchanged; its answer comes back as is")
    void d23_nullBufferAndUnknownOid_passedDown() {
        m.onOid = r -> r.oid() == OID_UNKNOWN ? NdisStatus.NOT_SUPPORTED : NdisStatus.SUCCESS;
        OidRequest set = OidRequest.set(OID_VENDOR, 0, null, 0);
        assertEquals(NdisStatus.SUCCESS, p.handle("A").oidRequest(set));
        OidRequest unknown = new OidRequest(OidRequestType.METHOD, OID_UNKNOWN, 0, null, -1);
        assertEquals(NdisStatus.NOT_SUPPORTED, p.handle("A").oidRequest(unknown));
        assertEquals(List.of(set, unknown), m.oids);
        assertNull(m.oids.get(0).informationBuffer());
        assertEquals(List.of(), fx.ruleIds());
        assertStillWorks();
    }

    @ParameterizedTest(name = "length {0}")
    @ValueSource(ints = {-1, Integer.MIN_VALUE, Integer.MAX_VALUE})
    @DisplayName("D18 a buffer length negative as a Java int is a large unsigned length: the runtime's OIDs succeed")
    void d18_negativeLength_isUnsigned(int length) {
        OidRequest enumerate = OidRequest.query(Oids.OID_GEN_ENUMERATE_PORTS, 0, length);
        assertEquals(NdisStatus.SUCCESS, p.handle("A").oidRequest(enumerate));
        assertEquals(1, ((NdisPortArray) enumerate.informationBuffer()).numberOfPorts());
        assertEquals(NdisPortArray.bytesNeeded(1), enumerate.bytesWritten());
        OidRequest state = OidRequest.query(Oids.OID_GEN_PORT_STATE, 0, length);
        assertEquals(NdisStatus.SUCCESS, p.handle("A").oidRequest(state));
        assertEquals(NdisPortState.SIZE, state.bytesWritten());
        assertEquals(List.of(), m.oids);
        assertEquals(List.of(), fx.ruleIds());
    }

    @Test
    @DisplayName("D18 a zero-length buffer: BUFFER_TOO_SHORT with BytesNeeded, nothing written")
    void d18_zeroLength_bufferTooShort() {
        OidRequest enumerate = OidRequest.query(Oids.OID_GEN_ENUMERATE_PORTS, 0, 0);
        assertEquals(NdisStatus.BUFFER_TOO_SHORT, p.handle("A").oidRequest(enumerate));
        assertEquals((int) NdisPortArray.bytesNeeded(1), enumerate.bytesNeeded());
        assertNull(enumerate.informationBuffer());
        OidRequest state = OidRequest.query(Oids.OID_GEN_PORT_STATE, 0, NdisPortState.SIZE - 1);
        assertEquals(NdisStatus.BUFFER_TOO_SHORT, p.handle("A").oidRequest(state));
        assertEquals(NdisPortState.SIZE, state.bytesNeeded());
        assertEquals(List.of(), fx.ruleIds());
    }

    @Test
    @DisplayName("D23 a set or method of the runtime's OIDs, whatever its buffer, is NOT_SUPPORTED and reaches nothing")
    void d23_setOfRuntimeOid_notSupported() {
        for (OidRequestType type : List.of(OidRequestType.SET_INFORMATION, OidRequestType.METHOD)) {
            for (int oid : new int[] {Oids.OID_GEN_ENUMERATE_PORTS, Oids.OID_GEN_PORT_STATE}) {
                OidRequest r = new OidRequest(type, oid, 0, "not a structure", -1);
                assertEquals(NdisStatus.NOT_SUPPORTED, p.handle("A").oidRequest(r), type + " " + oid);
            }
        }
        assertEquals(List.of(), m.oids);
        assertEquals(List.of(), fx.ruleIds());
    }

    @ParameterizedTest(name = "port {0}")
    @ValueSource(ints = {-1, Integer.MIN_VALUE, Integer.MAX_VALUE, 0x1000000, 5})
    @DisplayName("R46 D19 an OID for a port that does not exist: INVALID_PORT, recorded on the unsigned port, never passed down")
    void r46_oidForNonexistentPort_invalidPort(int port) {
        assertEquals(NdisStatus.INVALID_PORT, p.handle("A").oidRequest(OidRequest.query(OID_VENDOR, port, 4)));
        fx.assertOnlyRecord("R46", Severity.VIOLATION, "A", Integer.toUnsignedLong(port), "p1");
        fx.engine.verifier.clear();
        assertEquals(NdisStatus.INVALID_PORT,
                p.handle("A").oidRequest(OidRequest.query(Oids.OID_GEN_PORT_STATE, port, NdisPortState.SIZE)));
        fx.assertOnlyRecord("R46", Severity.VIOLATION, "A", Integer.toUnsignedLong(port), "p1");
        assertEquals(List.of(), m.oids);
        assertStillWorks();
    }

    @Test
    @DisplayName("§6.1 OID_GEN_ENUMERATE_PORTS ignores its PortNumber: port -1 still lists the open ports")
    void enumeratePorts_ignoresBadPortNumber() {
        int n = allocate(m.handle);
        activate(m.handle, n);
        OidRequest q = OidRequest.query(Oids.OID_GEN_ENUMERATE_PORTS, -1, 1 << 20);
        assertEquals(NdisStatus.SUCCESS, p.handle("A").oidRequest(q));
        assertEquals(2, ((NdisPortArray) q.informationBuffer()).numberOfPorts());
        assertEquals(List.of(), fx.ruleIds());
    }

    @Test
    @DisplayName("N55 a request resubmitted while pending is refused with INVALID_PARAMETER and recorded; it completes once")
    void n55_pendingRequestResubmitted_refused() {
        m.onOid = r -> NdisStatus.PENDING;
        OidRequest r = OidRequest.query(OID_VENDOR, 0, 4);
        assertEquals(NdisStatus.PENDING, p.handle("A").oidRequest(r));
        assertEquals(NdisStatus.INVALID_PARAMETER, p.handle("A").oidRequest(r));
        assertEquals(List.of(r), m.oids, "the miniport has it once");
        fx.assertOnlyRecord("N55", Severity.VIOLATION, "A", 0, "p1");
        int before = fx.log.size();
        m.handle.oidRequestComplete(r, NdisStatus.SUCCESS);
        assertEquals(List.of(String.format("p1 oidComplete A 0x%08X ", OID_VENDOR) + NdisStatus.SUCCESS), fx.logFrom(before));
        assertEquals(0, ((Binding) p.handle("A")).outstanding().total());
        int other = allocate(m.handle);
        activate(m.handle, other);
        deactivate(m.handle, other);
        assertEquals(List.of("N55"), fx.ruleIds(), "no pended OID left open: the port events record no R57");
        m.onOid = x -> NdisStatus.SUCCESS;
        assertEquals(NdisStatus.SUCCESS, p.handle("A").oidRequest(r), "completed, the request may be reused");
        assertStillWorks();
    }

    @Test
    @DisplayName("N55 a request pending on one binding, submitted on another, is refused too")
    void n55_pendingRequestOnAnotherBinding_refused() {
        RecordingProtocol q = fx.protocol("q");
        m.onOid = r -> NdisStatus.PENDING;
        OidRequest r = OidRequest.query(OID_VENDOR, 0, 4);
        assertEquals(NdisStatus.PENDING, p.handle("A").oidRequest(r));
        assertEquals(NdisStatus.INVALID_PARAMETER, q.handle("A").oidRequest(r));
        fx.assertOnlyRecord("N55", Severity.VIOLATION, "A", 0, "q");
        m.handle.oidRequestComplete(r, NdisStatus.SUCCESS);
        assertTrue(fx.log.contains(String.format("p1 oidComplete A 0x%08X ", OID_VENDOR) + NdisStatus.SUCCESS), fx.log.toString());
        assertEquals(0, ((Binding) q.handle("A")).outstanding().total());
    }

    @Test
    @DisplayName("N55 D21 in FAIL_FAST a pending request resubmitted throws and changes nothing")
    void n55_failFast_noEffect() {
        BindingFixture strict = new BindingFixture(VerifierMode.FAIL_FAST, 1_000);
        RecordingProtocol q = strict.protocol("q");
        ScriptedMiniport mm = strict.adapter("B");
        mm.onOid = r -> NdisStatus.PENDING;
        OidRequest r = OidRequest.query(OID_VENDOR, 0, 4);
        assertEquals(NdisStatus.PENDING, q.handle("B").oidRequest(r));
        assertThrows(NdisVerifierException.class, () -> q.handle("B").oidRequest(r));
        assertEquals(List.of(r), mm.oids);
        assertEquals(1, ((Binding) q.handle("B")).outstanding().total());
    }

    @Test
    @DisplayName("after the binding closed: any OID, bad port or unknown OID alike, returns CLOSING and records nothing")
    void closedHandle_closing() {
        ProtocolBindingHandle h = p.handle("A");
        fx.layer.unregister(p.entry);
        assertEquals(NdisStatus.CLOSING, h.oidRequest(OidRequest.query(OID_UNKNOWN, -1, -1)));
        assertEquals(NdisStatus.CLOSING, h.oidRequest(OidRequest.query(Oids.OID_GEN_PORT_STATE, -1, 48)));
        assertEquals(NdisStatus.CLOSING, h.oidRequest(OidRequest.query(Oids.OID_GEN_ENUMERATE_PORTS, 0, 1024)));
        assertThrows(NullPointerException.class, () -> h.oidRequest(null));
        assertEquals(List.of(), m.oids);
        assertEquals(List.of(), fx.ruleIds());
    }
}
