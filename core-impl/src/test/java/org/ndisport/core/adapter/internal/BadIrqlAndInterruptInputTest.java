package org.ndisport.core.adapter.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ndisport.core.adapter.internal.PortEventTestSupport.assertNoRecords;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ndisport.api.Irql;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.miniport.HaltAction;
import org.ndisport.api.miniport.MiniportAttributes;
import org.ndisport.api.miniport.NdisMiniportHandle;
import org.ndisport.api.runtime.AdapterSpec;
import org.ndisport.api.port.AuthStates;

/** Bad arguments to the IRQL and interrupt calls of the miniport handle (D31, N23, N42). */
class BadIrqlAndInterruptInputTest {
    private final EngineFixture fx = new EngineFixture();
    private final ScriptedMiniport m = new ScriptedMiniport();

    @Test
    @DisplayName("N42 raiseIrql(null) and lowerIrql(null) throw naming the argument; the level is unchanged")
    void n42_nullLevels_throwNamingThem() {
        fx.initialized("A", m);
        NdisMiniportHandle h = m.handle;
        assertEquals("newIrql", assertThrows(NullPointerException.class, () -> h.raiseIrql(null)).getMessage());
        assertEquals("oldIrql", assertThrows(NullPointerException.class, () -> h.lowerIrql(null)).getMessage());
        assertEquals(Irql.PASSIVE_LEVEL, h.currentIrql());
    }

    @Test
    @DisplayName("N42 raising to a lower level or lowering to a higher one throws; the level is unchanged")
    void n42_inconsistentLevels_illegalArgument() {
        fx.initialized("A", m);
        NdisMiniportHandle h = m.handle;
        Irql passive = h.raiseIrql(Irql.DISPATCH_LEVEL);
        try {
            assertThrows(IllegalArgumentException.class, () -> h.raiseIrql(Irql.PASSIVE_LEVEL));
            assertThrows(IllegalArgumentException.class, () -> h.lowerIrql(Irql.DIRQL));
            assertEquals(Irql.DISPATCH_LEVEL, h.currentIrql());
            assertEquals(Irql.DISPATCH_LEVEL, h.raiseIrql(Irql.DISPATCH_LEVEL), "raising to the same level is allowed");
        } finally {
            h.lowerIrql(passive);
        }
        assertThrows(IllegalArgumentException.class, () -> h.lowerIrql(Irql.DISPATCH_LEVEL));
        assertEquals(Irql.PASSIVE_LEVEL, h.currentIrql());
        assertNoRecords(fx);
    }

    @Test
    @DisplayName("N23 registerInterrupt(null) throws naming it and registers nothing; synchronize(null) throws too")
    void n23_nullInterruptAndFunction_throwNamingThem() {
        InterruptTest.Line line = new InterruptTest.Line();
        List<String> messages = new ArrayList<>();
        m.onInitialize = h -> {
            h.setMiniportAttributes(MiniportAttributes.registration());
            messages.add(assertThrows(NullPointerException.class, () -> h.registerInterrupt(null)).getMessage());
            messages.add(assertThrows(NullPointerException.class, () -> h.synchronizeWithInterrupt(null)).getMessage());
            messages.add(String.valueOf(h.currentIrql()));
            messages.add(h.registerInterrupt(new InterruptTest.Handlers()).name());
            return NdisStatus.SUCCESS;
        };
        m.onHalt = h -> {
            h.deregisterInterrupt();
            h.deregisterInterrupt();
        };
        AdapterRuntime a = new AdapterRuntime(new AdapterSpec("A", m, "ScriptedMiniport", EngineFixture.BUNDLE,
                AuthStates.UNCONTROLLED_UNKNOWN, List.of(), line.interruptLine(), false, line), fx.context);
        a.initialize();
        assertEquals(List.of("interrupt", "function", "PASSIVE_LEVEL", "SUCCESS"), messages);
        assertEquals(1, line.connects.get(), "only the good registration connected the line");
        a.halt(HaltAction.DEVICE_DISABLED);
        assertEquals(2, line.connects.get(), "disconnected once; the second deregistration did nothing");
        m.handle.deregisterInterrupt();
        assertNoRecords(fx);
    }

    @Test
    @DisplayName("N23 an interrupt line of -5 or 1000 on a virtual adapter: registration FAILURE, nothing connected")
    void n23_oddInterruptLines_failure() {
        for (int line : new int[] {-5, Integer.MIN_VALUE, 1000}) {
            ScriptedMiniport mm = new ScriptedMiniport();
            NdisStatus[] result = new NdisStatus[1];
            mm.onInitialize = h -> {
                h.setMiniportAttributes(MiniportAttributes.registration());
                result[0] = h.registerInterrupt(new InterruptTest.Handlers());
                return NdisStatus.SUCCESS;
            };
            new AdapterRuntime(new AdapterSpec("V" + line, mm, "ScriptedMiniport", EngineFixture.BUNDLE,
                    AuthStates.UNCONTROLLED_UNKNOWN, List.of(), line, false), fx.context).initialize();
            assertEquals(NdisStatus.FAILURE, result[0], "line " + line);
        }
        assertTrue(fx.ruleIds().isEmpty(), fx.ruleIds().toString());
    }
}
