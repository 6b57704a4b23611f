package org.ndisport.binding.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.ndisport.binding.internal.FaultsFixture.DRIVER_A;
import static org.ndisport.binding.internal.FaultsFixture.frame;
import static org.ndisport.binding.internal.FaultsFixture.get;
import static org.ndisport.binding.internal.FaultsFixture.query;

import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.data.NetBufferList;
import org.ndisport.api.miniport.HaltAction;

/**
 * Fault injection into the miniport driver's data path (N1, N3, N12, N57, D33): MiniportOidRequest,
 * MiniportSendNetBufferLists and MiniportReturnNetBufferLists made to throw or to return very late,
 * alone and under a halt. Adapter A's driver faults; adapter B must keep serving both protocols
 * throughout. After each fault the record names the faulting bundle and nothing leaks (ports, claims,
 * interrupt, bindings, received lists, send completions; see {@link FaultsFixture}).
 */
class DriverDataPathFaultsTest extends FaultsSuite {

    // ---------------------------------------------------------------- miniport: requests and returns

    @Test
    @DisplayName("N1 oidRequest throws: the protocol gets FAILURE, nothing stays outstanding (halt does not wait, no N3)")
    void n1_oidRequestThrows_failureNothingOutstanding() {
        faults.startA();
        mA.oidFault = Fault.throwingOnce();
        assertEquals(NdisStatus.FAILURE, p.handle("A").oidRequest(query()));
        assertEquals(NdisStatus.SUCCESS, q.handle("A").oidRequest(query()));
        faults.assertRecords("N1 VIOLATION A -1 " + DRIVER_A);
        faults.assertServed("A", mA, p);
        faults.assertServed("B", mB, q);
        a.halt(HaltAction.DEVICE_DISABLED);
        faults.assertRecords("N1 VIOLATION A -1 " + DRIVER_A);
        faults.assertHaltedClean(a, mA);
    }

    @Test
    @DisplayName("N3 §1.1 a halt while a very slow oidRequest is in the miniport waits for it; MiniportHaltEx comes after it returned")
    void n3_haltWaitsForOidInProgress() throws Exception {
        faults.startA();
        Fault slow = mA.oidFault = Fault.blockingOnce();
        Future<NdisStatus> oid = faults.async(() -> p.handle("A").oidRequest(query()));
        slow.awaitEntered();
        faults.assertServed("B", mB, q);
        p.onCall("unbind", "A", slow.releaser());
        a.halt(HaltAction.DEVICE_DISABLED);
        assertEquals(NdisStatus.SUCCESS, get(oid));
        faults.assertOrder("p unbind A", "mA oid answered", "mA halt");
        faults.assertRecords();
        faults.assertHaltedClean(a, mA);
    }

    @Test
    @DisplayName("N1 N57 sendNetBufferLists throws before completing: the lists come back once with FAILURE; halt does not wait (no N3)")
    void n57_sendThrows_listsComeBackWithFailure() {
        faults.startA();
        mA.sendFault = Fault.throwingOnce();
        NetBufferList l = frame();
        p.handle("A").sendNetBufferLists(l, 0, 0);
        faults.assertRecords("N1 VIOLATION A -1 " + DRIVER_A);
        faults.assertServed("A", mA, q);
        faults.assertServed("B", mB, q);
        assertEquals(1, p.timesCompleted(l), "ProtocolDriver: each sent list comes back exactly once");
        assertEquals(NdisStatus.FAILURE, l.status());
        a.halt(HaltAction.DEVICE_DISABLED);
        assertEquals(1, p.timesCompleted(l));
        faults.assertRecords("N1 VIOLATION A -1 " + DRIVER_A);
        faults.assertHaltedClean(a, mA);
    }

    @Test
    @DisplayName("§1.1 N12 a halt while a send is in progress in the miniport waits for its completion before MiniportHaltEx")
    void n3_haltWhileSendInProgress_waitsForCompletion() throws Exception {
        faults.startA();
        Fault slow = mA.sendFault = Fault.blockingOnce();
        NetBufferList l = frame();
        Future<?> send = faults.async(() -> p.handle("A").sendNetBufferLists(l, 0, 0));
        slow.awaitEntered();
        faults.assertServed("B", mB, q);
        p.onCall("unbind", "A", slow.releaser());
        a.halt(HaltAction.DEVICE_DISABLED);
        get(send);
        assertEquals(1, p.timesCompleted(l));
        assertEquals(NdisStatus.SUCCESS, l.status());
        faults.assertOrder("p unbind A", "mA complete port=0", "mA halt");
        faults.assertRecords();
        faults.assertHaltedClean(a, mA);
    }

    @Test
    @DisplayName("N3 a send never completed within halt.drain.timeout.ms: halt goes on with warning N3; the late completion reaches the protocol once")
    void n3_haltWhileSendNeverCompletes_warningThenLateCompletion() throws Exception {
        faults.startA();
        Fault slow = mA.sendFault = Fault.blockingOnce();
        NetBufferList l = frame();
        Future<?> send = faults.async(() -> p.handle("A").sendNetBufferLists(l, 0, 0));
        slow.awaitEntered();
        a.halt(HaltAction.DEVICE_DISABLED);
        faults.assertRecords("N3 WARNING A -1 " + DRIVER_A);
        assertEquals(0, p.timesCompleted(l));
        faults.assertServed("B", mB, q);
        slow.release();
        get(send);
        assertEquals(1, p.timesCompleted(l), "the late completion still reaches the sender, once");
        faults.assertRecords("N3 WARNING A -1 " + DRIVER_A);
        faults.assertHaltedClean(a, mA);
    }

    @Test
    @DisplayName("N1 returnNetBufferLists throws: recorded, each list was handed back once, later receives still work")
    void n1_returnNetBufferListsThrows() {
        faults.startA();
        mA.returnFault = Fault.throwingOnce();
        mA.indicate(0, 2);
        faults.assertRecords("N1 VIOLATION A -1 " + DRIVER_A);
        mA.indicate(0, 1);
        mA.assertEveryListReturnedOnce();
        faults.assertServed("A", mA, q);
        faults.assertServed("B", mB, q);
        a.halt(HaltAction.DEVICE_DISABLED);
        faults.assertRecords("N1 VIOLATION A -1 " + DRIVER_A);
        faults.assertHaltedClean(a, mA);
    }

    @Test
    @DisplayName("D33 a very slow returnNetBufferLists holds up only the thread giving the lists back")
    void d33_slowReturnNetBufferLists_holdsOnlyItsCaller() throws Exception {
        faults.startA();
        p.keepOn.add("A");
        NetBufferList l = mA.indicate(0, 1);
        p.keepOn.remove("A");
        Fault slow = mA.returnFault = Fault.blockingOnce();
        Future<?> giveBack = faults.async(() -> p.handle("A").returnNetBufferLists(l, 0));
        slow.awaitEntered();
        faults.assertServed("A", mA, q);
        faults.assertServed("B", mB, q);
        slow.release();
        get(giveBack);
        a.halt(HaltAction.DEVICE_DISABLED);
        faults.assertRecords();
        faults.assertHaltedClean(a, mA);
    }
}
