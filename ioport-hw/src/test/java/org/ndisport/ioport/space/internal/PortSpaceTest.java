package org.ndisport.ioport.space.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.io.IoAttachment;
import org.ndisport.api.io.IoClaim;
import org.ndisport.api.io.IoDecode;
import org.ndisport.api.io.IoDevice;
import org.ndisport.api.io.IoPortRange;
import org.ndisport.api.io.IoPortRangeResult;
import org.ndisport.api.io.IoWidth;

/** Claims, conflicts and access resolution of the I/O port space (spec §5.1, §5.2, §5.4, D24-D28). */
class PortSpaceTest {
    private final PortSpace space = new PortSpace();
    private final RecordingCaller a = new RecordingCaller("A");
    private final RecordingCaller b = new RecordingCaller("B");
    private final Latches latches = new Latches(0x300, 0x40);

    /** Byte latches at [base, base + count) that log each access. */
    static class Latches implements IoDevice {
        final byte[] values;
        final StringBuilder log = new StringBuilder();
        private final IoPortRange range;

        Latches(int base, int count) {
            range = new IoPortRange(base, count);
            values = new byte[count];
        }

        @Override
        public List<IoPortRange> decodedRanges() {
            return List.of(range);
        }

        @Override
        public int read(int port, IoWidth width) {
            log.append("r").append(width.bytes()).append('@').append(Integer.toHexString(port)).append(' ');
            int v = 0;
            for (int i = 0; i < width.bytes(); i++) {
                v |= (values[port - range.base() + i] & 0xFF) << (8 * i);
            }
            return v;
        }

        @Override
        public void write(int port, IoWidth width, int value) {
            log.append("w").append(width.bytes()).append('@').append(Integer.toHexString(port)).append(' ');
            for (int i = 0; i < width.bytes(); i++) {
                values[port - range.base() + i] = (byte) (value >>> (8 * i));
            }
        }
    }

    @BeforeEach
    void attach() {
        space.attach("latches", latches);
        for (int i = 0; i < latches.values.length; i++) {
            latches.values[i] = (byte) (0x10 + i);
        }
    }

    private IoPortRangeResult register(RecordingCaller c, int base, int count) {
        return space.register(c, base, count);
    }

    @Test
    @DisplayName("D26 §5.1 row 5 registration: SUCCESS with PortOffset equal to InitialPort; the claim is listed /proc/ioports style")
    void d26_registerSuccess_offsetIsInitialPort() {
        IoPortRangeResult r = register(a, 0x300, 0x20);
        assertEquals(NdisStatus.SUCCESS, r.status());
        assertEquals(0x300, r.portOffset());
        assertEquals(List.of(new IoPortRange(0x300, 0x20)), space.claimsOf(a));
        assertEquals(List.of(new IoClaim(new IoPortRange(0x300, 0x20), "A", "latches")), space.claims());
        assertEquals("0300-031f : A (latches)", space.claims().get(0).toString());
        assertEquals(List.of(), a.records);
    }

    @Test
    @DisplayName("D24 several disjoint ranges per adapter; any overlap, own ranges included, is RESOURCE_CONFLICT")
    void d24_overlap_resourceConflict() {
        assertEquals(NdisStatus.SUCCESS, register(a, 0x300, 0x10).status());
        assertEquals(NdisStatus.SUCCESS, register(a, 0x310, 0x10).status());
        assertEquals(NdisStatus.RESOURCE_CONFLICT, register(a, 0x30F, 1).status());
        assertEquals(NdisStatus.RESOURCE_CONFLICT, register(b, 0x2F0, 0x11).status());
        assertEquals(NdisStatus.RESOURCE_CONFLICT, register(b, 0x300, 0x10).status());
        assertEquals(0, register(b, 0x300, 0x10).portOffset());
        assertEquals(NdisStatus.SUCCESS, register(b, 0x320, 0x20).status());
        assertEquals(List.of("A", "A", "B"), space.claims().stream().map(IoClaim::adapter).toList());
        assertEquals(List.of(), a.records);
        assertEquals(List.of(), b.records);
    }

    @Test
    @DisplayName("D25 NumberOfPorts 0, InitialPort < 0, past 0x10000 (unsigned count) or outside the assigned resources: FAILURE")
    void d25_invalidRanges_failure() {
        assertEquals(NdisStatus.FAILURE, register(a, 0x300, 0).status());
        assertEquals(NdisStatus.FAILURE, register(a, -1, 4).status());
        assertEquals(NdisStatus.FAILURE, register(a, 0xFFF0, 0x11).status());
        assertEquals(NdisStatus.FAILURE, register(a, 0x10, -1).status());
        assertEquals(NdisStatus.SUCCESS, register(a, 0xFFF0, 0x10).status());
        RecordingCaller withResources = new RecordingCaller("C", List.of(new IoPortRange(0x340, 0x20)), false);
        assertEquals(NdisStatus.FAILURE, space.register(withResources, 0x33F, 2).status());
        assertEquals(NdisStatus.FAILURE, space.register(withResources, 0x350, 0x11).status());
        assertEquals(NdisStatus.SUCCESS, space.register(withResources, 0x344, 4).status());
        assertEquals(List.of(new IoPortRange(0xFFF0, 0x10)), space.claimsOf(a));
        assertEquals(List.of(), a.records);
    }

    @Test
    @DisplayName("D27 R67 deregistering a sub-range or with another PortOffset: violation R67, claim kept")
    void d27_r67_mismatchedDeregister_noStateChange() {
        register(a, 0x300, 0x20);
        space.deregister(a, 0x300, 0x10, 0x300);
        space.deregister(a, 0x300, 0x20, 0x301);
        space.deregister(a, 0x2FF, 0x21, 0x2FF);
        assertEquals(List.of("V R67", "V R67", "V R67"), a.records);
        assertEquals(List.of(new IoPortRange(0x300, 0x20)), space.claimsOf(a));
    }

    @Test
    @DisplayName("N60 D27 R67 deregistering 0 ports at the registered base or inside the range names that range: R67, claim kept")
    void n60_emptyDeregisterInsideRange_r67() {
        register(a, 0x300, 0x20);
        space.deregister(a, 0x300, 0, 0x300);
        space.deregister(a, 0x310, 0, 0x310);
        space.deregister(a, 0x320, 0, 0x320);
        assertEquals(List.of("V R67", "V R67", "V R68"), a.records);
        assertEquals(List.of(new IoPortRange(0x300, 0x20)), space.claimsOf(a));
    }

    @Test
    @DisplayName("D27 R68 deregistering a range never registered, another adapter's, or twice: violation R68, no change")
    void d27_r68_deregisterUnknownOrTwice_noStateChange() {
        register(b, 0x320, 0x10);
        space.deregister(a, 0x300, 0x20, 0x300);
        space.deregister(a, 0x320, 0x10, 0x320);
        register(a, 0x300, 0x20);
        space.deregister(a, 0x300, 0x20, 0x300);
        space.deregister(a, 0x300, 0x20, 0x300);
        space.deregister(a, 0x300, 0, 0x300);
        assertEquals(List.of("V R68", "V R68", "V R68", "V R68"), a.records);
        assertEquals(List.of(new IoPortRange(0x320, 0x10)), space.claimsOf(b));
    }

    @Test
    @DisplayName("R69 deregistering the exact range releases the claim; a later access is served as unclaimed with violation R69 only")
    void r69_accessAfterDeregistration_servedAsUnclaimed() {
        register(a, 0x300, 0x20);
        space.deregister(a, 0x300, 0x20, 0x300);
        assertEquals(List.of(), space.claimsOf(a));
        assertEquals(0x13, space.read(a, 0x303, IoWidth.BYTE));
        space.write(a, 0x303, IoWidth.BYTE, 0x99);
        assertEquals((byte) 0x99, latches.values[3]);
        assertEquals(List.of("V R69", "V R69"), a.records);
        assertEquals(NdisStatus.SUCCESS, register(b, 0x300, 0x20).status());
        assertEquals(0xFF, space.read(a, 0x303, IoWidth.BYTE));
        assertEquals(List.of("V R69", "V R69", "V R72"), a.records);
    }

    @Test
    @DisplayName("R72 D28 another adapter's claimed ports: reads all ones at every width, writes dropped, violation R72")
    void r72_otherAdaptersClaim_refused() {
        register(b, 0x300, 0x20);
        assertEquals(0xFF, space.read(a, 0x300, IoWidth.BYTE));
        assertEquals(0xFFFF, space.read(a, 0x300, IoWidth.WORD));
        assertEquals(0xFFFFFFFF, space.read(a, 0x31E, IoWidth.DWORD));
        space.write(a, 0x301, IoWidth.BYTE, 0);
        assertEquals("", latches.log.toString());
        assertEquals((byte) 0x11, latches.values[1]);
        assertEquals(List.of("V R72", "V R72", "V R72", "V R72"), a.records);
    }

    @Test
    @DisplayName("R72 FAIL_FAST: a straddling write throws before any byte reaches the device")
    void r72_failFast_noAccess() {
        RecordingCaller strict = new RecordingCaller("S", List.of(), true);
        register(strict, 0x300, 0x20);
        assertThrows(IllegalStateException.class, () -> space.write(strict, 0x31F, IoWidth.WORD, 0xBBAA));
        assertThrows(IllegalStateException.class, () -> space.immediateWrite(strict, 0x300, IoWidth.BYTE, 0));
        assertEquals("", latches.log.toString());
        assertEquals((byte) 0x2F, latches.values[0x1F]);
        assertEquals(List.of("V R72", "V R66"), strict.records);
    }

    @Test
    @DisplayName("R69 §5.4 row 3 before row 4: formerly owned and own bytes in one access give row 4's bytes and record R69 only")
    void r69_formerAndOwnBytes_row4BytesR69Only() {
        register(a, 0x300, 0x10);
        register(a, 0x310, 0x10);
        space.deregister(a, 0x310, 0x10, 0x310);
        assertEquals(0xFFFF1F1E, space.read(a, 0x30E, IoWidth.DWORD));
        assertEquals(List.of("V R69"), a.records);
        register(b, 0x310, 0x10);
        assertEquals(0xFFFFFFFF, space.read(a, 0x30E, IoWidth.DWORD));
        assertEquals(List.of("V R69", "V R72"), a.records);
    }

    @Test
    @DisplayName("D26 R72 an access straddling the end of the caller's range: inside bytes served, outside bytes 0xFF / dropped")
    void d26_straddle_insideBytesOnly() {
        register(a, 0x300, 0x20);
        assertEquals(0xFFFF2F2E, space.read(a, 0x31E, IoWidth.DWORD));
        space.write(a, 0x31F, IoWidth.WORD, 0xBBAA);
        assertEquals((byte) 0xAA, latches.values[0x1F]);
        assertEquals((byte) 0x30, latches.values[0x20]);
        assertEquals(List.of("V R72", "V R72"), a.records);
    }

    @Test
    @DisplayName("D26 an access across two adjacent ranges of the caller is not inside one range: violation R72, bytes served")
    void d26_acrossTwoOwnRanges_r72() {
        register(a, 0x300, 0x10);
        register(a, 0x310, 0x10);
        assertEquals(0x201F, space.read(a, 0x30F, IoWidth.WORD));
        assertEquals(List.of("V R72"), a.records);
    }

    @Test
    @DisplayName("D28 unclaimed ports are served by the decoding device with warning D28; nothing decodes: all ones, dropped")
    void d28_unclaimed_servedWithWarning() {
        assertEquals(0x13121110, space.read(a, 0x300, IoWidth.DWORD));
        space.write(a, 0x302, IoWidth.WORD, 0xBEEF);
        assertEquals(0xBEEF, space.read(a, 0x302, IoWidth.WORD));
        assertEquals(0xFF, space.read(a, 0x100, IoWidth.BYTE));
        assertEquals(0xFFFF, space.read(a, 0x100, IoWidth.WORD));
        assertEquals(0xFFFFFFFF, space.read(a, 0x100, IoWidth.DWORD));
        space.write(a, 0x100, IoWidth.DWORD, 0);
        assertEquals(0xFF, space.read(a, 0x12345, IoWidth.BYTE));
        assertEquals(List.of("W D28", "W D28", "W D28", "W D28", "W D28", "W D28", "W D28", "W D28"), a.records);
    }

    @Test
    @DisplayName("D26 own range: one device access per raw access, no record, at 8, 16 and 32 bits")
    void d26_ownRange_directAccess() {
        register(a, 0x300, 0x20);
        assertEquals(0x10, space.read(a, 0x300, IoWidth.BYTE));
        assertEquals(0x1211, space.read(a, 0x301, IoWidth.WORD));
        assertEquals(0x17161514, space.read(a, 0x304, IoWidth.DWORD));
        space.write(a, 0x308, IoWidth.DWORD, 0xCAFEBABE);
        assertEquals(0xCAFEBABE, space.read(a, 0x308, IoWidth.DWORD));
        assertEquals("r1@300 r2@301 r4@304 w4@308 r4@308 ", latches.log.toString());
        assertEquals(List.of(), a.records);
    }

    @Test
    @DisplayName("D28 a word read at an address half decoded is split into byte accesses, the undecoded byte 0xFF")
    void d28_partlyDecoded_splitIntoBytes() {
        assertEquals(0x10FF, space.read(a, 0x2FF, IoWidth.WORD));
        assertEquals("r1@300 ", latches.log.toString());
    }

    @Test
    @DisplayName("R66 an NdisImmediate access on the caller's own range: violation R66, still performed; unclaimed: no record; another's claim: refused, N22")
    void r66_immediateOnOwnRange_recorded() {
        assertEquals(0x10, space.immediateRead(a, 0x300, IoWidth.BYTE));
        assertEquals(List.of(), a.records);
        register(a, 0x300, 0x20);
        assertEquals(0x10, space.immediateRead(a, 0x300, IoWidth.BYTE));
        space.immediateWrite(a, 0x301, IoWidth.BYTE, 0x77);
        assertEquals((byte) 0x77, latches.values[1]);
        assertEquals(List.of("V R66", "V R66"), a.records);
        assertEquals(0xFF, space.immediateRead(b, 0x300, IoWidth.BYTE));
        assertEquals(List.of("V N22"), b.records);
    }

    @Test
    @DisplayName("R70 R69 releaseAll drops the instance's claims without records; its stale handle still gets R69, a new adapter of the same name D28")
    void r70_releaseAll_keyedByInstance() {
        register(a, 0x300, 0x10);
        register(a, 0x310, 0x10);
        space.deregister(a, 0x310, 0x10, 0x310);
        space.releaseAll(a);
        assertEquals(List.of(), space.claimsOf(a));
        assertEquals(List.of(), space.claims());
        assertEquals(0x25, space.read(a, 0x315, IoWidth.BYTE));
        assertEquals(List.of("V R69"), a.records);
        RecordingCaller again = new RecordingCaller("A");
        space.read(again, 0x315, IoWidth.BYTE);
        assertEquals(List.of("W D28"), again.records);
        assertEquals(NdisStatus.SUCCESS, register(again, 0x300, 0x10).status());
        assertEquals(0xFF, space.read(a, 0x300, IoWidth.BYTE));
        assertEquals(List.of("V R69", "V R72"), a.records);
    }

    @Test
    @DisplayName("a device may not decode addresses another device decodes; detaching frees them")
    void attach_overlap_rejected() {
        Latches other = new Latches(0x33F, 2);
        assertThrows(IllegalArgumentException.class, () -> space.attach("other", other));
        assertEquals(List.of(new IoDecode(new IoPortRange(0x300, 0x40), "latches")), space.decodes());
        IoAttachment att = space.attach("other", new Latches(0x340, 2));
        assertEquals(2, space.decodes().size());
        att.close();
        att.close();
        assertEquals(0xFF, space.busRead(0x340, IoWidth.BYTE));
        assertEquals(0x10, space.busRead(0x300, IoWidth.BYTE));
    }

    @Test
    @DisplayName("a device that throws reads as absent and never passes its failure to the driver")
    void throwingDevice_readsAllOnes() {
        space.attach("broken", new Latches(0x400, 4) {
            @Override
            public int read(int port, IoWidth width) {
                throw new IllegalStateException("broken");
            }
        });
        assertEquals(0xFFFF, space.busRead(0x400, IoWidth.WORD));
        assertTrue(space.decodes().size() == 2);
    }

    @Test
    @DisplayName("R72 bus access by tools: a claimed address reads all ones and takes no write; unclaimed ones are served")
    void r72_busAccess_refusedOnClaimedAddresses() {
        register(a, 0x310, 4);
        String before = latches.log.toString();
        assertEquals(0xFF, space.busRead(0x310, IoWidth.BYTE));
        assertEquals(0xFFFFFFFF, space.busRead(0x30E, IoWidth.DWORD), "straddling into the claim");
        space.busWrite(0x313, IoWidth.BYTE, 0x99);
        space.busWrite(0x30F, IoWidth.WORD, 0x9999);
        assertEquals(before, latches.log.toString(), "the device saw none of it");
        assertEquals(0x23, latches.values[0x13]);
        assertEquals(0x14, space.busRead(0x304, IoWidth.BYTE));
        space.busWrite(0x304, IoWidth.BYTE, 0x77);
        assertEquals(0x77, space.busRead(0x304, IoWidth.BYTE));
        assertEquals(List.of(), a.records, "bus access records nothing");
    }
}
