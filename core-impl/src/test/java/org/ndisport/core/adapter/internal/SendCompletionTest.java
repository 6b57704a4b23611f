package org.ndisport.core.adapter.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ndisport.core.adapter.internal.PortEventTestSupport.allocate;
import static org.ndisport.core.adapter.internal.PortEventTestSupport.activate;
import static org.ndisport.core.adapter.internal.PortEventTestSupport.assertNoRecords;
import static org.ndisport.core.adapter.internal.PortEventTestSupport.assertOnlyRecord;
import static org.ndisport.core.adapter.internal.PortEventTestSupport.assertRecord;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.NdisVerifierException;
import org.ndisport.api.data.NetBufferList;
import org.ndisport.api.miniport.HaltAction;
import org.ndisport.api.miniport.NdisMiniportHandle;
import org.ndisport.api.runtime.Severity;
import org.ndisport.api.runtime.VerifierMode;

/**
 * Each sent list comes back to its protocol exactly once, whatever the miniport does (N57, N58): a send
 * callback that throws, a completion of a list the miniport does not have, a completion made twice.
 */
class SendCompletionTest {
    private EngineFixture fx;
    private RecordingSink sink;
    private ScriptedMiniport m;
    private NdisMiniportHandle h;
    private AdapterRuntime a;

    @BeforeEach
    void setUp() {
        use(new EngineFixture());
    }

    private void use(EngineFixture fixture) {
        fx = fixture;
        sink = new RecordingSink();
        fx.context.sink(sink);
        m = new ScriptedMiniport();
        a = fx.initialized("A", m);
        h = m.handle;
        assertEquals(1, allocate(h));
        activate(h, 1);
        assertNoRecords(fx);
    }

    private static NetBufferList chain(int n) {
        NetBufferList head = null;
        for (int i = 0; i < n; i++) {
            head = NetBufferList.copyOf(new byte[60]).next(head);
        }
        return head;
    }

    @Test
    @DisplayName("N1 N57 a send callback that throws at once: every list of the chain completes once, with FAILURE")
    void n57_sendThrows_everyListCompletesWithFailure() {
        m.sendCompletion = null;
        m.onSend = (handle, lists) -> {
            throw new IllegalStateException("driver bug");
        };
        NetBufferList lists = chain(3);
        List<NetBufferList> sent = List.of(lists, lists.next(), lists.next().next());
        sink.lastAdapter.sendNetBufferLists(lists, 1, 0);
        assertEquals(sent, sink.completedSends);
        sent.forEach(l -> assertEquals(NdisStatus.FAILURE, l.status()));
        assertOnlyRecord(fx, "N1", Severity.VIOLATION, "A", -1);
        a.halt(HaltAction.DEVICE_DISABLED);
        assertEquals(3, sink.completedSends.size(), "nothing outstanding: halt did not wait, no N3");
    }

    @Test
    @DisplayName("N57 a send callback that completed the first list, relinked the rest, then threw: only the rest fail")
    void n57_sendThrowsAfterCompletingFirst_onlyTheRestFail() {
        m.sendCompletion = null;
        m.onSend = (handle, lists) -> {
            NetBufferList second = lists.next();
            NetBufferList third = second.next();
            lists.next(null);
            handle.sendNetBufferListsComplete(lists.status(NdisStatus.SUCCESS), 0);
            third.next(second);
            second.next(null);
            throw new IllegalStateException("driver bug");
        };
        NetBufferList lists = chain(3);
        NetBufferList second = lists.next();
        NetBufferList third = second.next();
        sink.lastAdapter.sendNetBufferLists(lists, 1, 0);
        assertEquals(List.of(lists, second, third), sink.completedSends, "by the links they were sent with");
        assertEquals(NdisStatus.SUCCESS, lists.status());
        assertEquals(NdisStatus.FAILURE, second.status());
        assertEquals(NdisStatus.FAILURE, third.status());
        assertOnlyRecord(fx, "N1", Severity.VIOLATION, "A", -1);
    }

    @Test
    @DisplayName("N58 a miniport completing, after its send threw, lists the runtime took back: recorded, not delivered again")
    void n58_completionAfterTakeBack_recordedNotDelivered() {
        m.sendCompletion = null;
        NetBufferList[] kept = new NetBufferList[1];
        m.onSend = (handle, lists) -> {
            kept[0] = lists;
            throw new IllegalStateException("driver bug");
        };
        sink.lastAdapter.sendNetBufferLists(chain(1), 1, 0);
        fx.verifier.clear();
        h.sendNetBufferListsComplete(kept[0], 0);
        assertEquals(1, sink.completedSends.size());
        assertOnlyRecord(fx, "N58", Severity.VIOLATION, "A", 1);
    }

    @Test
    @DisplayName("N58 completing a list never sent: recorded; the lists of the chain that were sent complete once")
    void n58_completionOfListNeverSent_leftOut() {
        m.sendCompletion = null;
        NetBufferList[] kept = new NetBufferList[1];
        m.onSend = (handle, lists) -> kept[0] = lists;
        sink.lastAdapter.sendNetBufferLists(chain(1), 1, 0);
        NetBufferList stranger = NetBufferList.copyOf(new byte[60]);
        stranger.next(kept[0]);
        h.sendNetBufferListsComplete(stranger, 0);
        assertEquals(List.of(kept[0]), sink.completedSends);
        assertOnlyRecord(fx, "N58", Severity.VIOLATION, "A", 0);
    }

    @Test
    @DisplayName("N58 completing a list twice: the second completion is recorded and not delivered")
    void n58_completedTwice_secondLeftOut() {
        NetBufferList l = chain(1);
        sink.lastAdapter.sendNetBufferLists(l, 1, 0);
        assertEquals(List.of(l), sink.completedSends);
        h.sendNetBufferListsComplete(l, 0);
        assertEquals(List.of(l), sink.completedSends);
        assertOnlyRecord(fx, "N58", Severity.VIOLATION, "A", 1);
    }

    @Test
    @DisplayName("N58 FAIL_FAST: a chain with a list never sent throws before any effect; the sent list completes after")
    void n58_failFast_throwsBeforeAnyEffect() {
        use(new EngineFixture(VerifierMode.FAIL_FAST));
        m.sendCompletion = null;
        NetBufferList[] kept = new NetBufferList[1];
        m.onSend = (handle, lists) -> kept[0] = lists;
        sink.lastAdapter.sendNetBufferLists(chain(1), 1, 0);
        NetBufferList stranger = NetBufferList.copyOf(new byte[60]).next(kept[0]);
        NdisVerifierException e = assertThrows(NdisVerifierException.class, () -> h.sendNetBufferListsComplete(stranger, 0));
        assertRecord(e.violation(), "N58", Severity.VIOLATION, "A", 0);
        assertTrue(sink.completedSends.isEmpty());
        kept[0].next(null);
        h.sendNetBufferListsComplete(kept[0], 0);
        assertEquals(List.of(kept[0]), sink.completedSends);
    }
}
