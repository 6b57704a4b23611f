package org.ndisport.binding.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.ndisport.api.NdisVerifierException;
import org.ndisport.api.data.NetBufferList;
import org.ndisport.api.protocol.ProtocolBindingHandle;
import org.ndisport.api.runtime.Severity;
import org.ndisport.api.runtime.VerifierMode;
import org.ndisport.core.adapter.internal.ScriptedMiniport;

/**
 * Bad input to {@link ProtocolBindingHandle#returnNetBufferLists}: null, lists never indicated, lists of
 * another binding, relinked chains (N15, N44), returns through a closed handle. Each list indicated goes
 * back to the miniport exactly once whatever the protocol does.
 */
class BadReturnInputTest {
    private final BindingFixture fx = new BindingFixture();
    private final RecordingProtocol p = fx.protocol("p1");
    private final ScriptedMiniport m = fx.adapter("A");

    private static NetBufferList frame() {
        return NetBufferList.copyOf(new byte[] {1, 2, 3});
    }

    /** Indicates {@code lists} on port 0 of A while p keeps what it receives. */
    private void indicateKept(NetBufferList lists) {
        p.keepReceives = true;
        m.handle.indicateReceiveNetBufferLists(lists, 0, lists.chainLength(), 0);
        p.keepReceives = false;
    }

    /** A receive still goes to p and back to the miniport once. */
    private void assertStillReceives() {
        int before = m.returned.size();
        NetBufferList l = frame();
        m.handle.indicateReceiveNetBufferLists(l, 0, 1, 0);
        assertEquals(before + 1, m.returned.size());
        assertEquals(l, m.returned.get(before));
    }

    @Test
    @DisplayName("a null chain throws NullPointerException naming lists, before any effect")
    void nullChain_throwsNamingLists() {
        NetBufferList held = frame();
        indicateKept(held);
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> p.handle("A").returnNetBufferLists(null, 0));
        assertTrue(e.getMessage().contains("lists"), e.getMessage());
        assertEquals(List.of(), m.returned);
        assertEquals(List.of(), fx.ruleIds());
        p.handle("A").returnNetBufferLists(held, 0);
        assertEquals(List.of(held), m.returned);
    }

    @Test
    @DisplayName("N15 a list never indicated is recorded and never reaches the miniport; lists before it are released")
    void n15_neverIndicated_recorded() {
        NetBufferList held = frame();
        indicateKept(held);
        NetBufferList stranger = frame();
        held.next(stranger);
        p.handle("A").returnNetBufferLists(held, 0);
        assertEquals(List.of(held), m.returned, "the held list went back, the stranger did not");
        fx.assertOnlyRecord("N15", Severity.VIOLATION, "A", 0, "p1");
        assertStillReceives();
    }

    @Test
    @DisplayName("N15 a list only another binding holds, returned by this one, is recorded; the holder's return still works")
    void n15_listOfAnotherBinding_recorded() {
        RecordingProtocol q = fx.protocol("q");
        q.keepReceives = true;
        NetBufferList l = frame();
        m.handle.indicateReceiveNetBufferLists(l, 0, 1, 0);
        assertEquals(List.of(), m.returned, "q holds it; p returned it in its callback");
        p.handle("A").returnNetBufferLists(l, 0);
        fx.assertOnlyRecord("N15", Severity.VIOLATION, "A", 0, "p1");
        assertEquals(List.of(), m.returned);
        q.handle("A").returnNetBufferLists(l, 0);
        assertEquals(List.of(l), m.returned);
    }

    @Test
    @DisplayName("N15 a list received on adapter A, returned through the protocol's binding to B: recorded, reaches neither miniport")
    void n15_listOfAnotherAdapter_recorded() {
        ScriptedMiniport b = fx.adapter("B");
        NetBufferList l = frame();
        indicateKept(l);
        p.handle("B").returnNetBufferLists(l, 0);
        assertEquals(List.of(), b.returned, "B's miniport never gets A's list");
        fx.assertOnlyRecord("N15", Severity.VIOLATION, "B", 0, "p1");
        p.handle("A").returnNetBufferLists(l, 0);
        assertEquals(List.of(l), m.returned);
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    @DisplayName("N15 N44 a returned chain relinked into a cycle is recorded; each list goes back once, the walk ends")
    void n44_cyclicReturn_eachListOnce() {
        NetBufferList a = frame();
        NetBufferList b = frame();
        NetBufferList c = frame();
        a.next(b);
        b.next(c);
        indicateKept(a);
        c.next(b);
        p.handle("A").returnNetBufferLists(a, 0);
        assertEquals(Set.of(a, b, c), Set.copyOf(m.returned));
        assertEquals(3, m.returned.size());
        fx.assertOnlyRecord("N15", Severity.VIOLATION, "A", 0, "p1");
        assertStillReceives();
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    @DisplayName("N15 D21 in FAIL_FAST a list linked to itself, returned, throws and releases nothing")
    void n44_failFastSelfLinkedReturn_noEffect() {
        BindingFixture strict = new BindingFixture(VerifierMode.FAIL_FAST, 1_000);
        RecordingProtocol q = strict.protocol("q");
        q.keepReceives = true;
        ScriptedMiniport mm = strict.adapter("B");
        NetBufferList a = frame();
        mm.handle.indicateReceiveNetBufferLists(a, 0, 1, 0);
        a.next(a);
        assertThrows(NdisVerifierException.class, () -> q.handle("B").returnNetBufferLists(a, 0));
        assertEquals(List.of(), mm.returned);
        a.next(null);
        q.handle("B").returnNetBufferLists(a, 0);
        assertEquals(List.of(a), mm.returned);
    }

    @Test
    @DisplayName("N59 N15 a list held when the binding closed is taken back then; returns through the closed handle pass nothing on")
    void n59_closedHandle_heldListTakenBackAtClose() {
        NetBufferList l = frame();
        indicateKept(l);
        ProtocolBindingHandle h = p.handle("A");
        fx.layer.unregister(p.entry);
        assertEquals(List.of(l), m.returned, "taken back when the binding closed");
        h.returnNetBufferLists(l, 0);
        h.returnNetBufferLists(l, 0);
        assertEquals(List.of(l), m.returned, "not twice");
        assertEquals(List.of("N59", "N15", "N15"), fx.ruleIds());
    }
}
