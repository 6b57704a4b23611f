package org.ndisport.binding.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.NdisVerifierException;
import org.ndisport.api.data.NetBufferList;
import org.ndisport.api.data.OidRequest;
import org.ndisport.api.runtime.Severity;
import org.ndisport.api.runtime.VerifierMode;
import org.ndisport.api.runtime.Violation;
import org.ndisport.core.adapter.internal.EngineFixture;
import org.ndisport.core.adapter.internal.ScriptedMiniport;

/**
 * Isolation (N39, N54, N58): a miniport completing, through its real handle, sends or OID requests it was never
 * given, or another adapter's. Each is recorded against the miniport and reaches no protocol; the real
 * owner's request stays outstanding and completes normally afterwards.
 */
class IsolationForgedCompletionsTest {
    private static final int OID = 0x00010202;
    private final BindingFixture fx = new BindingFixture();
    private final RecordingProtocol p = fx.protocol("p1");
    private final ScriptedMiniport a = fx.adapter("A");
    private final ScriptedMiniport b = fx.adapter("B");

    private static NetBufferList frame() {
        return NetBufferList.copyOf(new byte[] {1, 2, 3});
    }

    private Binding binding(String adapter) {
        return (Binding) p.handle(adapter);
    }

    /** The only record is {@code rule}, a violation against the miniport's bundle on {@code adapter}. */
    private void assertOnly(String rule, String adapter) {
        assertEquals(List.of(rule), fx.ruleIds(), fx.records().toString());
        Violation v = fx.records().get(0);
        assertEquals(adapter, v.adapter());
        assertEquals(EngineFixture.BUNDLE, v.bundle());
        assertEquals(Severity.VIOLATION, v.severity());
        fx.engine.verifier.clear();
    }

    @Test
    @DisplayName("N58 a send completion of a list the miniport was never given is recorded and reaches no protocol")
    void n58_sendCompleteOfListNeverSent_recorded() {
        a.handle.sendNetBufferListsComplete(frame(), 0);
        assertOnly("N58", "A");
        assertEquals(List.of(), p.sendCompletions);
        p.handle("A").sendNetBufferLists(frame(), 0, 0);
        assertEquals(1, p.sendCompletions.size(), "a real send still completes");
        assertEquals(List.of(), fx.records());
    }

    @Test
    @DisplayName("N58 a send completion from another adapter's miniport is recorded there; the sender's list stays outstanding on its own adapter")
    void n58_sendCompletedByAnotherAdapter_ownerUnaffected() {
        a.sendCompletion = null;
        NetBufferList sent = frame();
        p.handle("A").sendNetBufferLists(sent, 0, 0);
        b.handle.sendNetBufferListsComplete(sent, 0);
        assertOnly("N58", "B");
        assertEquals(List.of(), p.sendCompletions, "the protocol was not told");
        assertEquals(1, binding("A").outstanding().total(), "still outstanding on A");

        a.handle.sendNetBufferListsComplete(sent, 0);
        assertEquals(List.of(sent), p.sendCompletions, "completes once, from its own adapter");
        assertEquals(0, binding("A").outstanding().total());
        assertEquals(List.of(), fx.records());
    }

    @Test
    @DisplayName("N58 a stray send completion on an adapter with sends of its own outstanding is recorded and delivered to no one; its own sends are unaffected")
    void n58_sendCompletedByAnotherAdapterWithOwnSends_ownSendsUnaffected() {
        a.sendCompletion = null;
        b.sendCompletion = null;
        NetBufferList sent = frame();
        NetBufferList onB = frame();
        p.handle("A").sendNetBufferLists(sent, 0, 0);
        p.handle("B").sendNetBufferLists(onB, 0, 0);
        b.handle.sendNetBufferListsComplete(sent, 0);
        assertOnly("N58", "B");
        assertEquals(List.of(), p.sendCompletions);
        assertEquals(1, binding("A").outstanding().total());
        assertEquals(1, binding("B").outstanding().total(), "the binding layer took nothing from B's binding");

        a.handle.sendNetBufferListsComplete(sent, 0);
        assertEquals(List.of(sent), p.sendCompletions, "A and its binding are unaffected");
        b.handle.sendNetBufferListsComplete(onB, 0);
        assertEquals(List.of(sent, onB), p.sendCompletions, "B's own send is unaffected: lists are tracked per list");
        assertEquals(List.of(), fx.records());
    }

    @Test
    @DisplayName("N58 a list completed twice: the second completion is recorded and not delivered again")
    void n58_sendCompletedTwice_secondRecorded() {
        a.sendCompletion = null;
        NetBufferList sent = frame();
        p.handle("A").sendNetBufferLists(sent, 0, 0);
        a.handle.sendNetBufferListsComplete(sent, 0);
        assertEquals(List.of(), fx.records());
        a.handle.sendNetBufferListsComplete(sent, 0);
        assertOnly("N58", "A");
        assertEquals(List.of(sent), p.sendCompletions);
    }

    @Test
    @DisplayName("N39 an OID completion for a request the miniport never received is recorded and reaches no protocol")
    void n39_oidCompleteNeverReceived_recorded() {
        a.handle.oidRequestComplete(OidRequest.query(OID, 0, 6), NdisStatus.SUCCESS);
        assertOnly("N39", "A");
        assertEquals(List.of(), fx.log.stream().filter(e -> e.contains("oidComplete")).toList());
    }

    @Test
    @DisplayName("N39 another adapter's miniport completing a pended OID is recorded there; the request completes once from its own adapter")
    void n39_oidCompletedByAnotherAdapter_ownerUnaffected() {
        a.onOid = r -> NdisStatus.PENDING;
        OidRequest request = OidRequest.query(OID, 0, 6);
        assertEquals(NdisStatus.PENDING, p.handle("A").oidRequest(request));
        b.handle.oidRequestComplete(request, NdisStatus.SUCCESS);
        assertOnly("N39", "B");
        assertEquals(1, binding("A").outstanding().total(), "still pending on A");

        b.onOid = r -> NdisStatus.PENDING;
        assertEquals(NdisStatus.PENDING, p.handle("B").oidRequest(OidRequest.query(OID, 0, 6)));
        int from = fx.log.size();
        b.handle.oidRequestComplete(request, NdisStatus.FAILURE);
        assertOnly("N39", "B");
        assertEquals(1, binding("A").outstanding().total());
        assertEquals(1, binding("B").outstanding().total(), "the binding layer took nothing from B's binding");

        a.handle.oidRequestComplete(request, NdisStatus.SUCCESS);
        assertEquals(List.of("p1 oidComplete A 0x00010202 " + NdisStatus.SUCCESS), fx.logFrom(from));
        assertEquals(List.of(), fx.records());
        a.handle.oidRequestComplete(request, NdisStatus.SUCCESS);
        assertOnly("N39", "A");
        assertEquals(1, fx.logFrom(from).size(), "a second completion is not delivered");
    }

    @Test
    @DisplayName("N58 N39 D21 in FAIL_FAST a stray completion on an adapter with nothing outstanding throws and changes nothing")
    void n58_failFast_strayCompletionThrows() {
        BindingFixture strict = new BindingFixture(VerifierMode.FAIL_FAST, 30_000);
        RecordingProtocol q = strict.protocol("q");
        ScriptedMiniport m = strict.adapter("A");
        assertThrows(NdisVerifierException.class, () -> m.handle.sendNetBufferListsComplete(frame(), 0));
        assertThrows(NdisVerifierException.class,
                () -> m.handle.oidRequestComplete(OidRequest.query(OID, 0, 6), NdisStatus.SUCCESS));
        assertEquals(List.of("N58", "N39"), strict.ruleIds());
        q.handle("A").sendNetBufferLists(frame(), 0, 0);
        assertEquals(1, q.sendCompletions.size());
    }
}
