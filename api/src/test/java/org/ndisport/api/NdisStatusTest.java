package org.ndisport.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class NdisStatusTest {
    @Test
    @DisplayName("§1.6 every status code with its NDIS numeric value (plus ADAPTER_NOT_FOUND, which drivers return, and PAUSED, N37)")
    void everyCodeHasItsSpecValue() {
        Map<NdisStatus, Integer> spec = Map.ofEntries(Map.entry(NdisStatus.SUCCESS, 0x00000000),
                Map.entry(NdisStatus.PENDING, 0x00000103), Map.entry(NdisStatus.FAILURE, 0xC0000001),
                Map.entry(NdisStatus.INVALID_PARAMETER, 0xC000000D), Map.entry(NdisStatus.RESOURCES, 0xC000009A),
                Map.entry(NdisStatus.NOT_SUPPORTED, 0xC00000BB), Map.entry(NdisStatus.CLOSING, 0xC0010002),
                Map.entry(NdisStatus.BAD_VERSION, 0xC0010004), Map.entry(NdisStatus.ADAPTER_NOT_FOUND, 0xC0010006),
                Map.entry(NdisStatus.INVALID_DATA, 0xC0010015),
                Map.entry(NdisStatus.BUFFER_TOO_SHORT, 0xC0010016),
                Map.entry(NdisStatus.RESOURCE_CONFLICT, 0xC001001E), Map.entry(NdisStatus.PAUSED, 0xC023002A),
                Map.entry(NdisStatus.INVALID_PORT, 0xC023002D),
                Map.entry(NdisStatus.INVALID_PORT_STATE, 0xC023002E), Map.entry(NdisStatus.PORT_STATE, 0x40010022));
        assertEquals(spec.size(), NdisStatus.values().length);
        spec.forEach((status, code) -> {
            assertEquals(code, status.code(), status.name());
            assertEquals(status, NdisStatus.fromCode(code).orElseThrow());
        });
    }

    @Test
    void printedWithNameAndCode() {
        assertEquals("NDIS_STATUS_INVALID_PORT (0xC023002D)", NdisStatus.INVALID_PORT.toString());
    }

    @Test
    void parsedWithOrWithoutPrefix() {
        assertEquals(NdisStatus.INVALID_PORT_STATE, NdisStatus.fromName("invalid_port_state").orElseThrow());
        assertEquals(NdisStatus.CLOSING, NdisStatus.fromName("NDIS_STATUS_CLOSING").orElseThrow());
        assertTrue(NdisStatus.fromName("NOPE").isEmpty());
        assertTrue(NdisStatus.fromCode(0x12345).isEmpty());
    }

    @Test
    void errorSeverityIsNotSuccess() {
        assertTrue(NdisStatus.SUCCESS.isSuccess());
        assertTrue(NdisStatus.PENDING.isSuccess());
        assertTrue(NdisStatus.PORT_STATE.isSuccess());
        assertFalse(NdisStatus.INVALID_PORT.isSuccess());
        assertFalse(NdisStatus.FAILURE.isSuccess());
    }
}
