package org.ndisport.core.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Which driver drives which hardware id; the lifecycle is tested in Felix (ioport-hw's DevicesInFelixIT). */
class HardwareAdaptersTest {
    @Test
    @DisplayName("ndisport.hardware.ids as a String, String[] or collection (or absent), compared case-insensitively")
    void drives_matchesHardwareIds() {
        assertTrue(HardwareAdapters.drives("ne2000", "NE2000"));
        assertTrue(HardwareAdapters.drives(new String[] {"x", "PCI\\VEN_10EC&DEV_8029"},
                "pci\\ven_10ec&dev_8029"));
        assertTrue(HardwareAdapters.drives(List.of("a", "b"), "b"));
        assertFalse(HardwareAdapters.drives("ne2000", "ne2000x"));
        assertFalse(HardwareAdapters.drives(null, "ne2000"));
    }
}
