package org.ndisport.binding.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ndisport.binding.internal.BindingFixture.allocate;
import static org.ndisport.binding.internal.FaultsFixture.awaitTrue;
import static org.ndisport.binding.internal.FaultsFixture.frame;
import static org.ndisport.binding.internal.FaultsFixture.get;

import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.data.NetBufferList;
import org.ndisport.api.miniport.HaltAction;
import org.ndisport.api.pnp.NetPnPEventNotification;

/**
 * A protocol bundle leaving while one of its callbacks runs on another thread (D33, R76): p is
 * unregistered during its receiveNetBufferLists, netPnPEvent, bindAdapter or send completion. Its
 * unbind waits for the callback, nothing deadlocks, and every list comes back once, while q and
 * adapter B keep serving (see {@link FaultsFixture}).
 */
class VanishingProtocolFaultsTest extends FaultsSuite {

    // ---------------------------------------------------------------- protocol leaving mid-callback

    @Test
    @DisplayName("D33 a protocol unregistered while its receive runs on another thread: unbind waits for the callback; lists back once")
    void d33_unregisterDuringReceive_unbindWaits() throws Exception {
        faults.startA();
        Fault slow = p.inject("receive", "A", Fault.blockingOnce());
        AtomicBoolean receiveDoneAtUnbind = new AtomicBoolean();
        p.onCall("unbind", "A", () -> receiveDoneAtUnbind.set(slow.left()));
        Future<NetBufferList> indication = faults.async(() -> mA.indicate(0, 2));
        slow.awaitEntered();
        Future<?> gone = faults.async(() -> fx.layer.unregister(p.entry));
        awaitTrue(() -> !faults.protocolsBoundTo("A").contains("p"), "p's binding to A taken out of the indication path");
        assertFalse(log.contains("p unbind A"), "unbind waits for the receive in progress");
        faults.assertServed("B", mB, q);
        slow.release();
        get(gone);
        get(indication);
        assertTrue(receiveDoneAtUnbind.get(), "unbindAdapter came after the receive callback returned");
        mA.assertEveryListReturnedOnce();
        assertEquals(List.of("q"), faults.protocolsBoundTo("A"));
        assertEquals(List.of("q"), faults.protocolsBoundTo("B"));
        faults.assertServed("A", mA, q);
        a.halt(HaltAction.DEVICE_DISABLED);
        faults.assertRecords();
        faults.assertHaltedClean(a, mA);
    }

    @Test
    @DisplayName("R76 a protocol unregistered while its netPnPEvent runs on another thread: the unbind waits for the delivery to finish")
    void r76_unregisterDuringNetPnPEvent_unbindAfterDelivery() throws Exception {
        faults.startA();
        int n = allocate(mA.handle);
        Fault slow = p.inject("event", "A", Fault.blockingOnce());
        Future<NdisStatus> activation = faults.async(() -> mA.handle.netPnPEvent(NetPnPEventNotification.portActivation(n)));
        slow.awaitEntered();
        Future<?> gone = faults.asyncAndAwaitParked(() -> fx.layer.unregister(p.entry));
        assertFalse(log.contains("p unbind A"));
        faults.assertServed("B", mB, q);
        slow.release();
        assertEquals(NdisStatus.SUCCESS, get(activation));
        get(gone);
        faults.assertOrder("p activate A [" + n + "]", "q activate A [" + n + "]", "p unbind A");
        assertEquals(List.of("q"), faults.protocolsBoundTo("A"));
        faults.assertServed("A", mA, q);
        a.halt(HaltAction.DEVICE_DISABLED);
        faults.assertRecords();
        faults.assertHaltedClean(a, mA);
    }

    @Test
    @DisplayName("R76 a protocol unregistered while its bindAdapter runs on another thread: it is unbound once the bind returned")
    void r76_unregisterDuringBindAdapter_unboundAfterBind() throws Exception {
        Fault slow = p.inject("bind", "A", Fault.blockingOnce());
        Future<NdisStatus> init = faults.async(a::initialize);
        slow.awaitEntered();
        Future<?> gone = faults.asyncAndAwaitParked(() -> fx.layer.unregister(p.entry));
        faults.assertServed("B", mB, q);
        slow.release();
        assertEquals(NdisStatus.SUCCESS, get(init));
        get(gone);
        faults.assertOrder("p bound A", "q bound A", "p unbind A");
        assertEquals(List.of("q"), faults.protocolsBoundTo("A"));
        assertEquals(List.of("q"), faults.protocolsBoundTo("B"));
        faults.assertServed("A", mA, q);
        a.halt(HaltAction.DEVICE_DISABLED);
        faults.assertRecords();
        faults.assertHaltedClean(a, mA);
    }

    @Test
    @DisplayName("a protocol unregistered while its send completion runs on another thread: no deadlock, the list completes once")
    void unregisterDuringSendComplete_listCompletesOnce() throws Exception {
        faults.startA();
        Fault slow = p.inject("sendComplete", "A", Fault.blockingOnce());
        NetBufferList l = frame();
        Future<?> send = faults.async(() -> p.handle("A").sendNetBufferLists(l, 0, 0));
        slow.awaitEntered();
        fx.layer.unregister(p.entry);
        assertEquals(List.of("q"), faults.protocolsBoundTo("A"));
        faults.assertServed("B", mB, q);
        slow.release();
        get(send);
        assertEquals(1, p.timesCompleted(l));
        a.halt(HaltAction.DEVICE_DISABLED);
        faults.assertRecords();
        faults.assertHaltedClean(a, mA);
    }
}
