package org.ndisport.api.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AdapterPhaseTest {
    @Test
    void labelsAreTheScenarioFormatsPhaseNames() {
        assertEquals("initializing", AdapterPhase.P0_INIT_PRE_REG.label());
        assertEquals("initializing", AdapterPhase.P1_INIT_POST_REG.label());
        assertEquals("running", AdapterPhase.P2_OPERATIONAL.label());
        assertEquals("halting", AdapterPhase.P3_HALTING.label());
        assertEquals("halted", AdapterPhase.P4_HALTED.label());
    }
}
