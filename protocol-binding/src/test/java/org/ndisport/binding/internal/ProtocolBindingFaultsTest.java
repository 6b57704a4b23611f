package org.ndisport.binding.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ndisport.binding.internal.BindingFixture.activate;
import static org.ndisport.binding.internal.BindingFixture.allocate;
import static org.ndisport.binding.internal.BindingFixture.deactivate;
import static org.ndisport.binding.internal.FaultsFixture.WAIT;
import static org.ndisport.binding.internal.FaultsFixture.frame;
import static org.ndisport.binding.internal.FaultsFixture.get;
import static org.ndisport.binding.internal.FaultsFixture.portState;
import static org.ndisport.binding.internal.FaultsFixture.query;

import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.data.NetBufferList;
import org.ndisport.api.miniport.HaltAction;
import org.ndisport.api.pnp.NetPnPEventNotification;
import org.ndisport.api.protocol.ProtocolBindingHandle;
import org.ndisport.api.runtime.AdapterPhase;
import org.ndisport.api.runtime.AdapterView;
import org.ndisport.api.runtime.PortState;

/**
 * Fault injection into a protocol's binding callbacks (N1, N12, N16, N59, O-2, O-6, O-7, P-4, D22,
 * D33, D34, R76): bindAdapter, unbindAdapter and netPnPEvent made to throw, to block, or to pend a port
 * event and never complete it. Protocol p faults on adapter A only; q and adapter B must keep serving
 * throughout. After each fault the record names p's bundle and nothing leaks (see
 * {@link FaultsFixture}).
 */
class ProtocolBindingFaultsTest extends FaultsSuite {

    // ---------------------------------------------------------------- protocol: bind and unbind

    @Test
    @DisplayName("N1 bindAdapter throws on one adapter: recorded with the protocol's bundle, that binding never opens, every other binding serves")
    void n1_bindAdapterThrows() {
        p.inject("bind", "A", Fault.throwing());
        assertEquals(NdisStatus.SUCCESS, a.initialize());
        faults.assertRecords("N1 VIOLATION A -1 bundle.p");
        assertEquals(List.of("q"), faults.protocolsBoundTo("A"));
        assertEquals(List.of("p", "q"), faults.protocolsBoundTo("B"));
        faults.assertServed("A", mA, q);
        faults.assertServed("B", mB, p);
        a.halt(HaltAction.DEVICE_DISABLED);
        assertFalse(log.contains("p unbind A"), "a binding that never opened is not unbound");
        faults.assertRecords("N1 VIOLATION A -1 bundle.p");
        faults.assertHaltedClean(a, mA);
    }

    @Test
    @DisplayName("O-2 R76 a very slow bindAdapter holds up only its adapter: others keep serving; the binding opens when it returns")
    void o2_slowBindAdapter_othersServed() throws Exception {
        Fault slow = p.inject("bind", "A", Fault.blockingOnce());
        Future<NdisStatus> init = faults.async(a::initialize);
        slow.awaitEntered();
        faults.assertServed("B", mB, p);
        faults.assertServed("B", mB, q);
        slow.release();
        assertEquals(NdisStatus.SUCCESS, get(init));
        assertEquals(List.of("p", "q"), faults.protocolsBoundTo("A"));
        faults.assertServed("A", mA, p);
        a.halt(HaltAction.DEVICE_DISABLED);
        faults.assertRecords();
        faults.assertHaltedClean(a, mA);
    }

    @Test
    @DisplayName("N1 D34 unbindAdapter throws during halt: recorded, the binding is closed anyway, the halt completes clean")
    void n1_unbindAdapterThrows() {
        faults.startA();
        ProtocolBindingHandle stale = p.handle("A");
        p.inject("unbind", "A", Fault.throwing());
        a.halt(HaltAction.DEVICE_DISABLED);
        faults.assertOrder("p unbind A", "q unbind A", "mA halt", "mA halted");
        faults.assertRecords("N1 VIOLATION A -1 bundle.p");
        NetBufferList l = frame();
        stale.sendNetBufferLists(l, 0, 0);
        assertEquals(NdisStatus.CLOSING, l.status());
        assertEquals(1, p.timesCompleted(l));
        faults.assertHaltedClean(a, mA);
        faults.assertServed("B", mB, p);
        faults.assertServed("B", mB, q);
    }

    @Test
    @DisplayName("N16 N59 D33 unbindAdapter throws while the protocol holds received lists: they go back to the miniport once")
    void n59_unbindThrowsWhileHoldingLists_listsTakenBack() {
        faults.startA();
        p.keepOn.add("A");
        mA.indicate(0, 2);
        assertEquals(List.of(), mA.returned, "p holds the chain");
        p.inject("unbind", "A", Fault.throwing());
        a.halt(HaltAction.DEVICE_DISABLED);
        assertEquals(List.of("N1 VIOLATION A -1 bundle.p", "N59 VIOLATION A -1 bundle.p"), faults.records());
        mA.assertEveryListReturnedOnce();
        faults.assertHaltedClean(a, mA);
    }

    @Test
    @DisplayName("D34 R76 a very slow unbindAdapter holds up only its adapter's halt; others keep serving")
    void d34_slowUnbindAdapter_othersServed() throws Exception {
        faults.startA();
        Fault slow = p.inject("unbind", "A", Fault.blockingOnce());
        Future<?> halt = faults.async(() -> a.halt(HaltAction.DEVICE_DISABLED));
        slow.awaitEntered();
        AdapterView view = a.view();
        assertEquals(AdapterPhase.P2_OPERATIONAL, view.phase());
        assertTrue(view.haltScheduled());
        NetBufferList refused = frame();
        q.handle("A").sendNetBufferLists(refused, 0, 0);
        assertEquals(NdisStatus.CLOSING, refused.status(), "N12 a send once the halt is scheduled");
        assertEquals(1, q.timesCompleted(refused));
        assertEquals(NdisStatus.CLOSING, q.handle("A").oidRequest(query()), "N12 an OID once the halt is scheduled");
        int from = log.size();
        NetBufferList in = mA.indicate(0, 1);
        assertEquals(1, mA.timesReturned(in));
        assertFalse(faults.logFrom(from).stream().anyMatch(l -> l.contains("receive A")), "D34 no receive once unbinding began");
        faults.assertServed("B", mB, p);
        faults.assertServed("B", mB, q);
        slow.release();
        get(halt);
        faults.assertOrder("p unbind A", "q unbind A", "mA halt");
        faults.assertRecords();
        faults.assertHaltedClean(a, mA);
    }

    // ---------------------------------------------------------------- protocol: port events

    @Test
    @DisplayName("N1 O-6 O-7 netPnPEvent throws: recorded, the miniport's result is unchanged and the next binding still hears it")
    void n1_netPnPEventThrows_outcomeUnchanged() {
        faults.startA();
        p.inject("event", "A", Fault.throwing());
        int n = allocate(mA.handle);
        activate(mA.handle, n);
        deactivate(mA.handle, n);
        faults.assertOrder("p activate A [" + n + "]", "q activate A [" + n + "]", "p deactivate A [" + n + "]",
                "q deactivate A [" + n + "]");
        faults.assertRecords("N1 VIOLATION A -1 bundle.p", "N1 VIOLATION A -1 bundle.p");
        assertEquals(NdisStatus.SUCCESS, mA.handle.freePort(n));
        faults.assertServed("B", mB, p);
        faults.assertServed("B", mB, q);
        a.halt(HaltAction.DEVICE_DISABLED);
        faults.assertHaltedClean(a, mA);
    }

    @Test
    @DisplayName("D22 R76 a netPnPEvent that blocks holds up only its adapter's event; others keep serving")
    void d22_slowNetPnPEvent_othersServed() throws Exception {
        faults.startA();
        int n = allocate(mA.handle);
        Fault slow = p.inject("event", "A", Fault.blockingOnce());
        Future<NdisStatus> activation = faults.async(() -> mA.handle.netPnPEvent(NetPnPEventNotification.portActivation(n)));
        slow.awaitEntered();
        assertEquals(PortState.ACTIVATING, portState(a, n));
        faults.assertServed("B", mB, p);
        faults.assertServed("B", mB, q);
        slow.release();
        assertEquals(NdisStatus.SUCCESS, get(activation));
        faults.assertOrder("p activate A [" + n + "]", "q activate A [" + n + "]");
        assertEquals(PortState.ACTIVATED, portState(a, n));
        a.halt(HaltAction.DEVICE_DISABLED);
        faults.assertRecords();
        faults.assertHaltedClean(a, mA);
    }

    @Test
    @DisplayName("P-4 D22 a port event pended and never completed: P-4 after pnp.timeout.ms, delivery goes on, others served meanwhile; a late completion is warning D22")
    void p4_pendingNeverCompleted_timeoutThenDeliveryContinues() throws Exception {
        faults.startA();
        p.pendOn.add("A");
        int n = allocate(mA.handle);
        Future<NdisStatus> activation = faults.async(() -> mA.handle.netPnPEvent(NetPnPEventNotification.portActivation(n)));
        NetPnPEventNotification pending = p.pended.poll(WAIT, TimeUnit.SECONDS);
        assertNotNull(pending);
        faults.assertServed("B", mB, p);
        faults.assertServed("B", mB, q);
        assertEquals(NdisStatus.SUCCESS, get(activation));
        faults.assertOrder("p activate A [" + n + "]", "q activate A [" + n + "]");
        faults.assertRecords("P-4 VIOLATION A -1 bundle.p");
        p.handle("A").completeNetPnPEvent(pending, NdisStatus.SUCCESS);
        faults.assertRecords("P-4 VIOLATION A -1 bundle.p", "D22 WARNING A -1 bundle.p");
        assertEquals(PortState.ACTIVATED, portState(a, n));
        p.pendOn.remove("A");
        a.halt(HaltAction.DEVICE_DISABLED);
        faults.assertHaltedClean(a, mA);
    }
}
