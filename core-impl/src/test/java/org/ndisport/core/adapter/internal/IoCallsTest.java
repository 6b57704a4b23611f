package org.ndisport.core.adapter.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ndisport.core.adapter.internal.PortEventTestSupport.assertNoRecords;
import static org.ndisport.core.adapter.internal.PortEventTestSupport.assertOnlyRecord;
import static org.ndisport.core.adapter.internal.PortEventTestSupport.assertRecord;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ndisport.api.Irql;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.NdisVerifierException;
import org.ndisport.api.io.IoPortRange;
import org.ndisport.api.io.IoPortRangeResult;
import org.ndisport.api.miniport.HaltAction;
import org.ndisport.api.miniport.MiniportAttributes;
import org.ndisport.api.runtime.AdapterSpec;
import org.ndisport.api.runtime.Severity;
import org.ndisport.api.runtime.VerifierMode;
import org.ndisport.api.runtime.Violation;
import org.ndisport.api.port.AuthStates;

/** The engine's side of the I/O port range calls: phase and IRQL checks, delegation, leftovers (§5, §2.6). */
class IoCallsTest {
    private final EngineFixture fx = new EngineFixture();
    private final ScriptedMiniport m = new ScriptedMiniport();

    private static IoPortRangeResult[] registerInInitialize(ScriptedMiniport m, boolean attributesFirst) {
        IoPortRangeResult[] result = new IoPortRangeResult[1];
        m.onInitialize = h -> {
            if (attributesFirst) {
                h.setMiniportAttributes(MiniportAttributes.registration());
            }
            result[0] = h.registerIoPortRange(0x300, 0x20);
            if (!attributesFirst) {
                h.setMiniportAttributes(MiniportAttributes.registration());
            }
            return NdisStatus.SUCCESS;
        };
        return result;
    }

    @Test
    @DisplayName("D30 R63 registering before registration attributes (P0): FAILURE and violation R63")
    void d30_r63_registerInP0_failure() {
        IoPortRangeResult[] result = registerInInitialize(m, false);
        fx.initialized("A", m);
        assertEquals(NdisStatus.FAILURE, result[0].status());
        assertRecord(fx.verifier.violations().get(0), "R63", Severity.VIOLATION, "A", Violation.NO_PORT);
    }

    @Test
    @DisplayName("R63 FAIL_FAST: registering in P0 throws")
    void r63_failFast_throws() {
        EngineFixture ff = new EngineFixture(VerifierMode.FAIL_FAST);
        ScriptedMiniport mm = new ScriptedMiniport();
        NdisVerifierException[] thrown = new NdisVerifierException[1];
        mm.onInitialize = h -> {
            thrown[0] = assertThrows(NdisVerifierException.class, () -> h.registerIoPortRange(0x300, 0x20));
            h.setMiniportAttributes(MiniportAttributes.registration());
            return NdisStatus.SUCCESS;
        };
        ff.initialized("A", mm);
        assertEquals("R63", thrown[0].ruleId());
    }

    @Test
    @DisplayName("D30 R62 registering after initialize returned (P2) or in halt (P3): FAILURE and violation R62")
    void d30_r62_registerOutsideInitialize_failure() {
        fx.context.ioPortSpace(new FakeIoPortSpace());
        AdapterRuntime a = fx.initialized("A", m);
        assertEquals(NdisStatus.FAILURE, m.handle.registerIoPortRange(0x300, 0x20).status());
        assertOnlyRecord(fx, "R62", Severity.VIOLATION, "A", Violation.NO_PORT);
        IoPortRangeResult[] inHalt = new IoPortRangeResult[1];
        m.onHalt = h -> inHalt[0] = h.registerIoPortRange(0x300, 0x20);
        a.halt(HaltAction.DEVICE_DISABLED);
        assertEquals(NdisStatus.FAILURE, inHalt[0].status());
        assertEquals(List.of("R62", "R62"), fx.ruleIds());
    }

    @Test
    @DisplayName("R64 registering above PASSIVE records R64 and goes on")
    void r64_registerAtDispatch_recorded() {
        FakeIoPortSpace io = new FakeIoPortSpace();
        fx.context.ioPortSpace(io);
        IoPortRangeResult[] result = new IoPortRangeResult[1];
        m.onInitialize = h -> {
            h.setMiniportAttributes(MiniportAttributes.registration());
            Irql old = h.raiseIrql(Irql.DISPATCH_LEVEL);
            result[0] = h.registerIoPortRange(0x300, 0x20);
            h.lowerIrql(old);
            return NdisStatus.SUCCESS;
        };
        fx.initialized("A", m);
        assertEquals(NdisStatus.SUCCESS, result[0].status());
        assertOnlyRecord(fx, "R64", Severity.VIOLATION, "A", Violation.NO_PORT);
    }

    @Test
    @DisplayName("D26 registration in P1 is delegated to the I/O port space with the calling adapter and its resources")
    void d26_registrationDelegated() {
        FakeIoPortSpace io = new FakeIoPortSpace();
        fx.context.ioPortSpace(io);
        ScriptedMiniport mm = new ScriptedMiniport();
        IoPortRangeResult[] result = registerInInitialize(mm, true);
        List<IoPortRange> resources = List.of(new IoPortRange(0x300, 0x20));
        new AdapterRuntime(new AdapterSpec("nic", mm, "ne2000", EngineFixture.BUNDLE, AuthStates.UNCONTROLLED_UNKNOWN,
                resources, 5, false), fx.context).initialize();
        assertEquals(new IoPortRangeResult(NdisStatus.SUCCESS, 0x300), result[0]);
        assertEquals(List.of("register nic 768 32"), io.calls);
        assertEquals("nic", io.lastCaller.adapterName());
        assertEquals(resources, io.lastCaller.assignedResources());
        assertEquals(resources, mm.initParameters.ioResources());
        assertEquals(5, mm.initParameters.interruptLine());
    }

    @Test
    @DisplayName("R65 initialize succeeding after a failed registration records warning R65")
    void r65_successAfterFailedRegistration_warning() {
        registerInInitialize(m, true);
        fx.initialized("A", m);
        assertOnlyRecord(fx, "R65", Severity.WARNING, "A", Violation.NO_PORT);
    }

    @Test
    @DisplayName("R65 initialize failing after a failed registration records nothing")
    void r65_failureAfterFailedRegistration_noWarning() {
        m.onInitialize = h -> {
            h.setMiniportAttributes(MiniportAttributes.registration());
            h.registerIoPortRange(0x300, 0x20);
            return NdisStatus.FAILURE;
        };
        fx.initialized("A", m);
        assertNoRecords(fx);
    }

    @Test
    @DisplayName("D27 R68 deregistering outside initialize or halt records R68 and does nothing")
    void d27_r68_deregisterInP2_recorded() {
        FakeIoPortSpace io = new FakeIoPortSpace();
        fx.context.ioPortSpace(io);
        registerInInitialize(m, true);
        fx.initialized("A", m);
        io.calls.clear();
        m.handle.deregisterIoPortRange(0x300, 0x20, 0x300);
        assertOnlyRecord(fx, "R68", Severity.VIOLATION, "A", Violation.NO_PORT);
        assertTrue(io.calls.isEmpty(), io.calls.toString());
    }

    @Test
    @DisplayName("R70 a range left registered when halt returns: one finding, then released")
    void r70_rangeLeftAtHalt_reportedAndReleased() {
        FakeIoPortSpace io = new FakeIoPortSpace();
        fx.context.ioPortSpace(io);
        registerInInitialize(m, true);
        AdapterRuntime a = fx.initialized("A", m);
        a.halt(HaltAction.DEVICE_DISABLED);
        assertOnlyRecord(fx, "R70", Severity.VIOLATION, "A", Violation.NO_PORT);
        assertTrue(io.claimed.isEmpty());
        assertEquals("releaseAll A", io.calls.get(io.calls.size() - 1));
    }

    @Test
    @DisplayName("R70 R69 a range deregistered in halt with its arguments is not reported")
    void r70_rangeDeregisteredInHalt_noRecord() {
        FakeIoPortSpace io = new FakeIoPortSpace();
        fx.context.ioPortSpace(io);
        registerInInitialize(m, true);
        AdapterRuntime a = fx.initialized("A", m);
        m.onHalt = h -> h.deregisterIoPortRange(0x300, 0x20, 0x300);
        a.halt(HaltAction.DEVICE_DISABLED);
        assertNoRecords(fx);
        assertTrue(io.calls.contains("deregister A 768 32 768"), io.calls.toString());
    }

    @Test
    @DisplayName("R71 a failing initialize that leaves a range: finding R71, then released")
    void r71_rangeLeftByFailingInitialize_reported() {
        FakeIoPortSpace io = new FakeIoPortSpace();
        fx.context.ioPortSpace(io);
        m.onInitialize = h -> {
            h.setMiniportAttributes(MiniportAttributes.registration());
            h.registerIoPortRange(0x300, 0x20);
            return NdisStatus.FAILURE;
        };
        fx.initialized("A", m);
        assertOnlyRecord(fx, "R71", Severity.VIOLATION, "A", Violation.NO_PORT);
        assertTrue(io.claimed.isEmpty());
    }

    @Test
    @DisplayName("D28 without an I/O port space nothing decodes: reads return all ones, writes are dropped")
    void d28_noPortSpace_allOnes() {
        fx.initialized("A", m);
        assertEquals(0xFF, m.handle.rawReadPortUchar(0x300));
        assertEquals(0xFFFF, m.handle.rawReadPortUshort(0x300));
        assertEquals(0xFFFFFFFF, m.handle.rawReadPortUlong(0x300));
        m.handle.rawWritePortUchar(0x300, 1);
        byte[] buffer = new byte[2];
        m.handle.rawReadPortBufferUchar(0x300, buffer, 0, 2);
        assertArrayEquals(new byte[] {-1, -1}, buffer);
        assertNoRecords(fx);
    }

    @Test
    @DisplayName("R74 raw access at any IRQL goes to the port space, one access per buffer element (§5.3)")
    void r74_rawAccessDelegatedPerElement() {
        FakeIoPortSpace io = new FakeIoPortSpace();
        fx.context.ioPortSpace(io);
        fx.initialized("A", m);
        Irql old = m.handle.raiseIrql(Irql.DIRQL);
        short[] words = new short[4];
        m.handle.rawReadPortBufferUshort(0x310, words, 1, 2);
        m.handle.rawWritePortBufferUlong(0x310, new int[] {7, 8}, 0, 2);
        m.handle.lowerIrql(old);
        assertArrayEquals(new short[] {0, 0x5A, 0x5A, 0}, words);
        assertEquals(List.of("read WORD 784", "read WORD 784", "write DWORD 784 7", "write DWORD 784 8"), io.calls);
        assertNoRecords(fx);
    }

    @Test
    @DisplayName("R73 a buffer shorter than Length elements: violation R73, no access; D29 Length 0 does nothing")
    void r73_shortBuffer_noAccess() {
        FakeIoPortSpace io = new FakeIoPortSpace();
        fx.context.ioPortSpace(io);
        fx.initialized("A", m);
        m.handle.rawReadPortBufferUchar(0x300, new byte[4], 2, 3);
        m.handle.rawWritePortBufferUchar(0x300, new byte[0], 0, 0);
        assertOnlyRecord(fx, "R73", Severity.VIOLATION, "A", Violation.NO_PORT);
        assertTrue(io.calls.isEmpty(), io.calls.toString());
    }
}
