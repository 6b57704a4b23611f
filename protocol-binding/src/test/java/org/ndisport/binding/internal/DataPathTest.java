package org.ndisport.binding.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ndisport.binding.internal.BindingFixture.activate;
import static org.ndisport.binding.internal.BindingFixture.allocate;
import static org.ndisport.binding.internal.BindingFixture.deactivate;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ndisport.api.Irql;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.NdisVerifierException;
import org.ndisport.api.data.NetBufferList;
import org.ndisport.api.data.OidRequest;
import org.ndisport.api.data.StatusCodes;
import org.ndisport.api.data.StatusIndication;
import org.ndisport.api.pnp.NetPnPEventNotification;
import org.ndisport.api.port.AuthStates;
import org.ndisport.api.port.LinkState;
import org.ndisport.api.port.NdisPortState;
import org.ndisport.api.protocol.BindParameters;
import org.ndisport.api.protocol.ProtocolBindingHandle;
import org.ndisport.api.protocol.ProtocolDriver;
import org.ndisport.api.runtime.PortState;
import org.ndisport.api.runtime.Severity;
import org.ndisport.api.runtime.VerifierMode;
import org.ndisport.api.runtime.Violation;
import org.ndisport.core.adapter.internal.ScriptedMiniport;

/** Sends, receives and status by port between protocols and the miniport (R17, R33, R46-R48, R60, R77, D21, D33). */
class DataPathTest {
    private final BindingFixture fx = new BindingFixture();

    private static NetBufferList frame() {
        return NetBufferList.copyOf(new byte[] {1, 2, 3});
    }

    @Test
    @DisplayName("R45 R77 a send reaches the miniport with its port number and completes back exactly once")
    void r77_sendReachesMiniportAndCompletesOnce() {
        RecordingProtocol p = fx.protocol("p1");
        ScriptedMiniport m = fx.adapter("A");
        int n = allocate(m.handle);
        activate(m.handle, n);
        NetBufferList first = frame();
        NetBufferList second = frame();
        first.next(second);
        p.handle("A").sendNetBufferLists(first, n, 0);
        assertEquals(List.of(n), m.sendPorts);
        assertEquals(List.of(first, second), p.sendCompletions);
        assertEquals(NdisStatus.SUCCESS, first.status());
        assertTrue(fx.records().isEmpty(), fx.records().toString());
    }

    @Test
    @DisplayName("N37 a send from inside bindAdapter (the binding is not running yet) completes PAUSED, is recorded and reaches nothing")
    void n37_sendBeforeBindReturned_paused() {
        ScriptedMiniport m = fx.adapter("A");
        List<NetBufferList> completed = new ArrayList<>();
        NetBufferList early = frame();
        ProtocolDriver eager = new ProtocolDriver() {
            @Override
            public NdisStatus bindAdapter(ProtocolBindingHandle binding, BindParameters parameters) {
                binding.sendNetBufferLists(early, 0, 0);
                return NdisStatus.SUCCESS;
            }

            @Override
            public void unbindAdapter(ProtocolBindingHandle binding) {
            }

            @Override
            public NdisStatus netPnPEvent(ProtocolBindingHandle binding, NetPnPEventNotification notification) {
                return NdisStatus.SUCCESS;
            }

            @Override
            public void sendNetBufferListsComplete(ProtocolBindingHandle binding, NetBufferList lists, int flags) {
                completed.add(lists);
            }
        };
        fx.layer.register(eager, "eager", BindingFixture.bundleOf("eager"), 0);
        assertEquals(List.of(early), completed);
        assertEquals(NdisStatus.PAUSED, early.status());
        assertEquals(List.of(), m.sendPorts, "not delivered");
        fx.assertOnlyRecord("N37", Severity.VIOLATION, "A", 0, "eager");
    }

    @Test
    @DisplayName("R44 a send on port 0 is open to every binding")
    void r44_sendOnDefaultPort() {
        RecordingProtocol p = fx.protocol("p1");
        ScriptedMiniport m = fx.adapter("A");
        p.handle("A").sendNetBufferLists(frame(), 0, 0);
        assertEquals(List.of(0), m.sendPorts);
    }

    @Test
    @DisplayName("R46 D21 a send to an ALLOCATED or NONEXISTENT port completes with INVALID_PORT and is recorded")
    void r46_sendToInactivePort() {
        RecordingProtocol p = fx.protocol("p1");
        ScriptedMiniport m = fx.adapter("A");
        int n = allocate(m.handle);
        NetBufferList l = frame();
        p.handle("A").sendNetBufferLists(l, n, 0);
        assertEquals(List.of(), m.sendPorts, "not delivered");
        assertEquals(List.of(l), p.sendCompletions);
        assertEquals(NdisStatus.INVALID_PORT, l.status());
        fx.assertOnlyRecord("R46", Severity.VIOLATION, "A", n, "p1");
        fx.engine.verifier.clear();
        p.handle("A").sendNetBufferLists(frame(), 77, 0);
        fx.assertOnlyRecord("R46", Severity.VIOLATION, "A", 77, "p1");
    }

    @Test
    @DisplayName("D21 in FAIL_FAST a send to an inactive port throws and has no other effect")
    void d21_failFastSend() {
        BindingFixture strict = new BindingFixture(VerifierMode.FAIL_FAST, 1_000);
        RecordingProtocol p = strict.protocol("p1");
        ScriptedMiniport m = strict.adapter("A");
        int n = allocate(m.handle);
        NetBufferList l = frame();
        assertThrows(NdisVerifierException.class, () -> p.handle("A").sendNetBufferLists(l, n, 0));
        assertEquals(List.of(), p.sendCompletions);
        assertEquals(List.of(), m.sendPorts);
        assertEquals(List.of("R46"), strict.ruleIds());
    }

    @Test
    @DisplayName("R47 O-4 R17 during activation a protocol that has the event may send on the port; one that has not is refused")
    void r47_activatingPortNotYetReported() {
        RecordingProtocol p1 = fx.protocol("p1");
        RecordingProtocol p2 = fx.protocol("p2");
        ScriptedMiniport m = fx.adapter("A");
        int n = allocate(m.handle);
        List<NetBufferList> p2Sent = new ArrayList<>();
        p1.onPortEvent = (b, e) -> {
            b.sendNetBufferLists(frame(), n, 0);
            NetBufferList early = frame();
            p2Sent.add(early);
            p2.handle("A").sendNetBufferLists(early, n, 0);
            return NdisStatus.SUCCESS;
        };
        activate(m.handle, n);
        assertEquals(List.of(n), m.sendPorts, "p1's send was delivered before the call returned");
        assertEquals(NdisStatus.INVALID_PORT, p2Sent.get(0).status());
        fx.assertOnlyRecord("R47", Severity.VIOLATION, "A", n, "p2");
    }

    @Test
    @DisplayName("O-5 R33 during deactivation a protocol's requests issued before it returns reach the miniport")
    void o5_sendDuringDeactivationEvent() {
        RecordingProtocol p = fx.protocol("p1");
        ScriptedMiniport m = fx.adapter("A");
        int n = allocate(m.handle);
        activate(m.handle, n);
        p.onPortEvent = (b, e) -> {
            b.sendNetBufferLists(frame(), n, 0);
            return NdisStatus.SUCCESS;
        };
        deactivate(m.handle, n);
        assertEquals(List.of(n), m.sendPorts);
        assertTrue(fx.records().isEmpty(), fx.records().toString());
    }

    @Test
    @DisplayName("P-2 a send after the protocol returned from the deactivation event completes with INVALID_PORT")
    void p2_sendAfterDeactivationReturn() {
        RecordingProtocol p1 = fx.protocol("p1");
        RecordingProtocol p2 = fx.protocol("p2");
        ScriptedMiniport m = fx.adapter("A");
        int n = allocate(m.handle);
        activate(m.handle, n);
        NetBufferList late = frame();
        p2.onPortEvent = (b, e) -> {
            p1.handle("A").sendNetBufferLists(late, n, 0);
            return NdisStatus.SUCCESS;
        };
        deactivate(m.handle, n);
        assertEquals(List.of(), m.sendPorts);
        assertEquals(NdisStatus.INVALID_PORT, late.status());
        fx.assertOnlyRecord("P-2", Severity.VIOLATION, "A", n, "p1");
    }

    @Test
    @DisplayName("P-2 requests still outstanding when a protocol completes a deactivation event are recorded")
    void p2_outstandingAtCompletion() {
        RecordingProtocol p = fx.protocol("p1");
        ScriptedMiniport m = fx.adapter("A");
        m.sendCompletion = null;
        int n = allocate(m.handle);
        int other = allocate(m.handle);
        activate(m.handle, n, other);
        NetBufferList l = frame();
        p.handle("A").sendNetBufferLists(l, n, 0);
        p.handle("A").sendNetBufferLists(frame(), other, 0);
        deactivate(m.handle, n);
        fx.assertOnlyRecord("P-2", Severity.VIOLATION, "A", n, "p1");
        m.handle.sendNetBufferListsComplete(l, 0);
        assertEquals(List.of(l), p.sendCompletions, "the late completion still reaches the sender once");
    }

    @Test
    @DisplayName("completions are routed to the binding that sent each list, each list once")
    void completionsRoutedToSender() {
        RecordingProtocol p1 = fx.protocol("p1");
        RecordingProtocol p2 = fx.protocol("p2");
        ScriptedMiniport m = fx.adapter("A");
        m.sendCompletion = null;
        NetBufferList a = frame();
        NetBufferList b = frame();
        NetBufferList c = frame();
        p1.handle("A").sendNetBufferLists(a, 0, 0);
        p2.handle("A").sendNetBufferLists(b, 0, 0);
        p1.handle("A").sendNetBufferLists(c, 0, 0);
        a.next(b);
        b.next(c);
        m.handle.sendNetBufferListsComplete(a, 0);
        assertEquals(List.of(a, c), p1.sendCompletions);
        assertEquals(List.of(b), p2.sendCompletions);
    }

    @Test
    @DisplayName("R45 R77 §4.1 a receive reaches every binding with its source port; the list goes back to the miniport once")
    void r77_receiveToEveryBinding() {
        fx.protocol("p1");
        fx.protocol("p2");
        ScriptedMiniport m = fx.adapter("A");
        int n = allocate(m.handle);
        activate(m.handle, n);
        int before = fx.log.size();
        NetBufferList l = frame();
        m.handle.indicateReceiveNetBufferLists(l, n, 1, 0);
        assertEquals(List.of("p1 receive A port=1 lists=1", "p2 receive A port=1 lists=1"), fx.logFrom(before));
        assertEquals(List.of(l), m.returned);
    }

    @Test
    @DisplayName("D33 a list held by one binding goes back only when every binding returned it")
    void d33_heldListReturnedWhenLastBindingReturns() {
        RecordingProtocol p1 = fx.protocol("p1");
        fx.protocol("p2");
        p1.keepReceives = true;
        ScriptedMiniport m = fx.adapter("A");
        NetBufferList a = frame();
        NetBufferList b = frame();
        a.next(b);
        m.handle.indicateReceiveNetBufferLists(a, 0, 2, 0);
        assertEquals(List.of(), m.returned, "p1 still holds both");
        p1.handle("A").returnNetBufferLists(p1.kept.get(0), 0);
        assertEquals(Set.of(a, b), Set.copyOf(m.returned));
        assertEquals(2, m.returned.size());
        assertTrue(fx.records().isEmpty(), fx.records().toString());
    }

    @Test
    @DisplayName("N59 D33 a protocol leaving while it holds received lists: they go back once, the other binding's hold kept")
    void n59_unbindHoldingLists_takenBackOnce() {
        RecordingProtocol p1 = fx.protocol("p1");
        p1.keepReceives = true;
        RecordingProtocol p2 = fx.protocol("p2");
        p2.keepReceives = true;
        ScriptedMiniport m = fx.adapter("A");
        NetBufferList a = frame();
        NetBufferList b = frame();
        NetBufferList c = frame();
        m.handle.indicateReceiveNetBufferLists(a.next(b), 0, 2, 0);
        m.handle.indicateReceiveNetBufferLists(c, 0, 1, 0);
        p2.handle("A").returnNetBufferLists(p2.kept.get(0), 0);
        ProtocolBindingHandle gone = p1.handle("A");
        fx.layer.unregister(p1.entry);
        assertEquals(Set.of(a, b), Set.copyOf(m.returned), "c is still held by p2");
        assertEquals(2, m.returned.size());
        fx.assertOnlyRecord("N59", Severity.VIOLATION, "A", -1, "p1");
        p2.handle("A").returnNetBufferLists(c, 0);
        assertEquals(Set.of(a, b, c), Set.copyOf(m.returned));
        gone.returnNetBufferLists(c, 0);
        assertEquals(3, m.returned.size(), "a late return by the closed binding passes nothing on");
        assertEquals(List.of("N59", "N15"), fx.records().stream().map(Violation::ruleId).toList());
    }

    @Test
    @DisplayName("N59 a binding closing while its chain is still handed round to later bindings: the lists it kept are taken back once the indication ends")
    void n59_closedWhileChainStillHandedRound_takenBackAfterwards() throws Exception {
        RecordingProtocol keeper = fx.protocol("keeper");
        keeper.keepReceives = true;
        RecordingProtocol later = fx.protocol("later");
        ScriptedMiniport m = fx.adapter("A");
        later.onReceive = (b, lists, port) -> {
            Thread closer = new Thread(() -> fx.layer.unregister(keeper.entry), "closer");
            closer.start();
            try {
                closer.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            assertEquals(List.of(), m.returned, "the chain is still being handed round");
        };
        NetBufferList l = frame();
        m.handle.indicateReceiveNetBufferLists(l, 0, 1, 0);
        assertEquals(List.of(l), m.returned, "back once the indication ended, though the keeper never returned it");
        fx.assertOnlyRecord("N59", Severity.VIOLATION, "A", -1, "keeper");
    }

    @Test
    @DisplayName("N15 a list returned twice is recorded and not passed on again")
    void n15_doubleReturn() {
        RecordingProtocol p = fx.protocol("p1");
        ScriptedMiniport m = fx.adapter("A");
        NetBufferList l = frame();
        m.handle.indicateReceiveNetBufferLists(l, 0, 1, 0);
        p.handle("A").returnNetBufferLists(l, 0);
        assertEquals(List.of(l), m.returned);
        fx.assertOnlyRecord("N15", Severity.VIOLATION, "A", 0, "p1");
    }

    @Test
    @DisplayName("N1 N16 a protocol throwing from receive is recorded, its references released; others still receive")
    void n16_throwingReceiveReleasesReferences() {
        fx.protocol("p1").throwIn = "receive";
        RecordingProtocol p2 = fx.protocol("p2");
        p2.keepReceives = true;
        ScriptedMiniport m = fx.adapter("A");
        NetBufferList l = frame();
        m.handle.indicateReceiveNetBufferLists(l, 0, 1, 0);
        assertEquals(List.of(), m.returned, "p2 still holds it");
        p2.handle("A").returnNetBufferLists(l, 0);
        assertEquals(List.of(l), m.returned);
        fx.assertOnlyRecord("N1", Severity.VIOLATION, "A", 0, "p1");
    }

    @Test
    @DisplayName("N16 a protocol that returned the lists and then threw is not released twice")
    void n16_returnedThenThrew() {
        RecordingProtocol p1 = fx.protocol("p1");
        p1.onReceive = (b, lists, port) -> {
            b.returnNetBufferLists(lists, 0);
            throw new IllegalStateException("after returning");
        };
        RecordingProtocol p2 = fx.protocol("p2");
        p2.keepReceives = true;
        ScriptedMiniport m = fx.adapter("A");
        NetBufferList l = frame();
        m.handle.indicateReceiveNetBufferLists(l, 0, 1, 0);
        assertEquals(List.of(), m.returned, "p2 still holds it");
        p2.handle("A").returnNetBufferLists(l, 0);
        assertEquals(List.of(l), m.returned);
        fx.assertOnlyRecord("N1", Severity.VIOLATION, "A", 0, "p1");
    }

    @Test
    @DisplayName("N15 a list returned twice by one binding is recorded against it; the other binding's hold is kept")
    void n15_doubleReturnAttributedToTheReturningBinding() {
        RecordingProtocol p1 = fx.protocol("p1");
        p1.keepReceives = true;
        RecordingProtocol p2 = fx.protocol("p2");
        p2.keepReceives = true;
        ScriptedMiniport m = fx.adapter("A");
        NetBufferList l = frame();
        m.handle.indicateReceiveNetBufferLists(l, 0, 1, 0);
        p1.handle("A").returnNetBufferLists(l, 0);
        p1.handle("A").returnNetBufferLists(l, 0);
        assertEquals(List.of(), m.returned, "p2 still holds it");
        fx.assertOnlyRecord("N15", Severity.VIOLATION, "A", 0, "p1");
        p2.handle("A").returnNetBufferLists(l, 0);
        assertEquals(List.of(l), m.returned);
        assertEquals(1, fx.records().size());
    }

    @Test
    @DisplayName("N15 D21 in FAIL_FAST a return holding an unheld list throws and releases nothing")
    void n15_failFastReturnChangesNothing() {
        BindingFixture strict = new BindingFixture(VerifierMode.FAIL_FAST, 1_000);
        RecordingProtocol p = strict.protocol("p1");
        p.keepReceives = true;
        ScriptedMiniport m = strict.adapter("A");
        NetBufferList a = frame();
        NetBufferList b = frame();
        a.next(b);
        m.handle.indicateReceiveNetBufferLists(a, 0, 2, 0);
        NetBufferList stranger = frame();
        b.next(stranger);
        assertThrows(NdisVerifierException.class, () -> p.handle("A").returnNetBufferLists(a, 0));
        assertEquals(List.of(), m.returned);
        b.next(null);
        p.handle("A").returnNetBufferLists(a, 0);
        assertEquals(Set.of(a, b), Set.copyOf(m.returned));
        assertEquals(2, m.returned.size());
    }

    @Test
    @DisplayName("N16 a callback that returns an earlier indication's lists and throws gives up exactly the current ones")
    void n16_throwAfterReturningAnotherIndication() {
        RecordingProtocol p = fx.protocol("p1");
        ScriptedMiniport m = fx.adapter("A");
        NetBufferList first = frame();
        NetBufferList second = frame();
        p.keepReceives = true;
        m.handle.indicateReceiveNetBufferLists(first, 0, 1, 0);
        p.keepReceives = false;
        p.onReceive = (b, lists, port) -> {
            b.returnNetBufferLists(first, 0);
            throw new IllegalStateException("after returning the first");
        };
        m.handle.indicateReceiveNetBufferLists(second, 0, 1, 0);
        assertEquals(List.of(first, second), m.returned);
        fx.assertOnlyRecord("N1", Severity.VIOLATION, "A", 0, "p1");
    }

    @Test
    @DisplayName("a protocol unbinding itself from inside its receive callback does not wait for itself")
    void unbindFromInsideReceive() throws Exception {
        RecordingProtocol p = fx.protocol("p1");
        ScriptedMiniport m = fx.adapter("A");
        p.onReceive = (b, lists, port) -> fx.layer.unregister(p.entry);
        java.util.concurrent.CompletableFuture<Void> call = java.util.concurrent.CompletableFuture.runAsync(
                () -> m.handle.indicateReceiveNetBufferLists(frame(), 0, 1, 0));
        call.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertTrue(fx.log.contains("p1 unbind A"), fx.log.toString());
        assertEquals(1, m.returned.size());
    }

    @Test
    @DisplayName("D15 close waits for the binding's outstanding sends, so their completions reach the protocol")
    void closeWaitsForOutstandingSends() {
        RecordingProtocol p = fx.protocol("p1");
        ScriptedMiniport m = fx.adapter("A");
        m.sendCompletion = null;
        NetBufferList l = frame();
        p.handle("A").sendNetBufferLists(l, 0, 0);
        java.util.concurrent.CompletableFuture.runAsync(() -> {
            java.util.concurrent.locks.LockSupport.parkNanos(50_000_000L);
            l.status(NdisStatus.SUCCESS);
            m.handle.sendNetBufferListsComplete(l, 0);
        });
        fx.layer.unregister(p.entry);
        assertEquals(List.of(l), p.sendCompletions, "completed before the close finished");
    }

    @Test
    @DisplayName("N21 a send completion with no binding layer present is recorded, not lost silently")
    void n21_completionWithoutBindingLayer() {
        RecordingProtocol p = fx.protocol("p1");
        ScriptedMiniport m = fx.adapter("A");
        m.sendCompletion = null;
        NetBufferList l = frame();
        p.handle("A").sendNetBufferLists(l, 0, 0);
        fx.engine.context.sink(null);
        m.handle.sendNetBufferListsComplete(l, 0);
        assertEquals(List.of("N21"), fx.ruleIds());
        assertEquals(Severity.WARNING, fx.records().get(0).severity());
    }

    @Test
    @DisplayName("a receive with no binding open goes straight back to the miniport")
    void receiveWithoutBindings() {
        fx.protocol("p1").bindAnswer = NdisStatus.FAILURE;
        ScriptedMiniport m = fx.adapter("A");
        NetBufferList l = frame();
        m.handle.indicateReceiveNetBufferLists(l, 0, 1, 0);
        assertEquals(List.of(l), m.returned);
    }

    @Test
    @DisplayName("D33 after the deactivation returned, no indication for the port reaches a protocol")
    void d33_noIndicationAfterDeactivation() {
        fx.protocol("p1");
        ScriptedMiniport m = fx.adapter("A");
        int n = allocate(m.handle);
        activate(m.handle, n);
        deactivate(m.handle, n);
        int before = fx.log.size();
        NetBufferList l = frame();
        m.handle.indicateReceiveNetBufferLists(l, n, 1, 0);
        m.handle.indicateStatus(new StatusIndication(n, StatusCodes.NDIS_STATUS_LINK_STATE, null, 0));
        assertEquals(List.of(), fx.logFrom(before));
        assertEquals(List.of(l), m.returned, "the dropped list went back to the miniport");
        assertEquals(List.of("R11", "R48"), fx.ruleIds());
    }

    @Test
    @DisplayName("R48 R77 §6.4 status reaches every binding with its source port; NDIS_STATUS_PORT_STATE updates the cache")
    void r77_statusToEveryBinding() {
        fx.protocol("p1");
        fx.protocol("p2");
        ScriptedMiniport m = fx.adapter("A");
        int n = allocate(m.handle);
        activate(m.handle, n);
        int before = fx.log.size();
        AuthStates auth = AuthStates.UNCONTROLLED_UNKNOWN;
        LinkState up = new LinkState(org.ndisport.api.port.MediaConnectState.CONNECTED, 1_000_000_000L, 1_000_000_000L,
                org.ndisport.api.port.NetIfDirection.SEND_RECEIVE);
        m.handle.indicateStatus(new StatusIndication(n, StatusCodes.NDIS_STATUS_PORT_STATE, NdisPortState.of(up, auth),
                NdisPortState.SIZE));
        assertEquals(List.of("p1 status A port=1 code=0x40010022", "p2 status A port=1 code=0x40010022"), fx.logFrom(before));
        assertEquals(up, ScriptedMiniport.viewOf(m.handle).port(n).linkState());
    }

    @Test
    @DisplayName("R60 D31 a receive indication at DIRQL records R60 for the miniport and is still handled")
    void r60_receiveAtDirql() {
        fx.protocol("p1");
        ScriptedMiniport m = fx.adapter("A");
        Irql old = m.handle.raiseIrql(Irql.DIRQL);
        try {
            m.handle.indicateReceiveNetBufferLists(frame(), 0, 1, 0);
        } finally {
            m.handle.lowerIrql(old);
        }
        assertEquals(List.of("R60"), fx.ruleIds());
        assertEquals("test.driver.bundle", fx.records().get(0).bundle());
        assertEquals(1, m.returned.size());
    }

    @Test
    @DisplayName("R60 D31 a protocol send at DIRQL records R60 for the protocol")
    void r60_sendAtDirql() {
        RecordingProtocol p = fx.protocol("p1");
        ScriptedMiniport m = fx.adapter("A");
        Irql old = m.handle.raiseIrql(Irql.DIRQL);
        try {
            p.handle("A").sendNetBufferLists(frame(), 0, 0);
        } finally {
            m.handle.lowerIrql(old);
        }
        fx.assertOnlyRecord("R60", Severity.VIOLATION, "A", 0, "p1");
        assertEquals(List.of(0), m.sendPorts);
    }

    @Test
    @DisplayName("after unbind the handle is closed: sends complete with CLOSING, OIDs return CLOSING")
    void closedHandle() {
        RecordingProtocol p = fx.protocol("p1");
        ScriptedMiniport m = fx.adapter("A");
        ProtocolBindingHandle h = p.handle("A");
        fx.layer.unregister(p.entry);
        NetBufferList l = frame();
        h.sendNetBufferLists(l, 0, 0);
        assertEquals(NdisStatus.CLOSING, l.status());
        assertSame(l, p.sendCompletions.get(0));
        assertEquals(NdisStatus.CLOSING, h.oidRequest(OidRequest.query(0x00010202, 0, 4)));
        assertEquals(List.of(), m.sendPorts);
        assertEquals(PortState.ACTIVATED, ScriptedMiniport.viewOf(m.handle).port(0).state());
    }

    @Test
    @DisplayName("N1 a protocol throwing from its send completion is recorded; the list is not completed twice")
    void n1_throwingSendCompletion() {
        RecordingProtocol p = fx.protocol("p1");
        p.throwIn = "sendComplete";
        fx.adapter("A");
        p.handle("A").sendNetBufferLists(frame(), 0, 0);
        assertEquals(1, p.sendCompletions.size());
        fx.assertOnlyRecord("N1", Severity.VIOLATION, "A", 0, "p1");
    }
}
