package org.ndisport.binding.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ndisport.api.data.NetBufferList;
import org.ndisport.api.runtime.Severity;
import org.ndisport.core.adapter.internal.ScriptedMiniport;

/**
 * Isolation (N15): a protocol returning, through a real binding handle, received lists it does not hold
 * on that binding: indicated to another binding, on another adapter, or never indicated. Each is
 * recorded against the returning protocol and reaches no miniport; the real holder still returns the
 * list, and it goes back to its own miniport exactly once.
 */
class IsolationForeignReturnsTest {
    private final BindingFixture fx = new BindingFixture();

    private static NetBufferList frame() {
        return NetBufferList.copyOf(new byte[] {1, 2, 3});
    }

    @Test
    @DisplayName("N15 a list indicated on another adapter, returned through this adapter's binding, is recorded and reaches neither miniport")
    void n15_returnListOfAnotherAdapter_recorded() {
        RecordingProtocol p = fx.protocol("p1");
        ScriptedMiniport a = fx.adapter("A");
        ScriptedMiniport b = fx.adapter("B");
        p.keepReceives = true;
        NetBufferList fromB = frame();
        b.handle.indicateReceiveNetBufferLists(fromB, 0, 1, 0);
        assertEquals(List.of(fromB), p.kept);

        p.handle("A").returnNetBufferLists(fromB, 0);
        fx.assertOnlyRecord("N15", Severity.VIOLATION, "A", 0, "p1");
        assertEquals(List.of(), a.returned, "A's miniport got no foreign list");
        assertEquals(List.of(), b.returned, "B's list is still the protocol's");

        fx.engine.verifier.clear();
        p.handle("B").returnNetBufferLists(fromB, 0);
        assertEquals(List.of(fromB), b.returned, "back to its own miniport once");
        assertEquals(List.of(), a.returned);
        assertEquals(List.of(), fx.records());
    }

    @Test
    @DisplayName("N15 a list of adapter A returned through B by a protocol with the same holder slot on both is recorded")
    void n15_returnListOfAnotherAdapterSecondSlot_recorded() {
        RecordingProtocol p = fx.protocol("p1");
        RecordingProtocol q = fx.protocol("p2");
        ScriptedMiniport a = fx.adapter("A");
        ScriptedMiniport b = fx.adapter("B");
        q.keepReceives = true;
        NetBufferList fromA = frame();
        a.handle.indicateReceiveNetBufferLists(fromA, 0, 1, 0);

        q.handle("B").returnNetBufferLists(fromA, 0);
        fx.assertOnlyRecord("N15", Severity.VIOLATION, "B", 0, "p2");
        assertEquals(List.of(), b.returned);
        assertEquals(List.of(), a.returned, "p2 still holds it on A");
        fx.engine.verifier.clear();
        q.handle("A").returnNetBufferLists(fromA, 0);
        assertEquals(List.of(fromA), a.returned);
        assertEquals(List.of(), fx.records());
        assertEquals(1, p.received.get());
    }

    @Test
    @DisplayName("N15 a list indicated to another binding only is recorded against the protocol returning it; the holder's hold is kept")
    void n15_returnListHeldByAnotherBinding_recorded() {
        RecordingProtocol p = fx.protocol("p1");
        RecordingProtocol q = fx.protocol("p2");
        ScriptedMiniport a = fx.adapter("A");
        q.keepReceives = true;
        NetBufferList l = frame();
        a.handle.indicateReceiveNetBufferLists(l, 0, 1, 0);

        p.handle("A").returnNetBufferLists(l, 0);
        fx.assertOnlyRecord("N15", Severity.VIOLATION, "A", 0, "p1");
        assertEquals(List.of(), a.returned);
        fx.engine.verifier.clear();
        q.handle("A").returnNetBufferLists(l, 0);
        assertEquals(List.of(l), a.returned);
        assertEquals(List.of(), fx.records());
    }

    @Test
    @DisplayName("N15 a list never indicated is recorded and reaches no miniport")
    void n15_returnListNeverIndicated_recorded() {
        RecordingProtocol p = fx.protocol("p1");
        ScriptedMiniport a = fx.adapter("A");
        p.handle("A").returnNetBufferLists(frame(), 0);
        fx.assertOnlyRecord("N15", Severity.VIOLATION, "A", 0, "p1");
        assertEquals(List.of(), a.returned);
    }
}
