package org.ndisport.ioport.space.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.io.IoDevice;
import org.ndisport.api.io.IoPortRange;
import org.ndisport.api.io.IoWidth;
import org.ndisport.ioport.space.internal.PortSpaceTest.Latches;

/**
 * Bad input to every {@code IoPortSpace} entry point: null callers, widths, names and devices; ports
 * negative, past 0xFFFF, Long.MIN/MAX; counts zero, negative and overflowing (D25, D27, D28, N24, N47).
 * After each, the claims and the bus are as before and a good access still works.
 */
class BadPortSpaceInputTest {
    private final PortSpace space = new PortSpace();
    private final RecordingCaller a = new RecordingCaller("A");
    private final Latches low = new Latches(0x0, 0x10);
    private final Latches high = new Latches(0xFFF0, 0x10);

    @BeforeEach
    void setUp() {
        space.attach("low", low);
        space.attach("high", high);
        for (int i = 0; i < 0x10; i++) {
            low.values[i] = (byte) (0x40 + i);
            high.values[i] = (byte) (0x80 + i);
        }
        assertEquals(NdisStatus.SUCCESS, space.register(a, 0x8, 8).status());
    }

    /** The claim of the set-up is unchanged and still serves its owner. */
    private void assertUnchanged() {
        assertEquals(List.of(new IoPortRange(0x8, 8)), space.claimsOf(a));
        assertEquals(1, space.claims().size());
        int before = a.records.size();
        assertEquals(0x48, space.read(a, 0x8, IoWidth.BYTE));
        assertEquals(before, a.records.size());
        assertEquals(0x40, space.busRead(0x0, IoWidth.BYTE), "the bus still decodes");
    }

    private static void assertNpeNaming(String argument, Executable call) {
        NullPointerException e = assertThrows(NullPointerException.class, call);
        assertTrue(e.getMessage() != null && e.getMessage().contains(argument), argument + ": " + e.getMessage());
    }

    @Test
    @DisplayName("a null caller throws NullPointerException naming caller at every entry point, before any effect")
    void nullCaller_throwsNamingCaller() {
        assertNpeNaming("caller", () -> space.register(null, 0x100, 4));
        assertNpeNaming("caller", () -> space.register(null, 0x100, 0));
        assertNpeNaming("caller", () -> space.deregister(null, 0x8, 8, 0x8));
        assertNpeNaming("caller", () -> space.read(null, 0x8, IoWidth.BYTE));
        assertNpeNaming("caller", () -> space.write(null, 0x8, IoWidth.BYTE, 0));
        assertNpeNaming("caller", () -> space.immediateRead(null, 0x100, IoWidth.BYTE));
        assertNpeNaming("caller", () -> space.immediateWrite(null, 0x8, IoWidth.BYTE, 0));
        assertNpeNaming("caller", () -> space.claimsOf(null));
        assertNpeNaming("caller", () -> space.releaseAll(null));
        assertEquals("", low.log.toString(), "the device saw nothing");
        assertUnchanged();
    }

    @Test
    @DisplayName("a null width throws NullPointerException naming width at every access, before any record or device access")
    void nullWidth_throwsNamingWidth() {
        assertNpeNaming("width", () -> space.read(a, 0x8, null));
        assertNpeNaming("width", () -> space.read(a, 0x100, null));
        assertNpeNaming("width", () -> space.write(a, 0x8, null, 0));
        assertNpeNaming("width", () -> space.immediateRead(a, 0x8, null));
        assertNpeNaming("width", () -> space.immediateWrite(a, 0x8, null, 0));
        assertNpeNaming("width", () -> space.busRead(0x0, null));
        assertNpeNaming("width", () -> space.busWrite(0x0, null, 0));
        assertEquals(List.of(), a.records);
        assertEquals("", low.log.toString());
        assertUnchanged();
    }

    @ParameterizedTest(name = "register({0}, count)")
    @ValueSource(ints = {-1, Integer.MIN_VALUE, Integer.MAX_VALUE, 0x10000, 0xFFFF})
    @DisplayName("D25 a base negative, past the space, or with a count overflowing 0x10000: FAILURE, no claim")
    void d25_badBaseOrOverflow_failure(int base) {
        for (int count : new int[] {0, 1, 2, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, 0x10000}) {
            boolean fits = base >= 0 && count > 0 && (long) base + count <= 0x10000;
            if (!fits) {
                assertEquals(NdisStatus.FAILURE, space.register(a, base, count).status(), base + " + " + count);
                assertEquals(0, space.register(a, base, count).portOffset());
            }
        }
        assertEquals(List.of(), a.records);
        assertUnchanged();
    }

    @Test
    @DisplayName("D24 the whole space (0 + 0x10000) overlaps the claim: RESOURCE_CONFLICT; the last port alone succeeds")
    void d24_wholeSpace_conflict() {
        assertEquals(NdisStatus.RESOURCE_CONFLICT, space.register(a, 0, 0x10000).status());
        assertEquals(NdisStatus.SUCCESS, space.register(a, 0xFFFF, 1).status());
        assertEquals(2, space.claimsOf(a).size());
    }

    @Test
    @DisplayName("D27 R67 R68 deregistering with negative, overflowing or Long.MIN/MAX arguments is recorded and changes nothing")
    void d27_badDeregister_recordedNoChange() {
        space.deregister(a, -1, 4, -1);
        space.deregister(a, Integer.MIN_VALUE, Integer.MIN_VALUE, Long.MIN_VALUE);
        space.deregister(a, 0x8, -1, 0x8);
        space.deregister(a, 0x8, 8, Long.MAX_VALUE);
        space.deregister(a, 0x8, 8, Long.MIN_VALUE);
        space.deregister(a, Integer.MAX_VALUE, Integer.MAX_VALUE, 0);
        space.deregister(a, 0xFFFF, 2, 0xFFFF);
        assertEquals(List.of("V R68", "V R68", "V R67", "V R67", "V R67", "V R68", "V R68"), a.records);
        a.records.clear();
        assertUnchanged();
    }

    @ParameterizedTest(name = "port {0}")
    @ValueSource(longs = {-1, -2, -3, -4, Long.MIN_VALUE, Long.MAX_VALUE, 0x10000, 0xFFFFFFFFL, Long.MAX_VALUE - 1})
    @DisplayName("N24 N47 an address outside 0..0xFFFF decodes to nothing, none of its bytes wrapping to port 0: all ones, dropped, D28")
    void n47_outsideTheSpace_nothingDecodes(long port) {
        assertEquals(0xFFFFFFFF, space.read(a, port, IoWidth.DWORD));
        assertEquals(0xFFFF, space.read(a, port, IoWidth.WORD));
        space.write(a, port, IoWidth.DWORD, 0);
        assertEquals(0xFFFFFFFF, space.immediateRead(a, port, IoWidth.DWORD));
        space.immediateWrite(a, port, IoWidth.DWORD, 0);
        assertEquals("", low.log.toString() + high.log.toString(), "no device was reached");
        assertEquals(List.of("W D28", "W D28", "W D28"), a.records, "raw calls: D28; immediate calls: nothing");
        a.records.clear();
        assertUnchanged();
    }

    @ParameterizedTest(name = "port {0}")
    @ValueSource(ints = {-1, -3, Integer.MIN_VALUE, Integer.MAX_VALUE, 0x10000})
    @DisplayName("N32 N47 tools' bus access outside the space reads all ones and writes nothing, none wrapping to port 0")
    void n47_busAccessOutside_nothingDecodes(int port) {
        assertEquals(0xFFFFFFFF, space.busRead(port, IoWidth.DWORD));
        space.busWrite(port, IoWidth.DWORD, 0);
        assertEquals("", low.log.toString() + high.log.toString());
        assertUnchanged();
    }

    @Test
    @DisplayName("D26 N24 an access at 0xFFFF of width 4: the byte at 0xFFFF is served, the three beyond read 0xFF")
    void n24_accessAtTheTop_beyondBytesAllOnes() {
        assertEquals(0xFFFFFF8F, space.busRead(0xFFFF, IoWidth.DWORD));
        space.busWrite(0xFFFF, IoWidth.DWORD, 0x11223344);
        assertEquals((byte) 0x44, high.values[0xF]);
        assertEquals(0, low.values[0] == 0x40 ? 0 : 1, "nothing wrapped to port 0");
    }

    @Test
    @DisplayName("attach: a null name or device throws naming it; nothing goes on the bus")
    void attach_nulls_throwNamingThem() {
        assertNpeNaming("name", () -> space.attach(null, new Latches(0x100, 1)));
        assertNpeNaming("device", () -> space.attach("x", null));
        assertEquals(2, space.decodes().size());
    }

    @Test
    @DisplayName("attach: a device with null or null-holding ranges throws IllegalArgumentException naming the device; nothing goes on the bus")
    void attach_badRanges_rejected() {
        IoDevice nullRanges = device(null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> space.attach("bad", nullRanges));
        assertTrue(e.getMessage().contains("bad"), e.getMessage());
        IoDevice nullInside = device(java.util.Arrays.asList(new IoPortRange(0x100, 1), null));
        assertThrows(IllegalArgumentException.class, () -> space.attach("bad2", nullInside));
        assertEquals(2, space.decodes().size());
        assertEquals(0xFF, space.busRead(0x100, IoWidth.BYTE));
    }

    @Test
    @DisplayName("attach: a second device of the same name on other addresses is attached; both are listed and each decodes its own")
    void attach_duplicateName_bothDecode() {
        Latches twin = new Latches(0x200, 2);
        space.attach("low", twin);
        assertEquals(List.of("low", "low", "high"), space.decodes().stream().map(d -> d.device()).toList());
        space.busWrite(0x200, IoWidth.BYTE, 0x5A);
        assertEquals((byte) 0x5A, twin.values[0]);
        assertEquals(0x40, space.busRead(0x0, IoWidth.BYTE));
    }

    @Test
    @DisplayName("claimsOf and releaseAll of a caller with no claims: nothing, and nobody else's claim moves")
    void unknownCaller_nothing() {
        RecordingCaller stranger = new RecordingCaller("A");
        assertEquals(List.of(), space.claimsOf(stranger));
        space.releaseAll(stranger);
        space.releaseAll(stranger);
        assertEquals(List.of(), stranger.records);
        assertUnchanged();
    }

    @Test
    @DisplayName("N24 a device that throws an Error (a bundle refreshed under it) from read or write reads as absent; nothing reaches the driver")
    void n24_deviceThrowingError_readsAsAbsent() {
        space.attach("broken", new Latches(0x400, 4) {
            @Override
            public int read(int port, IoWidth width) {
                throw new NoClassDefFoundError("org/acme/Gone");
            }

            @Override
            public void write(int port, IoWidth width, int value) {
                throw new AssertionError("broken");
            }
        });
        RecordingCaller b = new RecordingCaller("B");
        assertEquals(NdisStatus.SUCCESS, space.register(b, 0x400, 4).status());
        assertEquals(0xFFFF, space.read(b, 0x400, IoWidth.WORD));
        space.write(b, 0x401, IoWidth.BYTE, 1);
        assertEquals(0xFF, space.immediateRead(a, 0x500, IoWidth.BYTE));
        assertEquals(List.of(), b.records);
        space.releaseAll(b);
        assertUnchanged();
    }

    @Test
    @DisplayName("N24 a device that throws a RuntimeException from write: dropped, the bus goes on")
    void n24_deviceThrowingFromWrite_dropped() {
        space.attach("broken", new Latches(0x400, 4) {
            @Override
            public void write(int port, IoWidth width, int value) {
                throw new IllegalStateException("broken");
            }
        });
        space.busWrite(0x400, IoWidth.DWORD, 0x12345678);
        assertEquals(0, space.busRead(0x400, IoWidth.DWORD));
        assertUnchanged();
    }

    private static IoDevice device(List<IoPortRange> ranges) {
        return new IoDevice() {
            @Override
            public List<IoPortRange> decodedRanges() {
                return ranges;
            }

            @Override
            public int read(int port, IoWidth width) {
                return 0;
            }

            @Override
            public void write(int port, IoWidth width, int value) {
            }
        };
    }
}
