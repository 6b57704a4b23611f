package org.ndisport.ioport.device.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ndisport.api.io.IoDecode;
import org.ndisport.api.io.IoPortRange;
import org.ndisport.api.io.IoWidth;
import org.ndisport.ioport.ethernet.internal.Segments;
import org.ndisport.ioport.space.internal.PortSpace;

/** Devices built from configuration: types, resources, errors that name the property. */
class ConfiguredDeviceTest {
    private final PortSpace space = new PortSpace();
    private final Segments segments = new Segments();

    /** A configuration with the documented defaults, overridable per test. */
    static class Config implements DeviceConfiguration {
        String name = "nic0";
        String type = "ne2000";
        int base = 0x300;
        int length = 0x20;
        int irq = 10;
        String mac = "";

        @Override
        public Class<? extends Annotation> annotationType() {
            return DeviceConfiguration.class;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String type() {
            return type;
        }

        @Override
        public int io_base() {
            return base;
        }

        @Override
        public int io_length() {
            return length;
        }

        @Override
        public int irq() {
            return irq;
        }

        @Override
        public String hardware_id() {
            return "";
        }

        @Override
        public String mac() {
            return mac;
        }

        @Override
        public String segment() {
            return "lan0";
        }
    }

    @Test
    @DisplayName("an NE2000 configuration: on the bus at its base, hardware id ne2000, its range and irq as resources, MAC in the PROM")
    void ne2000_fromConfiguration() {
        Config c = new Config();
        c.mac = "02-00-00-00-00-2a";
        ConfiguredDevice d = new ConfiguredDevice(c, space, segments);
        assertEquals("ne2000", d.hardwareId());
        assertEquals(List.of(new IoPortRange(0x300, 0x20)), d.ioPorts());
        assertEquals(10, d.interruptLine());
        assertEquals(List.of(new IoDecode(new IoPortRange(0x300, 0x20), "nic0")), space.decodes());
        assertEquals(1, segments.segment("lan0").stations());
        space.busWrite(0x30E, IoWidth.BYTE, 0x48);
        space.busWrite(0x30A, IoWidth.BYTE, 12);
        space.busWrite(0x300, IoWidth.BYTE, 0x0A);
        byte[] prom = new byte[12];
        for (int i = 0; i < 12; i++) {
            prom[i] = (byte) space.busRead(0x310, IoWidth.BYTE);
        }
        assertEquals(0x2A, prom[10]);
        d.deactivate();
        assertEquals(List.of(), space.decodes());
        assertEquals(0, segments.segment("lan0").stations());
    }

    @Test
    @DisplayName("a latch device: no interrupt line, ports read back what was written")
    void latch_fromConfiguration() {
        Config c = new Config();
        c.type = "latch";
        c.base = 0x80;
        c.length = 4;
        ConfiguredDevice d = new ConfiguredDevice(c, space, segments);
        assertEquals(-1, d.interruptLine());
        space.busWrite(0x81, IoWidth.WORD, 0xBEEF);
        assertEquals(0xBEEF00, space.busRead(0x80, IoWidth.DWORD));
    }

    @Test
    @DisplayName("bad configurations fail with a message naming the property, and nothing is left on the bus")
    void badConfigurations_rejected() {
        Config unknown = new Config();
        unknown.type = "3c509";
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new ConfiguredDevice(unknown, space, segments))
                .getMessage().contains("unknown type '3c509'"));
        Config outside = new Config();
        outside.base = 0xFFF0;
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new ConfiguredDevice(outside, space, segments))
                .getMessage().contains("io.base"));
        Config shortNe2000 = new Config();
        shortNe2000.length = 0x10;
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new ConfiguredDevice(shortNe2000, space, segments))
                .getMessage().contains("io.length 32"));
        Config noName = new Config();
        noName.name = " ";
        assertThrows(IllegalArgumentException.class, () -> new ConfiguredDevice(noName, space, segments));
        Config badMac = new Config();
        badMac.mac = "02:00";
        assertThrows(IllegalArgumentException.class, () -> new ConfiguredDevice(badMac, space, segments));
        new ConfiguredDevice(new Config(), space, segments);
        Config clash = new Config();
        clash.name = "nic1";
        clash.base = 0x310;
        assertThrows(IllegalArgumentException.class, () -> new ConfiguredDevice(clash, space, segments));
        assertEquals(1, space.decodes().size());
    }
}
