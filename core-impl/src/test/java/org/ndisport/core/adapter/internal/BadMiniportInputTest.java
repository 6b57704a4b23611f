package org.ndisport.core.adapter.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ndisport.core.adapter.internal.PortEventTestSupport.activate;
import static org.ndisport.core.adapter.internal.PortEventTestSupport.allocate;
import static org.ndisport.core.adapter.internal.PortEventTestSupport.assertNoRecords;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ndisport.api.Irql;
import org.ndisport.api.NdisObjectHeader;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.miniport.HaltAction;
import org.ndisport.api.miniport.MiniportAttributes;
import org.ndisport.api.pnp.NetPnPEvent;
import org.ndisport.api.pnp.NetPnPEventCode;
import org.ndisport.api.pnp.NetPnPEventNotification;
import org.ndisport.api.port.PortCharacteristics;
import org.ndisport.api.runtime.AdapterPhase;
import org.ndisport.api.runtime.AdapterView;
import org.ndisport.api.runtime.PortState;
import org.ndisport.api.runtime.PortView;

/**
 * Bad arguments to the port calls of the miniport handle: registration attributes, allocation, free and
 * port events. Each refused call leaves the ports as they were and a following good call still works.
 */
class BadMiniportInputTest {
    private final EngineFixture fx = new EngineFixture();
    private final ScriptedMiniport m = new ScriptedMiniport();

    /** Port numbers and states, to compare before and after a refused call. */
    private static List<String> ports(AdapterView view) {
        return view.ports().stream().map(p -> p.portNumber() + ":" + p.state()).toList();
    }

    private AdapterRuntime operationalWithPorts() {
        AdapterRuntime a = fx.initialized("A", m);
        activate(m.handle, allocate(m.handle));
        allocate(m.handle);
        return a;
    }

    @Test
    @DisplayName("N4 setMiniportAttributes(null) throws naming the argument, before any change; a good call then works")
    void n4_nullAttributes_throwsBeforeAnyChange() {
        String[] message = new String[1];
        AdapterPhase[] phase = new AdapterPhase[1];
        m.onInitialize = h -> {
            message[0] = assertThrows(NullPointerException.class, () -> h.setMiniportAttributes(null)).getMessage();
            phase[0] = ScriptedMiniport.viewOf(h).phase();
            return h.setMiniportAttributes(MiniportAttributes.registration());
        };
        AdapterRuntime a = fx.initialized("A", m);
        assertEquals("attributes", message[0]);
        assertEquals(AdapterPhase.P0_INIT_PRE_REG, phase[0]);
        assertEquals(AdapterPhase.P2_OPERATIONAL, a.view().phase());
        assertNoRecords(fx);
    }

    @ParameterizedTest(name = "header type {0}")
    @ValueSource(ints = {-1, 0, 0x80, 0x9C, 0x9F, 0x1FF})
    @DisplayName("N4 registration attributes with a null or wrong header: INVALID_PARAMETER, still P0; then SUCCESS")
    void n4_wrongHeader_invalidParameter(int type) {
        NdisStatus[] results = new NdisStatus[3];
        m.onInitialize = h -> {
            results[0] = h.setMiniportAttributes(new MiniportAttributes(null, 0, null));
            results[1] = h.setMiniportAttributes(new MiniportAttributes(new NdisObjectHeader(type, 2, 40), -1, "x"));
            results[2] = h.setMiniportAttributes(MiniportAttributes.registration());
            return results[2];
        };
        AdapterRuntime a = fx.initialized("A", m);
        assertEquals(List.of(NdisStatus.INVALID_PARAMETER, NdisStatus.INVALID_PARAMETER, NdisStatus.SUCCESS),
                List.of(results));
        assertEquals(null, a.handle().context(), "the refused attributes' context was not kept");
        assertEquals(PortState.ACTIVATED, a.view().port(0).state(), "flags of the refused call were not kept");
    }

    @ParameterizedTest(name = "revision {0}")
    @ValueSource(ints = {0, 3, 0xFF, -1, 0x100})
    @DisplayName("N4 registration attributes with an unknown revision (any size): BAD_VERSION, or masked to a known one")
    void n4_unknownRevision_badVersion(int revision) {
        NdisStatus[] result = new NdisStatus[1];
        m.onInitialize = h -> {
            result[0] = h.setMiniportAttributes(new MiniportAttributes(
                    new NdisObjectHeader(NdisObjectHeader.TYPE_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES, revision, -1),
                    0, null));
            return h.setMiniportAttributes(MiniportAttributes.registration());
        };
        AdapterRuntime a = fx.initialized("A", m);
        assertEquals(NdisStatus.BAD_VERSION, result[0]);
        assertEquals(AdapterPhase.P2_OPERATIONAL, a.view().phase());
    }

    @Test
    @DisplayName("N4 registration attributes after initialize and on a stale handle: FAILURE, ports unchanged")
    void n4_attributesOutsideP0_failure() {
        AdapterRuntime a = operationalWithPorts();
        List<String> before = ports(a.view());
        assertEquals(NdisStatus.FAILURE, m.handle.setMiniportAttributes(MiniportAttributes.registrationControllingDefaultPort()));
        assertEquals(before, ports(a.view()));
        assertFalse(a.view().controlsDefaultPort());
        a.halt(HaltAction.DEVICE_DISABLED);
        assertEquals(NdisStatus.FAILURE, m.handle.setMiniportAttributes(MiniportAttributes.registration()));
        assertTrue(a.view().ports().isEmpty());
    }

    @Test
    @DisplayName("D1 allocatePort with null, unknown flags, huge types or sizes below revision 1: INVALID_DATA, nothing allocated")
    void d1_badCharacteristics_invalidData() {
        AdapterRuntime a = operationalWithPorts();
        List<String> before = ports(a.view());
        PortCharacteristics[] bad = {
            null,
            PortCharacteristics.forAllocation().header(null),
            PortCharacteristics.forAllocation().flags(-1),
            PortCharacteristics.forAllocation().flags(Integer.MIN_VALUE),
            PortCharacteristics.forAllocation().type(-1),
            PortCharacteristics.forAllocation().type(Integer.MAX_VALUE),
            PortCharacteristics.forAllocation().header(new NdisObjectHeader(0x80, 1, 59)),
            PortCharacteristics.forAllocation().header(new NdisObjectHeader(0x80, 0, 0xFFFF)),
        };
        for (PortCharacteristics c : bad) {
            assertEquals(NdisStatus.INVALID_DATA, m.handle.allocatePort(c).status(), String.valueOf(c));
            if (c != null) {
                assertEquals(0, c.portNumber(), "a refused allocation writes no number: " + c);
            }
        }
        assertEquals(before, ports(a.view()));
        assertEquals(3, allocate(m.handle), "the lowest free number is still handed out next");
        assertNoRecords(fx);
    }

    @Test
    @DisplayName("R3 allocatePort ignores any port number the characteristics carry, negative and huge included")
    void r3_portNumberInCharacteristics_ignored() {
        AdapterRuntime a = operationalWithPorts();
        for (int given : new int[] {-1, Integer.MIN_VALUE, Integer.MAX_VALUE, 0, 1}) {
            PortCharacteristics c = PortCharacteristics.forAllocation().portNumber(given);
            int n = m.handle.allocatePort(c).portNumber();
            assertEquals(n, c.portNumber());
            assertTrue(n >= 3 && n <= 7, "allocated " + n);
        }
        assertEquals(8, a.view().ports().size());
    }

    @ParameterizedTest(name = "port {0}")
    @ValueSource(ints = {-1, Integer.MIN_VALUE, Integer.MAX_VALUE, 0x1000000, 0xFFFFFF + 2})
    @DisplayName("D4 freePort of a number above 0xFFFFFF (negative, Integer.MAX_VALUE): INVALID_DATA, nothing freed")
    void d4_freeHugeNumber_invalidData(int port) {
        AdapterRuntime a = operationalWithPorts();
        List<String> before = ports(a.view());
        assertEquals(NdisStatus.INVALID_DATA, m.handle.freePort(port));
        assertEquals(before, ports(a.view()));
        assertEquals(NdisStatus.SUCCESS, m.handle.freePort(2));
        assertNoRecords(fx);
    }

    @Test
    @DisplayName("R36 R37 freePort of 0, of 0xFFFFFF never allocated, of an active port: documented statuses, nothing freed")
    void r37_freeUnusablePorts_documentedStatuses() {
        AdapterRuntime a = operationalWithPorts();
        List<String> before = ports(a.view());
        assertEquals(NdisStatus.INVALID_PORT, m.handle.freePort(0));
        assertEquals(NdisStatus.INVALID_PORT, m.handle.freePort(0xFFFFFF));
        assertEquals(NdisStatus.INVALID_PORT_STATE, m.handle.freePort(1));
        assertEquals(before, ports(a.view()));
    }

    @Test
    @DisplayName("D5 D8 N5 port events with negative, huge or wrongly typed buffers: INVALID_PARAMETER, no state change")
    void d8_malformedEventBuffers_invalidParameter() {
        AdapterRuntime a = operationalWithPorts();
        List<String> before = ports(a.view());
        NetPnPEvent[] bad = {
            new NetPnPEvent(NetPnPEventCode.PORT_DEACTIVATION, new int[] {1}, -1),
            new NetPnPEvent(NetPnPEventCode.PORT_DEACTIVATION, new int[] {1}, Integer.MIN_VALUE),
            new NetPnPEvent(NetPnPEventCode.PORT_DEACTIVATION, new int[] {1}, 3),
            new NetPnPEvent(NetPnPEventCode.PORT_DEACTIVATION, new int[0], 4),
            new NetPnPEvent(NetPnPEventCode.PORT_DEACTIVATION, new long[] {1}, 4),
            new NetPnPEvent(NetPnPEventCode.PORT_DEACTIVATION, "1", 4),
            new NetPnPEvent(NetPnPEventCode.PORT_ACTIVATION, new int[] {2}, 96),
            new NetPnPEvent(NetPnPEventCode.PORT_ACTIVATION,
                    NetPnPEventNotification.portActivation(2).netPnPEvent().buffer(), 95),
            new NetPnPEvent(NetPnPEventCode.PORT_ACTIVATION, new org.ndisport.api.port.NdisPort(null), 96),
        };
        for (NetPnPEvent e : bad) {
            assertEquals(NdisStatus.INVALID_PARAMETER, m.handle.netPnPEvent(NetPnPEventNotification.of(e)),
                    e.buffer() + " length " + e.bufferLength());
        }
        assertEquals(before, ports(a.view()));
        activate(m.handle, 2);
    }

    @Test
    @DisplayName("R26 R13 port events naming negative or huge port numbers: INVALID_PORT, no state change")
    void r26_hugePortNumbersInEvents_invalidPort() {
        AdapterRuntime a = operationalWithPorts();
        List<String> before = ports(a.view());
        for (int p : new int[] {-1, Integer.MIN_VALUE, Integer.MAX_VALUE, 0x1000000}) {
            assertEquals(NdisStatus.INVALID_PORT, m.handle.netPnPEvent(NetPnPEventNotification.portDeactivation(p)));
            assertEquals(NdisStatus.INVALID_PORT, m.handle.netPnPEvent(NetPnPEventNotification.portActivation(p)));
        }
        assertEquals(before, ports(a.view()));
        activate(m.handle, 2);
    }

    @Test
    @DisplayName("D14 D11 unknown event codes (negative, huge): NOT_SUPPORTED; a notification without header still works")
    void d14_unknownCodes_notSupported() {
        AdapterRuntime a = operationalWithPorts();
        for (int code : new int[] {-1, Integer.MIN_VALUE, Integer.MAX_VALUE, 23, 0x10A}) {
            assertEquals(NdisStatus.NOT_SUPPORTED, m.handle.netPnPEvent(
                    NetPnPEventNotification.of(new NetPnPEvent(code, new int[] {1}, 4))));
        }
        assertEquals(NdisStatus.SUCCESS, m.handle.netPnPEvent(NetPnPEventNotification.portActivation(2).header(null)));
        PortView p2 = a.view().port(2);
        assertEquals(PortState.ACTIVATED, p2.state());
        assertNoRecords(fx);
    }

    @Test
    @DisplayName("R56 netPnPEvent(null) throws naming the argument, before any record or change")
    void r56_nullNotification_throwsBeforeAnyRecord() {
        AdapterRuntime a = operationalWithPorts();
        List<String> before = ports(a.view());
        Irql old = m.handle.raiseIrql(Irql.DISPATCH_LEVEL);
        try {
            assertEquals("notification", assertThrows(NullPointerException.class, () -> m.handle.netPnPEvent(null))
                    .getMessage());
        } finally {
            m.handle.lowerIrql(old);
        }
        assertEquals(before, ports(a.view()));
        assertNoRecords(fx);
    }
}
