package org.ndisport.binding.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ndisport.binding.internal.BindingFixture.activate;
import static org.ndisport.binding.internal.BindingFixture.allocate;
import static org.ndisport.binding.internal.FaultsFixture.frame;
import static org.ndisport.binding.internal.FaultsFixture.get;
import static org.ndisport.binding.internal.FaultsFixture.query;

import java.util.List;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.data.NetBufferList;
import org.ndisport.api.data.StatusCodes;
import org.ndisport.api.data.StatusIndication;
import org.ndisport.api.miniport.HaltAction;

/**
 * Fault injection into a protocol's data-path callbacks (N1, N15, N16, D33, R77):
 * receiveNetBufferLists, status, sendNetBufferListsComplete and oidRequestComplete made to throw or to
 * return very late, and every protocol callback made to throw a LinkageError. Protocol p faults on
 * adapter A only; q and adapter B must keep serving throughout. After each fault the record names p's
 * bundle and nothing leaks: received lists and send completions each come back once (see
 * {@link FaultsFixture}).
 */
class ProtocolDataPathFaultsTest extends FaultsSuite {

    // ---------------------------------------------------------------- protocol: indications

    @Test
    @DisplayName("N1 N16 N15 receiveNetBufferLists throws while holding a chain: recorded, its hold taken back, each list back once; its late return is N15")
    void n16_receiveThrowsWhileHolding_listsTakenBack() {
        faults.startA();
        p.inject("receive", "A", Fault.throwingOnce());
        q.keepOn.add("A");
        NetBufferList chain = mA.indicate(0, 2);
        assertEquals(List.of(), mA.returned, "q still holds the chain");
        q.keepOn.remove("A");
        q.handle("A").returnNetBufferLists(q.kept.get(0), 0);
        mA.assertEveryListReturnedOnce();
        faults.assertRecords("N1 VIOLATION A 0 bundle.p");
        p.handle("A").returnNetBufferLists(chain, 0);
        faults.assertRecords("N1 VIOLATION A 0 bundle.p", "N15 VIOLATION A 0 bundle.p");
        mA.assertEveryListReturnedOnce();
        faults.assertServed("A", mA, p);
        faults.assertServed("B", mB, q);
        a.halt(HaltAction.DEVICE_DISABLED);
        faults.assertHaltedClean(a, mA);
    }

    @Test
    @DisplayName("D33 a very slow receiveNetBufferLists holds up only its own indication; other indications, on A and B, are served")
    void d33_slowReceive_othersServed() throws Exception {
        faults.startA();
        Fault slow = p.inject("receive", "A", Fault.blockingOnce());
        Future<NetBufferList> first = faults.async(() -> mA.indicate(0, 1));
        slow.awaitEntered();
        NetBufferList second = mA.indicate(0, 1);
        assertEquals(1, mA.timesReturned(second));
        faults.assertServed("A", mA, q);
        faults.assertServed("B", mB, p);
        slow.release();
        assertEquals(1, mA.timesReturned(get(first)));
        a.halt(HaltAction.DEVICE_DISABLED);
        faults.assertRecords();
        faults.assertHaltedClean(a, mA);
    }

    @Test
    @DisplayName("N1 R77 status throws: recorded with its port; the next binding still gets the indication")
    void n1_statusThrows() {
        faults.startA();
        p.inject("status", "A", Fault.throwingOnce());
        int from = log.size();
        mA.handle.indicateStatus(new StatusIndication(0, StatusCodes.NDIS_STATUS_LINK_STATE, null, 0));
        assertEquals(List.of("p status A port=0", "q status A port=0"), faults.logFrom(from));
        faults.assertRecords("N1 VIOLATION A 0 bundle.p");
        faults.assertServed("A", mA, p);
        faults.assertServed("B", mB, q);
        a.halt(HaltAction.DEVICE_DISABLED);
        faults.assertHaltedClean(a, mA);
    }

    @Test
    @DisplayName("D33 a very slow status callback holds up only its own indication; others on A and B are served")
    void d33_slowStatus_othersServed() throws Exception {
        faults.startA();
        Fault slow = p.inject("status", "A", Fault.blockingOnce());
        Future<?> first = faults.async(() -> mA.handle.indicateStatus(
                new StatusIndication(0, StatusCodes.NDIS_STATUS_LINK_STATE, null, 0)));
        slow.awaitEntered();
        int from = log.size();
        mA.handle.indicateStatus(new StatusIndication(0, StatusCodes.NDIS_STATUS_LINK_STATE, null, 0));
        assertTrue(faults.logFrom(from).containsAll(List.of("p status A port=0", "q status A port=0")), faults.logFrom(from).toString());
        faults.assertServed("A", mA, q);
        faults.assertServed("B", mB, p);
        slow.release();
        get(first);
        a.halt(HaltAction.DEVICE_DISABLED);
        faults.assertRecords();
        faults.assertHaltedClean(a, mA);
    }

    // ---------------------------------------------------------------- protocol: completions

    @Test
    @DisplayName("N1 sendNetBufferListsComplete throws: recorded; every list of a mixed chain reaches its sender once; nothing stays outstanding")
    void n1_sendCompleteThrows_eachListOnce() {
        faults.startA();
        mA.completeSends = false;
        p.inject("sendComplete", "A", Fault.throwingOnce());
        NetBufferList l1 = frame();
        NetBufferList l2 = frame();
        NetBufferList l3 = frame();
        p.handle("A").sendNetBufferLists(l1, 0, 0);
        q.handle("A").sendNetBufferLists(l2, 0, 0);
        p.handle("A").sendNetBufferLists(l3, 0, 0);
        l1.next(l2);
        l2.next(l3);
        mA.handle.sendNetBufferListsComplete(l1, 0);
        assertEquals(1, p.timesCompleted(l1));
        assertEquals(1, q.timesCompleted(l2));
        assertEquals(1, p.timesCompleted(l3));
        faults.assertRecords("N1 VIOLATION A 0 bundle.p");
        mA.completeSends = true;
        faults.assertServed("A", mA, p);
        faults.assertServed("B", mB, q);
        a.halt(HaltAction.DEVICE_DISABLED);
        faults.assertRecords("N1 VIOLATION A 0 bundle.p");
        faults.assertHaltedClean(a, mA);
    }

    @Test
    @DisplayName("N1 oidRequestComplete throws: recorded; nothing stays outstanding (halt does not wait, no N3)")
    void n1_oidCompleteThrows() {
        faults.startA();
        mA.pendOids = true;
        p.inject("oidComplete", "A", Fault.throwingOnce());
        assertEquals(NdisStatus.PENDING, p.handle("A").oidRequest(query()));
        mA.handle.oidRequestComplete(mA.pendedOids.get(0), NdisStatus.SUCCESS);
        assertTrue(log.contains("p oidComplete A SUCCESS"), log.toString());
        faults.assertRecords("N1 VIOLATION A 0 bundle.p");
        mA.pendOids = false;
        faults.assertServed("A", mA, p);
        faults.assertServed("B", mB, q);
        a.halt(HaltAction.DEVICE_DISABLED);
        faults.assertRecords("N1 VIOLATION A 0 bundle.p");
        faults.assertHaltedClean(a, mA);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sendComplete", "oidComplete"})
    @DisplayName("a very slow completion callback holds up only the miniport thread completing; others are served")
    void slowCompletion_othersServed(String callback) throws Exception {
        faults.startA();
        Fault slow = p.inject(callback, "A", Fault.blockingOnce());
        NetBufferList l = frame();
        Future<?> completing;
        if (callback.equals("sendComplete")) {
            mA.completeSends = false;
            p.handle("A").sendNetBufferLists(l, 0, 0);
            mA.completeSends = true;
            completing = faults.async(() -> mA.handle.sendNetBufferListsComplete(l, 0));
        } else {
            mA.pendOids = true;
            assertEquals(NdisStatus.PENDING, p.handle("A").oidRequest(query()));
            mA.pendOids = false;
            completing = faults.async(() -> mA.handle.oidRequestComplete(mA.pendedOids.get(0), NdisStatus.SUCCESS));
        }
        slow.awaitEntered();
        faults.assertServed("A", mA, q);
        faults.assertServed("B", mB, p);
        slow.release();
        get(completing);
        if (callback.equals("sendComplete")) {
            assertEquals(1, p.timesCompleted(l));
        } else {
            assertTrue(log.contains("p oidComplete A SUCCESS"), log.toString());
        }
        a.halt(HaltAction.DEVICE_DISABLED);
        faults.assertRecords();
        faults.assertHaltedClean(a, mA);
    }

    // ---------------------------------------------------------------- protocol: any callback

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"bind", "unbind", "event", "receive", "status", "sendComplete", "oidComplete"})
    @DisplayName("N1 a protocol callback throwing a LinkageError (a refreshed bundle) is caught and recorded like any throw; nothing leaks")
    void n1_protocolCallbackThrowsLinkageError_caught(String callback) {
        p.inject(callback, "A", Fault.linkageError());
        mA.completeSends = false;
        mA.pendOids = true;
        assertEquals(NdisStatus.SUCCESS, a.initialize());
        NetBufferList mine = frame();
        NetBufferList theirs = frame();
        switch (callback) {
            case "unbind" -> a.halt(HaltAction.DEVICE_DISABLED);
            case "event" -> activate(mA.handle, allocate(mA.handle));
            case "receive" -> mA.indicate(0, 2);
            case "status" -> mA.handle.indicateStatus(new StatusIndication(0, StatusCodes.NDIS_STATUS_LINK_STATE, null, 0));
            case "sendComplete" -> {
                p.handle("A").sendNetBufferLists(mine, 0, 0);
                q.handle("A").sendNetBufferLists(theirs, 0, 0);
                mine.next(theirs);
                mA.handle.sendNetBufferListsComplete(mine, 0);
            }
            case "oidComplete" -> {
                assertEquals(NdisStatus.PENDING, p.handle("A").oidRequest(query()));
                mA.handle.oidRequestComplete(mA.pendedOids.get(0), NdisStatus.SUCCESS);
            }
            default -> { }
        }
        assertFalse(faults.records().isEmpty(), "N1 recorded");
        assertTrue(faults.records().get(0).startsWith("N1 VIOLATION A ") && faults.records().get(0).endsWith(" bundle.p"), faults.records().toString());
        if (callback.equals("sendComplete")) {
            assertEquals(1, q.timesCompleted(theirs), "the other binding's list of the chain still completes");
        }
        mA.completeSends = true;
        mA.pendOids = false;
        if (!callback.equals("unbind")) {
            faults.assertServed("A", mA, q);
            a.halt(HaltAction.DEVICE_DISABLED);
        }
        faults.assertHaltedClean(a, mA);
        faults.assertServed("B", mB, q);
    }
}
