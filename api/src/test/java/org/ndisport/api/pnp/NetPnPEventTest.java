package org.ndisport.api.pnp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ndisport.api.port.NdisPort;
import org.ndisport.api.port.PortCharacteristics;

class NetPnPEventTest {
    @Test
    @DisplayName("§1.4 codes reserved to intermediate drivers: 0-9, 12-17, 22 (D14)")
    void reservedCodes() {
        List<Integer> reserved = Stream.of(NetPnPEventCode.values())
                .filter(NetPnPEventCode::isReservedToIntermediateDrivers).map(NetPnPEventCode::code).toList();
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 13, 14, 15, 16, 17, 22), reserved);
        assertEquals(10, NetPnPEventCode.PORT_ACTIVATION.code());
        assertEquals(11, NetPnPEventCode.PORT_DEACTIVATION.code());
        assertEquals(NetPnPEventCode.IM_RE_ENABLE_DEVICE, NetPnPEventCode.fromName("IMReEnableDevice").orElseThrow());
        assertEquals(NetPnPEventCode.SET_POWER, NetPnPEventCode.fromName("NetEventSetPower").orElseThrow());
    }

    @Test
    @DisplayName("R12 well-formed activation: PortNumber 0, chain in order, BufferLength entries x 96")
    void r12_activationFactory() {
        NetPnPEventNotification n = NetPnPEventNotification.portActivation(3, 1, 2);
        assertEquals(0, n.portNumber());
        assertEquals(NetPnPEventCode.PORT_ACTIVATION.code(), n.netPnPEvent().netEvent());
        assertEquals(3 * NdisPort.SIZE, n.netPnPEvent().bufferLength());
        NdisPort head = (NdisPort) n.netPnPEvent().buffer();
        assertEquals(List.of(3, 1, 2),
                head.toList(10).stream().map(p -> p.portCharacteristics().portNumber()).toList());
        assertFalse(n.netPnPEvent().hasReservedMembersSet());
    }

    @Test
    @DisplayName("R24 well-formed deactivation: an int[] copy, BufferLength 4 x count in bytes")
    void r24_deactivationFactory() {
        int[] ports = {4, 5};
        NetPnPEventNotification n = NetPnPEventNotification.portDeactivation(ports);
        assertEquals(8, n.netPnPEvent().bufferLength());
        assertArrayEquals(ports, (int[]) n.netPnPEvent().buffer());
        assertNotSame(ports, n.netPnPEvent().buffer());
    }

    @Test
    @DisplayName("D5 a cyclic chain can still be wrapped by the factory without looping forever")
    void d5_cyclicChainFactoryTerminates() {
        NdisPort head = NdisPort.chainOf(1, 2);
        head.next().next(head);
        NetPnPEventNotification n = NetPnPEventNotification.portActivation(head);
        assertSame(head, n.netPnPEvent().buffer());
    }

    @Test
    @DisplayName("D11 reserved members count as set only when an element is non-null")
    void d11_reservedMembers() {
        NetPnPEvent e = new NetPnPEvent(NetPnPEventCode.PORT_DEACTIVATION, new int[] {1}, 4);
        e.ndisReserved(new Object[4]);
        assertFalse(e.hasReservedMembersSet());
        e.tdiClientReserved(new Object[] {null, "x", null, null});
        assertTrue(e.hasReservedMembersSet());
    }

    @Test
    @DisplayName("R9 characteristics for allocation: header 0x80/1/60, USE_DEFAULT_AUTH_SETTINGS, type Undefined")
    void r9_allocationCharacteristics() {
        PortCharacteristics c = PortCharacteristics.forAllocation();
        assertEquals(0x80, c.header().type());
        assertEquals(1, c.header().revision());
        assertEquals(PortCharacteristics.SIZEOF_REVISION_1, c.header().size());
        assertTrue(c.usesDefaultAuthSettings());
        assertEquals(0, c.type());
    }
}
