package org.ndisport.binding.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ndisport.binding.internal.BindingFixture.activate;
import static org.ndisport.binding.internal.BindingFixture.allocate;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.NdisVerifierException;
import org.ndisport.api.data.NetBufferList;
import org.ndisport.api.protocol.ProtocolBindingHandle;
import org.ndisport.api.runtime.PortState;
import org.ndisport.api.runtime.Severity;
import org.ndisport.api.runtime.VerifierMode;
import org.ndisport.core.adapter.internal.ScriptedMiniport;

/**
 * Bad input to {@link ProtocolBindingHandle#sendNetBufferLists}: null, port numbers out of every range,
 * unknown flag bits, chains the runtime cannot take (N44). Each ends with a good send that still works.
 */
class BadSendInputTest {
    private final BindingFixture fx = new BindingFixture();
    private final RecordingProtocol p = fx.protocol("p1");
    private final ScriptedMiniport m = fx.adapter("A");

    private static NetBufferList frame() {
        return NetBufferList.copyOf(new byte[] {1, 2, 3});
    }

    /** A good send on port 0 reaches the miniport and completes once: the binding is unharmed. */
    private void assertStillSends() {
        int sent = m.sendPorts.size();
        int completed = p.sendCompletions.size();
        NetBufferList l = frame();
        p.handle("A").sendNetBufferLists(l, 0, 0);
        assertEquals(sent + 1, m.sendPorts.size(), "a good send still reaches the miniport");
        assertEquals(completed + 1, p.sendCompletions.size());
        assertEquals(NdisStatus.SUCCESS, l.status());
    }

    @Test
    @DisplayName("a null chain (a chain of length 0) throws NullPointerException naming lists, before any effect")
    void nullChain_throwsNamingLists() {
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> p.handle("A").sendNetBufferLists(null, 0, 0));
        assertTrue(e.getMessage().contains("lists"), e.getMessage());
        assertEquals(List.of(), m.sendPorts);
        assertEquals(List.of(), p.sendCompletions);
        assertEquals(List.of(), fx.ruleIds());
        assertStillSends();
    }

    @ParameterizedTest(name = "port {0}")
    @ValueSource(ints = {-1, Integer.MIN_VALUE, Integer.MAX_VALUE, 0x1000000, 0xFFFFFF, 65536})
    @DisplayName("R46 a send to a negative, huge or Integer.MAX_VALUE port completes INVALID_PORT, recorded on the unsigned port")
    void r46_sendToOutOfRangePort_invalidPort(int port) {
        NetBufferList first = frame();
        NetBufferList second = frame();
        first.next(second);
        p.handle("A").sendNetBufferLists(first, port, 0);
        assertEquals(List.of(), m.sendPorts, "not delivered");
        assertEquals(List.of(first, second), p.sendCompletions);
        assertEquals(NdisStatus.INVALID_PORT, first.status());
        assertEquals(NdisStatus.INVALID_PORT, second.status());
        fx.assertOnlyRecord("R46", Severity.VIOLATION, "A", Integer.toUnsignedLong(port), "p1");
        assertEquals(0, p.handle("A") instanceof Binding b ? b.outstanding().total() : -1, "nothing left counted");
        assertStillSends();
    }

    @Test
    @DisplayName("D21 R46 in FAIL_FAST a send to port -1 throws and has no other effect")
    void r46_failFastNegativePort_noEffect() {
        BindingFixture strict = new BindingFixture(VerifierMode.FAIL_FAST, 1_000);
        RecordingProtocol q = strict.protocol("q");
        ScriptedMiniport mm = strict.adapter("B");
        NetBufferList l = frame();
        assertThrows(NdisVerifierException.class, () -> q.handle("B").sendNetBufferLists(l, -1, 0));
        assertEquals(List.of(), q.sendCompletions);
        assertEquals(List.of(), mm.sendPorts);
        assertEquals(0, ((Binding) q.handle("B")).outstanding().total());
        q.handle("B").sendNetBufferLists(frame(), 0, 0);
        assertEquals(List.of(0), mm.sendPorts);
    }

    @ParameterizedTest(name = "flags 0x{0}")
    @ValueSource(ints = {-1, Integer.MIN_VALUE, 0x7FFFFFFF, 0x00010000})
    @DisplayName("R77 N44 unknown send flag bits are passed down unchanged and change nothing else")
    void n44_unknownSendFlags_passedThrough(int flags) {
        FlagsMiniport fm = new FlagsMiniport();
        assertEquals(NdisStatus.SUCCESS, fx.adapter("F", fm).initialize());
        int n = allocate(fm.scripted.handle);
        activate(fm.scripted.handle, n);
        NetBufferList l = frame();
        p.handle("F").sendNetBufferLists(l, n, flags);
        assertEquals(List.of(flags), fm.sendFlags);
        assertEquals(List.of(n), fm.scripted.sendPorts);
        assertEquals(NdisStatus.SUCCESS, l.status());
        assertEquals(List.of(), fx.ruleIds());
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    @DisplayName("N44 a chain whose links form a cycle is refused and recorded; nothing reaches the miniport")
    void n44_cyclicChain_refusedRecorded() {
        NetBufferList a = frame();
        NetBufferList b = frame();
        a.next(b);
        b.next(a);
        p.handle("A").sendNetBufferLists(a, 0, 0);
        assertEquals(List.of(), m.sendPorts);
        assertEquals(List.of(), p.sendCompletions, "a cycle has no end to complete");
        fx.assertOnlyRecord("N44", Severity.VIOLATION, "A", 0, "p1");
        assertEquals(0, ((Binding) p.handle("A")).outstanding().total());
        fx.engine.verifier.clear();
        assertStillSends();
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    @DisplayName("N44 a list linked to itself is refused, also on a closed handle, where nothing could complete it either")
    void n44_selfLinkedList_refusedEvenWhenClosed() {
        NetBufferList a = frame();
        a.next(a);
        ProtocolBindingHandle h = p.handle("A");
        fx.layer.unregister(p.entry);
        h.sendNetBufferLists(a, 0, 0);
        assertEquals(List.of(), m.sendPorts);
        assertEquals(List.of(), p.sendCompletions);
        assertEquals(List.of("N44"), fx.ruleIds());
    }

    @Test
    @DisplayName("N44 a received list the protocol still holds, sent on: refused and recorded; the list is returned later exactly once")
    void n44_sendReceivedList_refused() {
        p.keepReceives = true;
        NetBufferList received = frame();
        m.handle.indicateReceiveNetBufferLists(received, 0, 1, 0);
        Object receivedFrom = received.sourceHandle();
        NetBufferList own = frame();
        own.next(received);
        p.handle("A").sendNetBufferLists(own, 0, 0);
        assertEquals(List.of(), m.sendPorts, "the miniport never sees its own receive list as a send");
        assertEquals(List.of(), p.sendCompletions);
        assertSame(receivedFrom, received.sourceHandle(), "the received list is untouched");
        fx.assertOnlyRecord("N44", Severity.VIOLATION, "A", 0, "p1");
        own.next(null);
        p.handle("A").returnNetBufferLists(received, 0);
        assertEquals(List.of(received), m.returned, "returned once, to the miniport");
        assertEquals(1, fx.records().size());
        assertStillSends();
    }

    @Test
    @DisplayName("N44 D21 in FAIL_FAST sending a received list throws and changes nothing")
    void n44_failFastSendReceivedList_noEffect() {
        BindingFixture strict = new BindingFixture(VerifierMode.FAIL_FAST, 1_000);
        RecordingProtocol q = strict.protocol("q");
        q.keepReceives = true;
        ScriptedMiniport mm = strict.adapter("B");
        NetBufferList received = frame();
        mm.handle.indicateReceiveNetBufferLists(received, 0, 1, 0);
        assertThrows(NdisVerifierException.class, () -> q.handle("B").sendNetBufferLists(received, 0, 0));
        assertEquals(List.of(), mm.sendPorts);
        q.handle("B").returnNetBufferLists(received, 0);
        assertEquals(List.of(received), mm.returned);
    }

    @Test
    @DisplayName("a received list sent after it was returned is the protocol's to reuse: delivered as a send")
    void returnedListReused_isASend() {
        NetBufferList received = frame();
        m.handle.indicateReceiveNetBufferLists(received, 0, 1, 0);
        assertEquals(List.of(received), m.returned);
        p.handle("A").sendNetBufferLists(received, 0, 0);
        assertEquals(List.of(0), m.sendPorts);
        assertEquals(List.of(), fx.ruleIds());
    }

    @Test
    @DisplayName("after the binding closed: a send on port -1 completes CLOSING, records nothing, reaches nothing")
    void closedHandle_badPort_closing() {
        ProtocolBindingHandle h = p.handle("A");
        fx.layer.unregister(p.entry);
        NetBufferList l = frame();
        h.sendNetBufferLists(l, -1, -1);
        assertEquals(NdisStatus.CLOSING, l.status());
        assertEquals(List.of(l), p.sendCompletions);
        assertEquals(List.of(), m.sendPorts);
        assertEquals(List.of(), fx.ruleIds());
        assertEquals(PortState.ACTIVATED, ScriptedMiniport.viewOf(m.handle).port(0).state());
    }

    @Test
    @DisplayName("N44 a list still in flight sent again is refused and recorded; the first send completes once and nothing stays outstanding")
    void n44_inFlightListSentAgain_refused() {
        m.sendCompletion = null;
        NetBufferList l = frame();
        p.handle("A").sendNetBufferLists(l, 0, 0);
        p.handle("A").sendNetBufferLists(l, 0, 0);
        assertEquals(List.of(0), m.sendPorts, "the miniport got the list once");
        fx.assertOnlyRecord("N44", Severity.VIOLATION, "A", 0, "p1");
        m.handle.sendNetBufferListsComplete(l, 0);
        assertEquals(List.of(l), p.sendCompletions);
        assertEquals(0, ((Binding) p.handle("A")).outstanding().total(), "nothing left for the close to wait for");
    }
}
