package org.ndisport.api.port;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ndisport.api.NdisObjectHeader;

/** Bad input to the port structures of §1.5 (N41; malformed fields stay expressible for D1, §6.4). */
class BadPortValuesTest {
    @Test
    @DisplayName("N41 NdisObjectHeader masks negative and overflowing fields to their C widths")
    void n41_header_maskedToCWidths() {
        NdisObjectHeader h = new NdisObjectHeader(-1, 0x1FF, Integer.MIN_VALUE + 0x10030);
        assertEquals(new NdisObjectHeader(0xFF, 0xFF, 0x30), h);
        assertEquals(new NdisObjectHeader(0, 0, 0), new NdisObjectHeader(0x100, 0x200, 0x10000));
    }

    @Test
    @DisplayName("N41 PortCharacteristics: null link or auth fields are refused naming them; the header may be null (D1)")
    void n41_characteristics_nullFieldsRefused() {
        assertEquals("linkState", assertThrows(NullPointerException.class, () -> new PortCharacteristics(null, 0, 0, 0,
                null, AuthStates.UNCONTROLLED_UNKNOWN)).getMessage());
        assertEquals("authStates", assertThrows(NullPointerException.class, () -> new PortCharacteristics(null, 0, 0, 0,
                LinkState.UNKNOWN, null)).getMessage());
        PortCharacteristics c = PortCharacteristics.forAllocation().header(null).flags(-1).type(-1).portNumber(-1);
        assertThrows(NullPointerException.class, () -> c.linkState(null));
        assertThrows(NullPointerException.class, () -> c.authStates(null));
        assertEquals(LinkState.UNKNOWN, c.linkState(), "refused setters changed nothing");
        PortCharacteristics copy = c.copy();
        assertNull(copy.header());
        assertEquals("PortCharacteristics[port=4294967295, header=null, flags=0xffffffff, type=4294967295, "
                + LinkState.UNKNOWN + ", " + AuthStates.UNCONTROLLED_UNKNOWN + "]", copy.toString());
        assertThrows(NullPointerException.class, () -> PortCharacteristics.forAllocation(null));
    }

    @Test
    @DisplayName("N41 records with required fields refuse null naming the field")
    void n41_records_nullFieldsRefused() {
        assertEquals("authStates", assertThrows(NullPointerException.class,
                () -> new PortAuthenticationParameters(null, null)).getMessage());
        assertEquals("authStates", assertThrows(NullPointerException.class,
                () -> PortAuthenticationParameters.of(null)).getMessage());
        assertEquals("mediaConnectState", assertThrows(NullPointerException.class,
                () -> new LinkState(null, 0, 0, NetIfDirection.SEND_RECEIVE)).getMessage());
        assertEquals("direction", assertThrows(NullPointerException.class,
                () -> new LinkState(MediaConnectState.CONNECTED, 0, 0, null)).getMessage());
        assertEquals("rcvAuthorizationState", assertThrows(NullPointerException.class,
                () -> new AuthStates(PortControlState.CONTROLLED, PortControlState.CONTROLLED,
                        PortAuthorizationState.AUTHORIZED, null)).getMessage());
        assertEquals("linkState", assertThrows(NullPointerException.class,
                () -> NdisPortState.of(null, AuthStates.UNCONTROLLED_UNKNOWN)).getMessage());
        assertNull(new NdisPortState(null, LinkState.UNKNOWN, AuthStates.UNCONTROLLED_UNKNOWN, -1).header(),
                "a null header stays expressible (§6.4, R50)");
    }

    @Test
    @DisplayName("N41 link speeds are unsigned 64-bit: any long, LinkSpeed.UNKNOWN included, is held as given")
    void n41_linkSpeeds_unsigned() {
        LinkState s = new LinkState(MediaConnectState.CONNECTED, Long.MIN_VALUE, LinkSpeed.UNKNOWN,
                NetIfDirection.SEND_RECEIVE);
        assertEquals(Long.MIN_VALUE, s.xmitLinkSpeed());
        assertEquals("18446744073709551615", Long.toUnsignedString(s.rcvLinkSpeed()));
    }

    @Test
    @DisplayName("N41 NdisPortArray: a null list or element is refused naming the ports; inconsistent counts stay expressible")
    void n41_portArray_nullElementsRefused_countsExpressible() {
        List<PortCharacteristics> withNull = Arrays.asList(PortCharacteristics.forPort(0), null);
        assertTrue(assertThrows(NullPointerException.class, () -> NdisPortArray.of(withNull)).getMessage()
                .startsWith("ports"));
        assertTrue(assertThrows(NullPointerException.class, () -> new NdisPortArray(null, 0, 0, 0, withNull))
                .getMessage().startsWith("ports"));
        assertEquals("ports", assertThrows(NullPointerException.class, () -> NdisPortArray.of(null)).getMessage());
        List<PortCharacteristics> source = new ArrayList<>(List.of(PortCharacteristics.forPort(0)));
        NdisPortArray a = new NdisPortArray(null, -5, -1, Integer.MAX_VALUE, source);
        source.clear();
        assertEquals(1, a.ports().size(), "an immutable copy");
        assertEquals(-5, a.numberOfPorts());
        assertThrows(UnsupportedOperationException.class, () -> a.ports().clear());
    }

    @Test
    @DisplayName("N41 NdisPortArray.bytesNeeded: a negative count is refused; the largest count does not overflow")
    void n41_bytesNeeded_negativeRefused_noOverflow() {
        assertThrows(IllegalArgumentException.class, () -> NdisPortArray.bytesNeeded(-1));
        assertThrows(IllegalArgumentException.class, () -> NdisPortArray.bytesNeeded(Integer.MIN_VALUE));
        assertEquals(16 + 64L * Integer.MAX_VALUE, NdisPortArray.bytesNeeded(Integer.MAX_VALUE));
    }

    @Test
    @DisplayName("N41 NdisPort chains: a null array is refused naming it; cyclic chains are expressible and toList is bounded")
    void n41_portChains() {
        assertEquals("portNumbers", assertThrows(NullPointerException.class, () -> NdisPort.chainOf((int[]) null))
                .getMessage());
        assertEquals("characteristics", assertThrows(NullPointerException.class,
                () -> NdisPort.chain((PortCharacteristics[]) null)).getMessage());
        assertNull(NdisPort.chain());
        NdisPort p = NdisPort.chainOf(-1, Integer.MAX_VALUE);
        assertEquals(-1, p.portCharacteristics().portNumber());
        p.next().next(p);
        assertEquals(4, p.toList(4).size());
        assertEquals(0, p.toList(0).size());
        assertEquals(0, p.toList(-1).size());
    }
}
