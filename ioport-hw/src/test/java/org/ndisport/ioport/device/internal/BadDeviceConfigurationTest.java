package org.ndisport.ioport.device.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ndisport.api.io.IoPortRange;
import org.ndisport.api.io.IoWidth;
import org.ndisport.ioport.device.internal.ConfiguredDeviceTest.Config;
import org.ndisport.ioport.ethernet.internal.Segments;
import org.ndisport.ioport.space.internal.PortSpace;

/**
 * Device configurations from ConfigAdmin with bad values (the table under "I/O ports and emulated
 * hardware", N46): each fails activation with IllegalArgumentException naming the property, and nothing
 * is put on the bus or the wire.
 */
class BadDeviceConfigurationTest {
    private final PortSpace space = new PortSpace();
    private final Segments segments = new Segments();

    @AfterEach
    void goodOneStillWorks() {
        int decodes = space.decodes().size();
        Config good = new Config();
        good.name = "good";
        good.base = 0x340;
        ConfiguredDevice d = new ConfiguredDevice(good, space, segments);
        assertEquals(decodes + 1, space.decodes().size(), "a good configuration still gets its device");
        d.deactivate();
    }

    /** Builds a device from a default configuration changed by {@code change}; expects failure naming {@code property}. */
    private void assertRejected(String property, Consumer<Config> change) {
        Config c = new Config();
        change.accept(c);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ConfiguredDevice(c, space, segments));
        assertTrue(e.getMessage().contains(property), property + ": " + e.getMessage());
        assertEquals(List.of(), space.decodes(), "nothing on the bus");
        assertEquals(0, segments.all().stream().mapToInt(s -> s.stations()).sum(), "nothing on the wire");
    }

    @ParameterizedTest(name = "io.base {0}")
    @ValueSource(ints = {-1, Integer.MIN_VALUE, Integer.MAX_VALUE, 0x10000, 0xFFF0, 0xFFE1})
    @DisplayName("io.base negative, past 0xFFFF, or with its 32 ports running past it: refused naming io.base")
    void ioBaseOutOfRange_refused(int base) {
        assertRejected("io.base", c -> c.base = base);
    }

    @ParameterizedTest(name = "io.length {0}")
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, 0x10001})
    @DisplayName("io.length zero, negative or larger than the space: refused naming io.length, for a latch too")
    void ioLengthOutOfRange_refused(int length) {
        assertRejected("io.length", c -> c.length = length);
        assertRejected("io.length", c -> {
            c.type = "latch";
            c.base = 0;
            c.length = length;
        });
    }

    @ParameterizedTest(name = "irq {0}")
    @ValueSource(ints = {-2, 256, Integer.MIN_VALUE, Integer.MAX_VALUE})
    @DisplayName("irq outside -1..255: refused naming irq")
    void irqOutOfRange_refused(int irq) {
        assertRejected("irq", c -> c.irq = irq);
    }

    @ParameterizedTest(name = "type ''{0}''")
    @ValueSource(strings = {"", " ", "3c509", "ne2000x", "latch;ne2000"})
    @DisplayName("an unknown or empty type: refused naming the type")
    void unknownType_refused(String type) {
        assertRejected("unknown type", c -> c.type = type);
    }

    @Test
    @DisplayName("the type is read without case or surrounding blanks")
    void typeCaseAndBlanks_accepted() {
        Config c = new Config();
        c.type = "  NE2000 ";
        ConfiguredDevice d = new ConfiguredDevice(c, space, segments);
        assertEquals("ne2000", d.hardwareId());
        d.deactivate();
    }

    @Test
    @DisplayName("a missing or blank name: refused naming name")
    void missingName_refused() {
        assertRejected("name", c -> c.name = null);
        assertRejected("name", c -> c.name = "\t");
    }

    @ParameterizedTest(name = "mac ''{0}''")
    @ValueSource(strings = {"02:00", "zz:00:00:00:00:00", "02:00:00:00:00:0g", "+2:00:00:00:00:01", "002:00:00:00:00:01",
        "02:00:00:00:00:01:07", "02::00:00:00:00", "2:0:0:0:0:1", "0200.0000.0001", "02:00:00:00:00:-1",
        "01:00:5e:00:00:01", "ff:ff:ff:ff:ff:ff"})
    @DisplayName("N46 a malformed MAC, or a group address as the station address: refused naming mac")
    void n46_malformedMac_refused(String mac) {
        assertRejected("mac", c -> c.mac = mac);
    }

    @Test
    @DisplayName("N46 a well-formed MAC with dashes, upper case and blanks around it is accepted")
    void n46_wellFormedMac_accepted() {
        Config c = new Config();
        c.mac = " 02-AB-cd-00-00-2A ";
        ConfiguredDevice d = new ConfiguredDevice(c, space, segments);
        assertEquals(1, space.decodes().size());
        d.deactivate();
    }

    @Test
    @DisplayName("a device overlapping another device's range: refused naming io.base; the first is untouched")
    void overlappingDevices_refused() {
        Config first = new Config();
        first.type = "latch";
        first.base = 0x200;
        first.length = 8;
        ConfiguredDevice d = new ConfiguredDevice(first, space, segments);
        space.busWrite(0x207, IoWidth.BYTE, 0x5A);
        Config clash = new Config();
        clash.name = "clash";
        clash.base = 0x1E8;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ConfiguredDevice(clash, space, segments));
        assertTrue(e.getMessage().contains("io.base"), e.getMessage());
        assertEquals(List.of(new IoPortRange(0x200, 8)), space.decodes().stream().map(x -> x.range()).toList());
        assertEquals(0x5A, space.busRead(0x207, IoWidth.BYTE));
        assertEquals(0, segments.all().stream().mapToInt(s -> s.stations()).sum(), "the refused NE2000 never plugged in");
        d.deactivate();
    }

    @Test
    @DisplayName("a latch over the whole space (io.base 0, io.length 65536) is a valid, if greedy, device")
    void latchOverWholeSpace_accepted() {
        Config c = new Config();
        c.type = "latch";
        c.base = 0;
        c.length = 0x10000;
        ConfiguredDevice d = new ConfiguredDevice(c, space, segments);
        space.busWrite(0xFFFF, IoWidth.BYTE, 7);
        assertEquals(7, space.busRead(0xFFFF, IoWidth.BYTE));
        assertEquals(-1, d.interruptLine());
        d.deactivate();
        assertEquals(List.of(), space.decodes());
    }
}
