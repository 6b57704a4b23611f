package org.ndisport.core.adapter.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.ndisport.core.adapter.internal.PortEventTestSupport.assertNoRecords;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.io.IoPortRangeResult;
import org.ndisport.api.miniport.HaltAction;
import org.ndisport.api.miniport.MiniportAttributes;
import org.ndisport.api.miniport.NdisMiniportHandle;

/**
 * Bad arguments to the engine's side of the I/O port calls (spec §5, N9, N24): the engine checks phase,
 * IRQL and buffers (R73, D29) and passes addresses and ranges to the I/O port space unchanged, which
 * judges them (ioport-hw's own tests cover its answers).
 */
class BadIoInputTest {
    private final EngineFixture fx = new EngineFixture();
    private final ScriptedMiniport m = new ScriptedMiniport();
    private final FakeIoPortSpace io = new FakeIoPortSpace();

    private NdisMiniportHandle operational() {
        fx.context.ioPortSpace(io);
        fx.initialized("A", m);
        return m.handle;
    }

    @ParameterizedTest(name = "initial {0}, count {1}")
    @CsvSource({"-1, 1", "0, 0", "65535, 2", "2147483647, 2147483647", "-2147483648, -1", "768, -1"})
    @DisplayName("N9 D25 registration of any odd range without an I/O port space: FAILURE after the phase checks, no record")
    void n9_oddRangesWithoutSpace_failure(int initial, int count) {
        IoPortRangeResult[] result = new IoPortRangeResult[1];
        m.onInitialize = h -> {
            h.setMiniportAttributes(MiniportAttributes.registration());
            result[0] = h.registerIoPortRange(initial, count);
            return NdisStatus.SUCCESS;
        };
        fx.initialized("A", m);
        assertEquals(NdisStatus.FAILURE, result[0].status());
        assertEquals(java.util.List.of("R65"), fx.ruleIds(), "only the warning for succeeding after it");
    }

    @Test
    @DisplayName("R68 deregistering ranges never registered, twice, or without a space: R68 each, nothing released")
    void r68_deregisterNeverRegistered_recorded() {
        m.onInitialize = h -> {
            h.setMiniportAttributes(MiniportAttributes.registration());
            h.deregisterIoPortRange(0x300, 0x20, 0x300);
            h.deregisterIoPortRange(-1, -1, -1);
            return NdisStatus.SUCCESS;
        };
        fx.initialized("A", m);
        assertEquals(List.of("R68", "R68"), fx.ruleIds());
        m.handle.deregisterIoPortRange(0x300, 0x20, 0x300);
        assertEquals(List.of("R68", "R68", "R68"), fx.ruleIds(), "in P2 the phase check records R68 first");
    }

    @ParameterizedTest(name = "port {0}")
    @CsvSource({"-1", "65536", "9223372036854775807", "-9223372036854775808", "4294967296"})
    @DisplayName("N24 raw and immediate access to addresses outside 0..0xFFFF reach the space unchanged; no provider: all ones")
    void n24_addressesOutsideIoSpace_passedUnchanged(long port) {
        NdisMiniportHandle h = operational();
        assertEquals(0x5A, h.rawReadPortUchar(port));
        assertEquals(0x5A, h.immediateReadPortUlong(port));
        h.rawWritePortUshort(port, -1);
        h.immediateWritePortUchar(port, Integer.MIN_VALUE);
        assertEquals(List.of("read BYTE " + port, "immediateRead DWORD " + port, "write WORD " + port + " -1",
                "immediateWrite BYTE " + port + " " + Integer.MIN_VALUE), io.calls);
        fx.context.ioPortSpace(null);
        assertEquals(0xFF, h.rawReadPortUchar(port));
        assertEquals(0xFFFF, h.immediateReadPortUshort(port));
        assertEquals(0xFFFFFFFF, h.rawReadPortUlong(port));
        h.rawWritePortUlong(port, 1);
        assertNoRecords(fx);
    }

    @ParameterizedTest(name = "offset {0}, length {1} in 4 elements")
    @CsvSource({"-1, 1", "0, 5", "4, 1", "3, 2", "2147483647, 1", "1, -1", "0, -2147483648", "-2147483648, 2147483647"})
    @DisplayName("R73 buffer calls whose buffer cannot hold length elements: R73 each, no access, buffer untouched")
    void r73_bufferTooSmall_recordedNoAccess(int offset, int length) {
        NdisMiniportHandle h = operational();
        byte[] b = {1, 2, 3, 4};
        short[] s = {1, 2, 3, 4};
        int[] i = {1, 2, 3, 4};
        h.rawReadPortBufferUchar(0x300, b, offset, length);
        h.rawReadPortBufferUshort(0x300, s, offset, length);
        h.rawReadPortBufferUlong(0x300, i, offset, length);
        h.rawWritePortBufferUchar(0x300, b, offset, length);
        h.rawWritePortBufferUshort(0x300, s, offset, length);
        h.rawWritePortBufferUlong(0x300, i, offset, length);
        assertEquals(List.of("R73", "R73", "R73", "R73", "R73", "R73"), fx.ruleIds());
        assertEquals(List.of(), io.calls);
        assertArrayEquals(new byte[] {1, 2, 3, 4}, b);
        assertArrayEquals(new short[] {1, 2, 3, 4}, s);
        assertArrayEquals(new int[] {1, 2, 3, 4}, i);
    }

    @Test
    @DisplayName("D29 R73 a null buffer throws naming it when length is not 0; length 0 is no access and no check")
    void d29_nullBuffer() {
        NdisMiniportHandle h = operational();
        assertEquals("buffer", assertThrows(NullPointerException.class,
                () -> h.rawReadPortBufferUchar(0x300, null, 0, 1)).getMessage());
        assertEquals("buffer", assertThrows(NullPointerException.class,
                () -> h.rawWritePortBufferUlong(0x300, null, -1, -1)).getMessage());
        h.rawReadPortBufferUshort(0x300, null, -5, 0);
        h.rawWritePortBufferUchar(Long.MIN_VALUE, null, Integer.MIN_VALUE, 0);
        assertEquals(List.of(), io.calls);
        assertNoRecords(fx);
        byte[] b = new byte[2];
        h.rawReadPortBufferUchar(0x300, b, 1, 1);
        assertArrayEquals(new byte[] {0, 0x5A}, b, "a good call afterwards reads into the right element");
    }

    @Test
    @DisplayName("R62 R68 I/O calls on a stale handle: registration FAILURE with R62, deregistration R68, reads still answer")
    void r62_staleHandle_recorded() {
        fx.context.ioPortSpace(io);
        AdapterRuntime a = fx.initialized("A", m);
        a.halt(HaltAction.DEVICE_DISABLED);
        io.calls.clear();
        NdisMiniportHandle h = m.handle;
        assertEquals(NdisStatus.FAILURE, h.registerIoPortRange(0x300, 0x20).status());
        h.deregisterIoPortRange(0x300, 0x20, 0x300);
        assertEquals(List.of("R62", "R68"), fx.ruleIds());
        assertEquals(0x5A, h.rawReadPortUchar(0x300));
        assertEquals(List.of("read BYTE 768"), io.calls);
    }
}
