package org.ndisport.api.port;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ndisport.api.io.IoPortRange;
import org.ndisport.api.io.IoWidth;

class PortStructuresTest {
    @Test
    @DisplayName("§6.1 bytes needed for an NDIS_PORT_ARRAY: 16 + 64 x ports")
    void portArraySizes() {
        assertEquals(16, NdisPortArray.bytesNeeded(0));
        assertEquals(16 + 64 * 3, NdisPortArray.bytesNeeded(3));
        NdisPortArray a = NdisPortArray.of(List.of(PortCharacteristics.forPort(0)));
        assertEquals(1, a.numberOfPorts());
        assertEquals(16, a.offsetFirstPort());
        assertEquals(64, a.elementSize());
        assertEquals(80, a.header().size());
    }

    @Test
    @DisplayName("§1.4 port types: values 0-5, Bridge and NdisImPlatform reserved (R10)")
    void r10_portTypes() {
        assertEquals(5, PortType.MAX.value());
        assertEquals(List.of(PortType.BRIDGE, PortType.NDIS_IM_PLATFORM),
                List.of(PortType.values()).stream().filter(PortType::isReserved).toList());
        assertEquals(PortType.RAS_CONNECTION, PortType.fromValue(2).orElseThrow());
    }

    @Test
    @DisplayName("§5 I/O widths read all ones when nothing decodes; ranges stay inside 64 KiB")
    void ioValues() {
        assertEquals(0xFF, IoWidth.BYTE.allOnes());
        assertEquals(0xFFFF, IoWidth.WORD.allOnes());
        assertEquals(0xFFFFFFFF, IoWidth.DWORD.allOnes());
        IoPortRange r = new IoPortRange(0x300, 0x20);
        assertEquals("0300-031f", r.toString());
        assertEquals(true, r.containsAll(0x31E, 2));
        assertEquals(false, r.containsAll(0x31F, 2));
        assertThrows(IllegalArgumentException.class, () -> new IoPortRange(0xFFFF, 2));
        assertThrows(IllegalArgumentException.class, () -> new IoPortRange(0x300, 0));
    }
}
