package org.ndisport.api.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ndisport.api.NdisStatus;

/** Bad input to the data-path value types: NetBufferList, OidRequest, StatusIndication (N41). */
class BadDataValuesTest {
    @Test
    @DisplayName("N41 a list of negative capacity is refused naming the capacity")
    void n41_negativeCapacity_illegalArgument() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new NetBufferList(-1));
        assertTrue(e.getMessage().contains("capacity"), e.getMessage());
        assertEquals(0, new NetBufferList(0).data().length, "an empty buffer is allowed");
    }

    @Test
    @DisplayName("N41 a null frame array is refused naming it, by the constructor, frame() and copyOf()")
    void n41_nullFrame_nullPointerNamingIt() {
        assertEquals("data", assertThrows(NullPointerException.class, () -> new NetBufferList(null, 0, 0)).getMessage());
        assertEquals("frame", assertThrows(NullPointerException.class, () -> NetBufferList.copyOf(null)).getMessage());
        NetBufferList l = NetBufferList.copyOf(new byte[] {1, 2, 3});
        assertThrows(NullPointerException.class, () -> l.frame(null, 0, 0));
        assertArrayEquals(new byte[] {1, 2, 3}, l.frameBytes(), "the refused frame() changed nothing");
    }

    @ParameterizedTest(name = "offset {0}, length {1} in 8 bytes")
    @CsvSource({"-1, 1", "0, -1", "0, 9", "8, 1", "4, 5", "2147483647, 1", "1, 2147483647", "-2147483648, -2147483648"})
    @DisplayName("N41 a frame outside its array (negative, too long, overflowing) is refused; frame() changes nothing")
    void n41_frameOutsideArray_illegalArgument(int offset, int length) {
        byte[] data = new byte[8];
        assertThrows(IllegalArgumentException.class, () -> new NetBufferList(data, offset, length));
        NetBufferList l = new NetBufferList(data, 2, 3);
        assertThrows(IllegalArgumentException.class, () -> l.frame(new byte[8], offset, length));
        assertSame(data, l.data());
        assertEquals(2, l.offset());
        assertEquals(3, l.length());
    }

    @Test
    @DisplayName("N41 frames at the array's edges are accepted: empty at the end, the whole array")
    void n41_edgeFrames_accepted() {
        byte[] data = new byte[8];
        assertEquals(0, new NetBufferList(data, 8, 0).frameBytes().length);
        assertEquals(8, new NetBufferList(data, 0, 8).frameBytes().length);
    }

    @Test
    @DisplayName("N41 a null status is kept as given: the runtime, not the value, judges a completion")
    void n41_nullStatus_keptAsGiven() {
        NetBufferList l = NetBufferList.copyOf(new byte[4]);
        l.status(null);
        assertNull(l.status());
        l.setChainStatus(NdisStatus.CLOSING);
        assertEquals(NdisStatus.CLOSING, l.status());
    }

    @Test
    @DisplayName("N41 OidRequest: a null request type is refused naming it; lengths are unsigned 32-bit")
    void n41_oidRequest_nullTypeRefused_lengthsUnsigned() {
        assertEquals("requestType", assertThrows(NullPointerException.class,
                () -> new OidRequest(null, 1, 0, null, 0)).getMessage());
        OidRequest r = OidRequest.query(0xFFFFFFFF, -1, -1);
        assertEquals(-1, r.informationBufferLength());
        assertEquals("OidRequest[QUERY_INFORMATION 0xFFFFFFFF port 4294967295, -1 bytes]", r.toString());
        OidRequest s = OidRequest.set(1, Integer.MIN_VALUE, null, Integer.MAX_VALUE);
        assertNull(s.informationBuffer());
        assertEquals(Integer.MIN_VALUE, s.portNumber());
    }

    @Test
    @DisplayName("N41 StatusIndication holds any port, code, buffer and size: the runtime checks them (§6.4, R50)")
    void n41_statusIndication_anyValuesExpressible() {
        StatusIndication s = new StatusIndication(-1, Integer.MIN_VALUE, "not a port state", -1);
        assertEquals(-1, s.portNumber());
        assertEquals(-1, s.statusBufferSize());
    }
}
