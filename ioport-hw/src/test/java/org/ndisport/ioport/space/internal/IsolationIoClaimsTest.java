package org.ndisport.ioport.space.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.io.IoPortRange;
import org.ndisport.api.miniport.HaltAction;
import org.ndisport.api.miniport.MiniportAttributes;
import org.ndisport.api.miniport.NdisMiniportHandle;
import org.ndisport.api.port.AuthStates;
import org.ndisport.api.runtime.AdapterSpec;
import org.ndisport.core.adapter.internal.AdapterRuntime;
import org.ndisport.core.adapter.internal.EngineFixture;
import org.ndisport.core.adapter.internal.ScriptedMiniport;

/**
 * Isolation of I/O ranges (R72, D28, N22) with the real engine and the real port space: two adapters,
 * each claiming its own range of one latch device, touch each other's ranges through their real
 * handles. The other adapter's claim is refused and recorded against the caller; the owner's device
 * and claim are unchanged, and it still reads and writes its range without a record.
 */
class IsolationIoClaimsTest {
    private final EngineFixture engine = new EngineFixture();
    private final PortSpace space = new PortSpace();
    private final PortSpaceTest.Latches latches = new PortSpaceTest.Latches(0x300, 0x40);
    private final ScriptedMiniport a = claiming(0x300);
    private final ScriptedMiniport b = claiming(0x320);
    private final AdapterRuntime adapterA;

    IsolationIoClaimsTest() {
        engine.context.ioPortSpace(space);
        space.attach("latches", latches);
        for (int i = 0; i < latches.values.length; i++) {
            latches.values[i] = (byte) (0x10 + i);
        }
        adapterA = start("A", a, 0x300);
        start("B", b, 0x320);
    }

    private static ScriptedMiniport claiming(int base) {
        ScriptedMiniport m = new ScriptedMiniport();
        m.onInitialize = h -> {
            h.setMiniportAttributes(MiniportAttributes.registration());
            return h.registerIoPortRange(base, 0x20).status();
        };
        m.onHalt = h -> h.deregisterIoPortRange(base, 0x20, base);
        return m;
    }

    private AdapterRuntime start(String name, ScriptedMiniport m, int base) {
        AdapterRuntime r = new AdapterRuntime(new AdapterSpec(name, m, "latch", EngineFixture.BUNDLE,
                AuthStates.UNCONTROLLED_UNKNOWN, List.of(new IoPortRange(base, 0x20)), -1, false), engine.context);
        assertEquals(NdisStatus.SUCCESS, r.initialize(), name);
        return r;
    }

    /** Records as "RULE ADAPTER", then cleared. */
    private List<String> takeRecords() {
        List<String> r = engine.verifier.violations().stream().map(v -> v.ruleId() + " " + v.adapter()).toList();
        engine.verifier.clear();
        return r;
    }

    private void assertOwnerUnaffected() {
        NdisMiniportHandle h = a.handle;
        assertEquals(0x15, h.rawReadPortUchar(0x305));
        h.rawWritePortUchar(0x306, 0x66);
        assertEquals(0x66, latches.values[6]);
        assertEquals(List.of(), takeRecords());
        assertEquals(List.of("A", "B"), space.claims().stream().map(c -> c.adapter()).toList());
    }

    @Test
    @DisplayName("R72 D28 raw reads and writes on another adapter's claim are all ones / dropped, violation R72 against the caller")
    void r72_rawAccessToAnotherAdaptersClaim_refused() {
        NdisMiniportHandle intruder = b.handle;
        assertEquals(0xFF, intruder.rawReadPortUchar(0x305));
        assertEquals(0xFFFF, intruder.rawReadPortUshort(0x31F), "a word straddling A's last port and B's first");
        assertEquals(0xFFFFFFFF, intruder.rawReadPortUlong(0x300));
        intruder.rawWritePortUchar(0x305, 0xAA);
        intruder.rawWritePortUlong(0x31E, 0xAAAAAAAA);
        byte[] buffer = new byte[4];
        intruder.rawReadPortBufferUchar(0x300, buffer, 0, 4);
        assertEquals(List.of((byte) -1, (byte) -1, (byte) -1, (byte) -1),
                List.of(buffer[0], buffer[1], buffer[2], buffer[3]));
        assertEquals(0x15, latches.values[5], "A's device was not written");
        assertEquals(0x10 + 0x1E, latches.values[0x1E]);
        assertEquals(0x10 + 0x20, latches.values[0x20], "nor B's own byte of the straddling write");
        List<String> records = takeRecords();
        assertEquals(9, records.size(), records.toString());
        assertEquals(List.of("R72 B"), records.stream().distinct().toList());
        assertOwnerUnaffected();
    }

    @Test
    @DisplayName("N22 immediate reads and writes on another adapter's claim are refused too, violation N22 against the caller")
    void n22_immediateAccessToAnotherAdaptersClaim_refused() {
        assertEquals(0xFF, b.handle.immediateReadPortUchar(0x301));
        b.handle.immediateWritePortUchar(0x301, 0);
        assertEquals(0x11, latches.values[1]);
        assertEquals(List.of("N22 B", "N22 B"), takeRecords());
        assertOwnerUnaffected();
    }

    @Test
    @DisplayName("D28 R69 once A halted and gave its range back, B reaches it as unclaimed (warning D28); A's stale handle records R69")
    void d28_afterOwnerHalted_unclaimedForOthers() {
        adapterA.halt(HaltAction.DEVICE_DISABLED);
        assertEquals(List.of(), takeRecords());
        assertEquals(0x15, b.handle.rawReadPortUchar(0x305));
        assertEquals(List.of("D28 B"), takeRecords());
        a.handle.rawReadPortUchar(0x305);
        assertEquals(List.of("R69 A"), takeRecords());
        assertEquals(0x30, b.handle.rawReadPortUchar(0x320), "B's own range still served without a record");
        assertEquals(List.of(), takeRecords());
    }
}
