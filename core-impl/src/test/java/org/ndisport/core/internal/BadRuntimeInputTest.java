package org.ndisport.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.miniport.HaltAction;
import org.ndisport.api.port.PortCharacteristics;
import org.ndisport.api.runtime.AdapterControl;
import org.ndisport.api.runtime.AdapterPhase;
import org.ndisport.api.runtime.AdapterSpec;
import org.ndisport.api.runtime.Verifier;
import org.ndisport.api.runtime.VerifierMode;
import org.ndisport.core.internal.NdisEngineTest.SimpleDriver;

/** Bad input to NdisRuntime, AdapterControl and Verifier: refused before any change (N41). */
class BadRuntimeInputTest {
    private final NdisEngine engine = new NdisEngine(TestConfigs.engine(VerifierMode.REPORT, 0xFFFFFF));

    @AfterEach
    void stop() {
        engine.deactivate();
    }

    private List<String> names() {
        return engine.adapters().stream().map(v -> v.name()).toList();
    }

    @Test
    @DisplayName("N41 createAdapter(null) throws naming the spec; nothing is created")
    void n41_createNull_throwsNamingIt() {
        assertEquals("spec", assertThrows(NullPointerException.class, () -> engine.createAdapter(null)).getMessage());
        assertEquals(List.of(), names());
    }

    @Test
    @DisplayName("N41 a duplicate name is refused and leaves the first adapter running; a huge name works end to end")
    void n41_duplicateAndHugeNames() {
        SimpleDriver first = new SimpleDriver(1);
        AdapterControl a = engine.createAdapter(AdapterSpec.virtual("eth0", first, "b"));
        a.initialize();
        assertThrows(IllegalArgumentException.class,
                () -> engine.createAdapter(AdapterSpec.virtual("eth0", new SimpleDriver(0), "b")));
        assertEquals(AdapterPhase.P2_OPERATIONAL, engine.adapter("eth0").orElseThrow().phase());
        assertEquals(2, engine.adapter("eth0").orElseThrow().ports().size());
        String huge = "n".repeat(100_000);
        AdapterControl h = engine.createAdapter(AdapterSpec.virtual(huge, new SimpleDriver(1), "b"));
        assertEquals(NdisStatus.SUCCESS, h.initialize());
        assertEquals(List.of("eth0", huge), names());
        h.halt(HaltAction.DEVICE_DISABLED);
        assertEquals(List.of("eth0"), names());
        assertEquals(0, engine.verifier().total());
    }

    @Test
    @DisplayName("N41 halt(null) throws naming the action before any change; the adapter keeps running, a real halt works")
    void n41_haltNull_throwsBeforeAnyChange() {
        SimpleDriver driver = new SimpleDriver(1);
        AdapterControl a = engine.createAdapter(AdapterSpec.virtual("eth0", driver, "b"));
        assertEquals("action", assertThrows(NullPointerException.class, () -> a.halt(null)).getMessage());
        assertEquals(List.of("eth0"), names(), "not removed before initialize either");
        a.initialize();
        assertEquals("action", assertThrows(NullPointerException.class, () -> a.halt(null)).getMessage());
        assertEquals(AdapterPhase.P2_OPERATIONAL, a.view().phase());
        assertEquals(List.of(), driver.halts);
        assertEquals(NdisStatus.SUCCESS, driver.handle.allocatePort(PortCharacteristics.forAllocation()).status());
        a.halt(HaltAction.DEVICE_DISABLED);
        assertEquals(List.of(HaltAction.DEVICE_DISABLED), driver.halts);
    }

    @Test
    @DisplayName("N41 initialize twice, halt twice, initialize after halt: ISE or nothing, the state stays consistent")
    void n41_repeatedLifecycleCalls() {
        SimpleDriver driver = new SimpleDriver(0);
        AdapterControl a = engine.createAdapter(AdapterSpec.virtual("eth0", driver, "b"));
        assertEquals(NdisStatus.SUCCESS, a.initialize());
        assertThrows(IllegalStateException.class, a::initialize);
        assertEquals(AdapterPhase.P2_OPERATIONAL, a.view().phase());
        a.halt(HaltAction.DEVICE_DISABLED);
        a.halt(HaltAction.DEVICE_STOPPED);
        assertEquals(List.of(HaltAction.DEVICE_DISABLED), driver.halts);
        assertThrows(IllegalStateException.class, a::initialize);
        assertEquals(AdapterPhase.P4_HALTED, a.view().phase());
        assertEquals(List.of(), names());
        AdapterControl b = engine.createAdapter(AdapterSpec.virtual("eth0", new SimpleDriver(0), "b"));
        b.halt(HaltAction.DEVICE_DISABLED);
        assertThrows(IllegalStateException.class, b::initialize, "halted before it was initialized");
        assertEquals(List.of(), names());
    }

    @Test
    @DisplayName("D21 violationsSince with negative, huge and extreme sequences: all or none, never an error")
    void d21_violationsSince_extremes() {
        SimpleDriver driver = new SimpleDriver(0);
        engine.createAdapter(AdapterSpec.virtual("eth0", driver, "b")).initialize();
        org.ndisport.api.Irql old = driver.handle.raiseIrql(org.ndisport.api.Irql.DIRQL);
        driver.handle.freePort(7);
        driver.handle.freePort(8);
        driver.handle.lowerIrql(old);
        Verifier v = engine.verifier();
        long total = v.total();
        assertEquals(2, total, "R55 twice: " + v.violations());
        assertEquals(v.violations(), v.violationsSince(-1));
        assertEquals(v.violations(), v.violationsSince(Long.MIN_VALUE));
        assertEquals(List.of(), v.violationsSince(Long.MAX_VALUE));
        assertEquals(List.of(), v.violationsSince(total));
    }
}
