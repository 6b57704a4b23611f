package org.ndisport.binding.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ndisport.binding.internal.BindingFixture.activate;
import static org.ndisport.binding.internal.BindingFixture.allocate;
import static org.ndisport.binding.internal.FaultsFixture.DRIVER_A;
import static org.ndisport.binding.internal.FaultsFixture.WAIT;
import static org.ndisport.binding.internal.FaultsFixture.frame;
import static org.ndisport.binding.internal.FaultsFixture.get;
import static org.ndisport.binding.internal.FaultsFixture.query;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.data.NetBufferList;
import org.ndisport.api.miniport.HaltAction;
import org.ndisport.api.protocol.ProtocolBindingHandle;
import org.ndisport.api.runtime.AdapterPhase;
import org.ndisport.api.runtime.VerifierMode;

/**
 * Fault injection into the miniport driver's lifecycle (N1, N10, N12, N23, D31, D34, R39-R42, R70,
 * R71): MiniportInitializeEx, MiniportHaltEx and the interrupt handlers (ISR, DPC) made to throw or to
 * return very late. Adapter A's driver faults; adapter B must keep serving both protocols throughout.
 * After each fault the record names the faulting bundle and nothing leaks (see {@link FaultsFixture}).
 */
class DriverLifecycleFaultsTest extends FaultsSuite {

    // ---------------------------------------------------------------- miniport: initialize and halt

    @ParameterizedTest(name = "{0}")
    @EnumSource(VerifierMode.class)
    @DisplayName("N1 R39 R71 N23 initialize throws holding ports, a range and an interrupt: adapter fails, each leftover recorded and reclaimed, in both modes")
    void n1_r39_r71_initializeThrows_leftoversReclaimed(VerifierMode mode) {
        fx.engine.verifier.configure(mode, 100_000);
        mA.initScript = h -> {
            activate(h, allocate(h));
            allocate(h);
        };
        mA.initializeFault = Fault.throwing();
        assertEquals(NdisStatus.FAILURE, a.initialize());
        faults.assertRecords("N1 VIOLATION A -1 " + DRIVER_A, "N23 WARNING A -1 " + DRIVER_A, "R39 VIOLATION A 1 " + DRIVER_A,
                "R39 VIOLATION A 2 " + DRIVER_A, "R71 VIOLATION A -1 " + DRIVER_A);
        faults.assertHaltedClean(a, mA);
        assertFalse(log.stream().anyMatch(l -> l.contains(" bind A")), "no protocol is bound to a failed adapter: " + log);
        faults.assertServed("B", mB, q);
        a.halt(HaltAction.DEVICE_DISABLED);
        assertFalse(log.contains("mA halt"), "a failed adapter is never halted");
        assertEquals(5, fx.records().size());
    }

    @Test
    @DisplayName("N1 R39 initialize throws an Error: the adapter fails and its leftovers are reclaimed, as for any throw")
    void n1_initializeThrowsError_adapterFails() {
        mA.initScript = h -> {
            allocate(h);
            throw new AssertionError("driver's own assertion");
        };
        assertEquals(NdisStatus.FAILURE, a.initialize());
        assertEquals("N1 VIOLATION A -1 " + DRIVER_A, faults.records().get(0));
        faults.assertHaltedClean(a, mA);
    }

    @Test
    @DisplayName("N10 a very slow initialize holds up only its adapter: others keep serving; a halt waits for it")
    void n10_slowInitialize_othersServed_haltWaits() throws Exception {
        Fault slow = mA.initializeFault = Fault.blockingOnce();
        Future<NdisStatus> init = faults.async(a::initialize);
        slow.awaitEntered();
        assertEquals(AdapterPhase.P1_INIT_POST_REG, a.view().phase());
        faults.assertServed("B", mB, q);
        faults.assertServed("B", mB, p);
        Future<?> halt = faults.async(() -> a.halt(HaltAction.DEVICE_DISABLED));
        slow.release();
        assertEquals(NdisStatus.SUCCESS, get(init));
        get(halt);
        faults.assertOrder("mA initialized", "p bound A", "q bound A", "p unbind A", "q unbind A", "mA halt", "mA halted");
        faults.assertRecords();
        faults.assertHaltedClean(a, mA);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(VerifierMode.class)
    @DisplayName("N1 R40 R70 N23 D34 halt throws before cleaning up: bindings were closed first, each leftover recorded and reclaimed, in both modes")
    void n1_r40_r70_haltThrows_leftoversStillReclaimed(VerifierMode mode) {
        fx.engine.verifier.configure(mode, 100_000);
        mA.initScript = h -> {
            activate(h, allocate(h));
            allocate(h);
        };
        faults.startA();
        assertTrue(log.contains("p bind A [0, 1]"), log.toString());
        mA.indicate(1, 2);
        mA.indicate(0, 1);
        mA.haltFault = Fault.throwing();
        a.halt(HaltAction.DEVICE_DISABLED);
        faults.assertOrder("p unbind A", "q unbind A", "mA halt");
        assertFalse(log.contains("mA halted"));
        faults.assertRecords("N1 VIOLATION A -1 " + DRIVER_A, "N23 WARNING A -1 " + DRIVER_A, "R40 VIOLATION A 1 " + DRIVER_A,
                "R40 VIOLATION A 2 " + DRIVER_A, "R70 VIOLATION A -1 " + DRIVER_A);
        faults.assertHaltedClean(a, mA);
        faults.assertServed("B", mB, p);
        faults.assertServed("B", mB, q);
    }

    @Test
    @DisplayName("D34 N12 during a very slow halt: bindings closed, stale handles get CLOSING, receives go straight back, others keep serving")
    void d34_slowHalt_othersServed() throws Exception {
        faults.startA();
        ProtocolBindingHandle stale = p.handle("A");
        Fault slow = mA.haltFault = Fault.blockingOnce();
        Future<?> halt = faults.async(() -> a.halt(HaltAction.DEVICE_DISABLED));
        slow.awaitEntered();
        assertEquals(AdapterPhase.P3_HALTING, a.view().phase());
        assertEquals(List.of(), faults.protocolsBoundTo("A"));
        NetBufferList late = frame();
        stale.sendNetBufferLists(late, 0, 0);
        assertEquals(NdisStatus.CLOSING, late.status());
        assertEquals(1, p.timesCompleted(late));
        assertEquals(NdisStatus.CLOSING, stale.oidRequest(query()));
        int from = log.size();
        NetBufferList in = mA.indicate(0, 1);
        assertEquals(1, mA.timesReturned(in));
        assertFalse(faults.logFrom(from).stream().anyMatch(l -> l.contains("receive A")), faults.logFrom(from).toString());
        faults.assertServed("B", mB, q);
        slow.release();
        get(halt);
        assertFalse(log.stream().anyMatch(l -> l.startsWith("mA send")), "no send reached the halting miniport");
        faults.assertRecords();
        faults.assertHaltedClean(a, mA);
    }

    // ---------------------------------------------------------------- miniport: interrupt

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"isr", "dpc"})
    @DisplayName("N1 an interrupt handler that throws is recorded; the interrupt thread keeps serving and the next DPC's receive is delivered")
    void n1_interruptHandlerThrows(String handler) throws Exception {
        faults.startA();
        BlockingQueue<NetBufferList> fromDpc = new LinkedBlockingQueue<>();
        mA.dpcWork = h -> fromDpc.add(mA.indicate(0, 1));
        Fault fault = Fault.throwingOnce();
        if (handler.equals("isr")) {
            mA.isrFault = fault;
        } else {
            mA.dpcFault = fault;
        }
        lineA.fire();
        fault.awaitEntered();
        lineA.fire();
        NetBufferList l = fromDpc.poll(WAIT, TimeUnit.SECONDS);
        assertNotNull(l, "the next edge was serviced");
        assertEquals(1, mA.timesReturned(l));
        assertTrue(log.contains("q receive A port=0 lists=1"), log.toString());
        faults.assertRecords("N1 VIOLATION A -1 " + DRIVER_A);
        faults.assertServed("B", mB, q);
        a.halt(HaltAction.DEVICE_DISABLED);
        faults.assertRecords("N1 VIOLATION A -1 " + DRIVER_A);
        faults.assertHaltedClean(a, mA);
    }

    @Test
    @DisplayName("D31 a halt while a very slow DPC runs: deregistration waits for it; its late receive goes straight back to the miniport")
    void d31_haltWhileSlowDpc_deregistrationWaits() throws Exception {
        faults.startA();
        Fault slow = mA.dpcFault = Fault.blockingOnce();
        AtomicReference<NetBufferList> late = new AtomicReference<>();
        mA.dpcWork = h -> late.set(mA.indicate(0, 1));
        lineA.fire();
        slow.awaitEntered();
        faults.assertServed("B", mB, q);
        mA.beforeHalt = slow.releaser();
        a.halt(HaltAction.DEVICE_DISABLED);
        faults.assertOrder("q unbind A", "mA halt", "mA dpc done", "mA halted");
        assertEquals(1, mA.timesReturned(late.get()));
        assertFalse(log.contains("q receive A port=0 lists=1"), "no binding hears a receive after its unbind");
        faults.assertRecords();
        faults.assertHaltedClean(a, mA);
    }
}
