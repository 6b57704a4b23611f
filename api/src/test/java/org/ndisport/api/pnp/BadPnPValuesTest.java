package org.ndisport.api.pnp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ndisport.api.PortNumbers;
import org.ndisport.api.port.NdisPort;
import org.ndisport.api.port.PortCharacteristics;

/** Bad input to NET_PNP_EVENT_NOTIFICATION and NET_PNP_EVENT (N41; malformed events stay expressible, D5-D11). */
class BadPnPValuesTest {
    @Test
    @DisplayName("N41 factories given a null array are refused naming it")
    void n41_nullArrays_nullPointerNamingThem() {
        assertEquals("portNumbers", assertThrows(NullPointerException.class,
                () -> NetPnPEventNotification.portDeactivation((int[]) null)).getMessage());
        assertEquals("portNumbers", assertThrows(NullPointerException.class,
                () -> NetPnPEventNotification.portActivation((int[]) null)).getMessage());
        assertEquals("characteristics", assertThrows(NullPointerException.class,
                () -> NetPnPEventNotification.portActivation((PortCharacteristics[]) null)).getMessage());
        assertEquals("netPnPEvent", assertThrows(NullPointerException.class,
                () -> new NetPnPEventNotification(null, 0, null)).getMessage());
        assertEquals(NullPointerException.class, assertThrows(NullPointerException.class,
                () -> NetPnPEventNotification.of(null)).getClass());
    }

    @Test
    @DisplayName("D5 a null chain and empty arrays give BufferLength 0 (rejected later by the runtime)")
    void d5_emptyForms_lengthZero() {
        assertEquals(0, NetPnPEventNotification.portActivation((NdisPort) null).netPnPEvent().bufferLength());
        assertNull(NetPnPEventNotification.portActivation(new int[0]).netPnPEvent().buffer());
        assertEquals(0, NetPnPEventNotification.portDeactivation().netPnPEvent().bufferLength());
    }

    @Test
    @DisplayName("D5 a cyclic chain still yields a notification: counting stops at NDIS_MAXIMUM_PORTS")
    void d5_cyclicChain_countingBounded() {
        NdisPort p = new NdisPort(PortCharacteristics.forPort(1));
        p.next(p);
        NetPnPEvent e = NetPnPEventNotification.portActivation(p).netPnPEvent();
        assertEquals(PortNumbers.MAXIMUM_PORTS * NdisPort.SIZE, e.bufferLength());
        assertEquals(5, p.toList(5).size(), "toList is bounded too");
    }

    @Test
    @DisplayName("D8 D11 any raw code, buffer, negative length and reserved members are expressible as given")
    void d11_malformedEvent_expressible() {
        NetPnPEvent e = new NetPnPEvent(Integer.MIN_VALUE, "wrong type", -1)
                .ndisReserved(new Object[] {null, null}).tdiClientReserved(new Object[0]);
        assertEquals(Integer.MIN_VALUE, e.netEvent());
        assertEquals(-1, e.bufferLength());
        assertFalse(e.hasReservedMembersSet(), "null or empty reserved arrays are not set");
        e.transportReserved(new Object[] {null, "x"});
        assertTrue(e.hasReservedMembersSet());
        NetPnPEventNotification n = new NetPnPEventNotification(null, -1, e);
        assertNull(n.header());
        assertEquals(-1, n.portNumber());
    }

    @Test
    @DisplayName("N41 a chain entry without characteristics stays expressible (the runtime answers D5)")
    void n41_entryWithoutCharacteristics_expressible() {
        NetPnPEventNotification n = NetPnPEventNotification.portActivation(new PortCharacteristics[] {null});
        assertNull(((NdisPort) n.netPnPEvent().buffer()).portCharacteristics());
        assertEquals(NdisPort.SIZE, n.netPnPEvent().bufferLength());
    }
}
