package org.ndisport.binding.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ndisport.binding.internal.BindingFixture.activate;
import static org.ndisport.binding.internal.BindingFixture.allocate;
import static org.ndisport.binding.internal.BindingFixture.deactivate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.data.NetBufferList;
import org.ndisport.api.data.OidRequest;
import org.ndisport.api.data.StatusCodes;
import org.ndisport.api.data.StatusIndication;
import org.ndisport.api.io.IoPortRange;
import org.ndisport.api.miniport.HaltAction;
import org.ndisport.api.pnp.NetPnPEventNotification;
import org.ndisport.api.port.AuthStates;
import org.ndisport.api.protocol.ProtocolBindingHandle;
import org.ndisport.api.runtime.AdapterPhase;
import org.ndisport.api.runtime.AdapterSpec;
import org.ndisport.api.runtime.AdapterView;
import org.ndisport.api.runtime.BindingView;
import org.ndisport.api.runtime.PortState;
import org.ndisport.api.runtime.PortView;
import org.ndisport.api.runtime.VerifierMode;
import org.ndisport.api.runtime.Violation;
import org.ndisport.core.adapter.internal.AdapterRuntime;

/**
 * Fault injection (N1, N3, N10, N16, D22, D33, D34, R39-R42, R70, R71): every driver and protocol
 * callback made to throw or to return very late. Adapter A (hardware: an I/O range and an interrupt)
 * is the one whose driver or protocol binding faults; adapter B (its own miniport and range) must keep
 * serving both protocols throughout. After each fault: the record names the faulting bundle, and
 * nothing leaks (ports, claims, interrupt, bindings, received lists, send completions).
 */
class FaultsTest {
    private static final long PNP_TIMEOUT_MS = 200;
    private static final long DRAIN_TIMEOUT_MS = 200;
    private static final long WAIT = Fault.WAIT_SECONDS;
    private static final int VENDOR_OID = 0x00010202;
    private static final IoPortRange RANGE_A = new IoPortRange(0x300, 0x20);
    private static final IoPortRange RANGE_B = new IoPortRange(0x320, 0x20);
    private static final String DRIVER_A = "bundle.miniport.A";

    private final BindingFixture fx = new BindingFixture(VerifierMode.REPORT, PNP_TIMEOUT_MS);
    private final List<String> log = fx.log;
    private final ClaimingIoSpace space = new ClaimingIoSpace();
    private final IrqLine lineA = new IrqLine("A", RANGE_A, 5);
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private long order;
    /** Faults on adapter A only; bound to both adapters. */
    private FaultyProtocol p;
    /** Never faults; bound to both adapters. */
    private FaultyProtocol q;
    private FaultyMiniport mA;
    private FaultyMiniport mB;
    private AdapterRuntime a;
    private AdapterRuntime b;

    @BeforeEach
    void setUp() {
        fx.engine.context.ioPortSpace(space);
        fx.engine.context.drainTimeoutMillis(DRAIN_TIMEOUT_MS);
        p = protocol("p");
        q = protocol("q");
        mB = new FaultyMiniport("mB", "bundle.miniport.B", log).claiming(RANGE_B, false);
        b = new AdapterRuntime(AdapterSpec.virtual("B", mB, mB.bundle), fx.engine.context);
        assertEquals(NdisStatus.SUCCESS, b.initialize());
        mA = new FaultyMiniport("mA", DRIVER_A, log).claiming(RANGE_A, true);
        a = new AdapterRuntime(new AdapterSpec("A", mA, "FaultyMiniport", DRIVER_A, AuthStates.UNCONTROLLED_UNKNOWN,
                List.of(RANGE_A), lineA.interruptLine(), false, lineA), fx.engine.context);
    }

    @AfterEach
    void tearDown() {
        threads.shutdownNow();
    }

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
        assertRecords("N1 VIOLATION A -1 " + DRIVER_A, "N23 WARNING A -1 " + DRIVER_A, "R39 VIOLATION A 1 " + DRIVER_A,
                "R39 VIOLATION A 2 " + DRIVER_A, "R71 VIOLATION A -1 " + DRIVER_A);
        assertHaltedClean(a, mA);
        assertFalse(log.stream().anyMatch(l -> l.contains(" bind A")), "no protocol is bound to a failed adapter: " + log);
        assertServed("B", mB, q);
        a.halt(HaltAction.DEVICE_DISABLED);
        assertFalse(log.contains("mA halt"), "a failed adapter is never halted");
        assertEquals(5, fx.records().size());
    }

    @Test
    @DisplayName("N10 a very slow initialize holds up only its adapter: others keep serving; a halt waits for it")
    void n10_slowInitialize_othersServed_haltWaits() throws Exception {
        Fault slow = mA.initializeFault = Fault.blockingOnce();
        Future<NdisStatus> init = async(a::initialize);
        slow.awaitEntered();
        assertEquals(AdapterPhase.P1_INIT_POST_REG, a.view().phase());
        assertServed("B", mB, q);
        assertServed("B", mB, p);
        Future<?> halt = async(() -> a.halt(HaltAction.DEVICE_DISABLED));
        slow.release();
        assertEquals(NdisStatus.SUCCESS, get(init));
        get(halt);
        assertOrder("mA initialized", "p bound A", "q bound A", "p unbind A", "q unbind A", "mA halt", "mA halted");
        assertRecords();
        assertHaltedClean(a, mA);
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
        startA();
        assertTrue(log.contains("p bind A [0, 1]"), log.toString());
        mA.indicate(1, 2);
        mA.indicate(0, 1);
        mA.haltFault = Fault.throwing();
        a.halt(HaltAction.DEVICE_DISABLED);
        assertOrder("p unbind A", "q unbind A", "mA halt");
        assertFalse(log.contains("mA halted"));
        assertRecords("N1 VIOLATION A -1 " + DRIVER_A, "N23 WARNING A -1 " + DRIVER_A, "R40 VIOLATION A 1 " + DRIVER_A,
                "R40 VIOLATION A 2 " + DRIVER_A, "R70 VIOLATION A -1 " + DRIVER_A);
        assertHaltedClean(a, mA);
        assertServed("B", mB, p);
        assertServed("B", mB, q);
    }

    @Test
    @DisplayName("D34 N12 during a very slow halt: bindings closed, stale handles get CLOSING, receives go straight back, others keep serving")
    void d34_slowHalt_othersServed() throws Exception {
        startA();
        ProtocolBindingHandle stale = p.handle("A");
        Fault slow = mA.haltFault = Fault.blockingOnce();
        Future<?> halt = async(() -> a.halt(HaltAction.DEVICE_DISABLED));
        slow.awaitEntered();
        assertEquals(AdapterPhase.P3_HALTING, a.view().phase());
        assertEquals(List.of(), protocolsBoundTo("A"));
        NetBufferList late = frame();
        stale.sendNetBufferLists(late, 0, 0);
        assertEquals(NdisStatus.CLOSING, late.status());
        assertEquals(1, p.timesCompleted(late));
        assertEquals(NdisStatus.CLOSING, stale.oidRequest(query()));
        int from = log.size();
        NetBufferList in = mA.indicate(0, 1);
        assertEquals(1, mA.timesReturned(in));
        assertFalse(logFrom(from).stream().anyMatch(l -> l.contains("receive A")), logFrom(from).toString());
        assertServed("B", mB, q);
        slow.release();
        get(halt);
        assertFalse(log.stream().anyMatch(l -> l.startsWith("mA send")), "no send reached the halting miniport");
        assertRecords();
        assertHaltedClean(a, mA);
    }

    // ---------------------------------------------------------------- miniport: requests and returns

    @Test
    @DisplayName("N1 oidRequest throws: the protocol gets FAILURE, nothing stays outstanding (halt does not wait, no N3)")
    void n1_oidRequestThrows_failureNothingOutstanding() {
        startA();
        mA.oidFault = Fault.throwingOnce();
        assertEquals(NdisStatus.FAILURE, p.handle("A").oidRequest(query()));
        assertEquals(NdisStatus.SUCCESS, q.handle("A").oidRequest(query()));
        assertRecords("N1 VIOLATION A -1 " + DRIVER_A);
        assertServed("A", mA, p);
        assertServed("B", mB, q);
        a.halt(HaltAction.DEVICE_DISABLED);
        assertRecords("N1 VIOLATION A -1 " + DRIVER_A);
        assertHaltedClean(a, mA);
    }

    @Test
    @DisplayName("N3 §1.1 a halt while a very slow oidRequest is in the miniport waits for it; MiniportHaltEx comes after it returned")
    void n3_haltWaitsForOidInProgress() throws Exception {
        startA();
        Fault slow = mA.oidFault = Fault.blockingOnce();
        Future<NdisStatus> oid = async(() -> p.handle("A").oidRequest(query()));
        slow.awaitEntered();
        assertServed("B", mB, q);
        p.onCall("unbind", "A", slow.releaser());
        a.halt(HaltAction.DEVICE_DISABLED);
        assertEquals(NdisStatus.SUCCESS, get(oid));
        assertOrder("p unbind A", "mA oid answered", "mA halt");
        assertRecords();
        assertHaltedClean(a, mA);
    }

    @Test
    @DisplayName("N1 N57 sendNetBufferLists throws before completing: the lists come back once with FAILURE; halt does not wait (no N3)")
    void n57_sendThrows_listsComeBackWithFailure() {
        startA();
        mA.sendFault = Fault.throwingOnce();
        NetBufferList l = frame();
        p.handle("A").sendNetBufferLists(l, 0, 0);
        assertRecords("N1 VIOLATION A -1 " + DRIVER_A);
        assertServed("A", mA, q);
        assertServed("B", mB, q);
        assertEquals(1, p.timesCompleted(l), "ProtocolDriver: each sent list comes back exactly once");
        assertEquals(NdisStatus.FAILURE, l.status());
        a.halt(HaltAction.DEVICE_DISABLED);
        assertEquals(1, p.timesCompleted(l));
        assertRecords("N1 VIOLATION A -1 " + DRIVER_A);
        assertHaltedClean(a, mA);
    }

    @Test
    @DisplayName("§1.1 N12 a halt while a send is in progress in the miniport waits for its completion before MiniportHaltEx")
    void n3_haltWhileSendInProgress_waitsForCompletion() throws Exception {
        startA();
        Fault slow = mA.sendFault = Fault.blockingOnce();
        NetBufferList l = frame();
        Future<?> send = async(() -> p.handle("A").sendNetBufferLists(l, 0, 0));
        slow.awaitEntered();
        assertServed("B", mB, q);
        p.onCall("unbind", "A", slow.releaser());
        a.halt(HaltAction.DEVICE_DISABLED);
        get(send);
        assertEquals(1, p.timesCompleted(l));
        assertEquals(NdisStatus.SUCCESS, l.status());
        assertOrder("p unbind A", "mA complete port=0", "mA halt");
        assertRecords();
        assertHaltedClean(a, mA);
    }

    @Test
    @DisplayName("N3 a send never completed within halt.drain.timeout.ms: halt goes on with warning N3; the late completion reaches the protocol once")
    void n3_haltWhileSendNeverCompletes_warningThenLateCompletion() throws Exception {
        startA();
        Fault slow = mA.sendFault = Fault.blockingOnce();
        NetBufferList l = frame();
        Future<?> send = async(() -> p.handle("A").sendNetBufferLists(l, 0, 0));
        slow.awaitEntered();
        a.halt(HaltAction.DEVICE_DISABLED);
        assertRecords("N3 WARNING A -1 " + DRIVER_A);
        assertEquals(0, p.timesCompleted(l));
        assertServed("B", mB, q);
        slow.release();
        get(send);
        assertEquals(1, p.timesCompleted(l), "the late completion still reaches the sender, once");
        assertRecords("N3 WARNING A -1 " + DRIVER_A);
        assertHaltedClean(a, mA);
    }

    @Test
    @DisplayName("N1 returnNetBufferLists throws: recorded, each list was handed back once, later receives still work")
    void n1_returnNetBufferListsThrows() {
        startA();
        mA.returnFault = Fault.throwingOnce();
        mA.indicate(0, 2);
        assertRecords("N1 VIOLATION A -1 " + DRIVER_A);
        mA.indicate(0, 1);
        mA.assertEveryListReturnedOnce();
        assertServed("A", mA, q);
        assertServed("B", mB, q);
        a.halt(HaltAction.DEVICE_DISABLED);
        assertRecords("N1 VIOLATION A -1 " + DRIVER_A);
        assertHaltedClean(a, mA);
    }

    @Test
    @DisplayName("D33 a very slow returnNetBufferLists holds up only the thread giving the lists back")
    void d33_slowReturnNetBufferLists_holdsOnlyItsCaller() throws Exception {
        startA();
        p.keepOn.add("A");
        NetBufferList l = mA.indicate(0, 1);
        p.keepOn.remove("A");
        Fault slow = mA.returnFault = Fault.blockingOnce();
        Future<?> giveBack = async(() -> p.handle("A").returnNetBufferLists(l, 0));
        slow.awaitEntered();
        assertServed("A", mA, q);
        assertServed("B", mB, q);
        slow.release();
        get(giveBack);
        a.halt(HaltAction.DEVICE_DISABLED);
        assertRecords();
        assertHaltedClean(a, mA);
    }

    // ---------------------------------------------------------------- miniport: interrupt

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"isr", "dpc"})
    @DisplayName("N1 an interrupt handler that throws is recorded; the interrupt thread keeps serving and the next DPC's receive is delivered")
    void n1_interruptHandlerThrows(String handler) throws Exception {
        startA();
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
        assertRecords("N1 VIOLATION A -1 " + DRIVER_A);
        assertServed("B", mB, q);
        a.halt(HaltAction.DEVICE_DISABLED);
        assertRecords("N1 VIOLATION A -1 " + DRIVER_A);
        assertHaltedClean(a, mA);
    }

    @Test
    @DisplayName("D31 a halt while a very slow DPC runs: deregistration waits for it; its late receive goes straight back to the miniport")
    void d31_haltWhileSlowDpc_deregistrationWaits() throws Exception {
        startA();
        Fault slow = mA.dpcFault = Fault.blockingOnce();
        AtomicReference<NetBufferList> late = new AtomicReference<>();
        mA.dpcWork = h -> late.set(mA.indicate(0, 1));
        lineA.fire();
        slow.awaitEntered();
        assertServed("B", mB, q);
        mA.beforeHalt = slow.releaser();
        a.halt(HaltAction.DEVICE_DISABLED);
        assertOrder("q unbind A", "mA halt", "mA dpc done", "mA halted");
        assertEquals(1, mA.timesReturned(late.get()));
        assertFalse(log.contains("q receive A port=0 lists=1"), "no binding hears a receive after its unbind");
        assertRecords();
        assertHaltedClean(a, mA);
    }

    // ---------------------------------------------------------------- protocol: bind and unbind

    @Test
    @DisplayName("N1 bindAdapter throws on one adapter: recorded with the protocol's bundle, that binding never opens, every other binding serves")
    void n1_bindAdapterThrows() {
        p.inject("bind", "A", Fault.throwing());
        assertEquals(NdisStatus.SUCCESS, a.initialize());
        assertRecords("N1 VIOLATION A -1 bundle.p");
        assertEquals(List.of("q"), protocolsBoundTo("A"));
        assertEquals(List.of("p", "q"), protocolsBoundTo("B"));
        assertServed("A", mA, q);
        assertServed("B", mB, p);
        a.halt(HaltAction.DEVICE_DISABLED);
        assertFalse(log.contains("p unbind A"), "a binding that never opened is not unbound");
        assertRecords("N1 VIOLATION A -1 bundle.p");
        assertHaltedClean(a, mA);
    }

    @Test
    @DisplayName("O-2 R76 a very slow bindAdapter holds up only its adapter: others keep serving; the binding opens when it returns")
    void o2_slowBindAdapter_othersServed() throws Exception {
        Fault slow = p.inject("bind", "A", Fault.blockingOnce());
        Future<NdisStatus> init = async(a::initialize);
        slow.awaitEntered();
        assertServed("B", mB, p);
        assertServed("B", mB, q);
        slow.release();
        assertEquals(NdisStatus.SUCCESS, get(init));
        assertEquals(List.of("p", "q"), protocolsBoundTo("A"));
        assertServed("A", mA, p);
        a.halt(HaltAction.DEVICE_DISABLED);
        assertRecords();
        assertHaltedClean(a, mA);
    }

    @Test
    @DisplayName("N1 D34 unbindAdapter throws during halt: recorded, the binding is closed anyway, the halt completes clean")
    void n1_unbindAdapterThrows() {
        startA();
        ProtocolBindingHandle stale = p.handle("A");
        p.inject("unbind", "A", Fault.throwing());
        a.halt(HaltAction.DEVICE_DISABLED);
        assertOrder("p unbind A", "q unbind A", "mA halt", "mA halted");
        assertRecords("N1 VIOLATION A -1 bundle.p");
        NetBufferList l = frame();
        stale.sendNetBufferLists(l, 0, 0);
        assertEquals(NdisStatus.CLOSING, l.status());
        assertEquals(1, p.timesCompleted(l));
        assertHaltedClean(a, mA);
        assertServed("B", mB, p);
        assertServed("B", mB, q);
    }

    @Test
    @DisplayName("N16 N59 D33 unbindAdapter throws while the protocol holds received lists: they go back to the miniport once")
    void n59_unbindThrowsWhileHoldingLists_listsTakenBack() {
        startA();
        p.keepOn.add("A");
        mA.indicate(0, 2);
        assertEquals(List.of(), mA.returned, "p holds the chain");
        p.inject("unbind", "A", Fault.throwing());
        a.halt(HaltAction.DEVICE_DISABLED);
        assertEquals(List.of("N1 VIOLATION A -1 bundle.p", "N59 VIOLATION A -1 bundle.p"), records());
        mA.assertEveryListReturnedOnce();
        assertHaltedClean(a, mA);
    }

    @Test
    @DisplayName("D34 R76 a very slow unbindAdapter holds up only its adapter's halt; others keep serving")
    void d34_slowUnbindAdapter_othersServed() throws Exception {
        startA();
        Fault slow = p.inject("unbind", "A", Fault.blockingOnce());
        Future<?> halt = async(() -> a.halt(HaltAction.DEVICE_DISABLED));
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
        assertFalse(logFrom(from).stream().anyMatch(l -> l.contains("receive A")), "D34 no receive once unbinding began");
        assertServed("B", mB, p);
        assertServed("B", mB, q);
        slow.release();
        get(halt);
        assertOrder("p unbind A", "q unbind A", "mA halt");
        assertRecords();
        assertHaltedClean(a, mA);
    }

    // ---------------------------------------------------------------- protocol: port events

    @Test
    @DisplayName("N1 O-6 O-7 netPnPEvent throws: recorded, the miniport's result is unchanged and the next binding still hears it")
    void n1_netPnPEventThrows_outcomeUnchanged() {
        startA();
        p.inject("event", "A", Fault.throwing());
        int n = allocate(mA.handle);
        activate(mA.handle, n);
        deactivate(mA.handle, n);
        assertOrder("p activate A [" + n + "]", "q activate A [" + n + "]", "p deactivate A [" + n + "]",
                "q deactivate A [" + n + "]");
        assertRecords("N1 VIOLATION A -1 bundle.p", "N1 VIOLATION A -1 bundle.p");
        assertEquals(NdisStatus.SUCCESS, mA.handle.freePort(n));
        assertServed("B", mB, p);
        assertServed("B", mB, q);
        a.halt(HaltAction.DEVICE_DISABLED);
        assertHaltedClean(a, mA);
    }

    @Test
    @DisplayName("D22 R76 a netPnPEvent that blocks holds up only its adapter's event; others keep serving")
    void d22_slowNetPnPEvent_othersServed() throws Exception {
        startA();
        int n = allocate(mA.handle);
        Fault slow = p.inject("event", "A", Fault.blockingOnce());
        Future<NdisStatus> activation = async(() -> mA.handle.netPnPEvent(NetPnPEventNotification.portActivation(n)));
        slow.awaitEntered();
        assertEquals(PortState.ACTIVATING, portState(a, n));
        assertServed("B", mB, p);
        assertServed("B", mB, q);
        slow.release();
        assertEquals(NdisStatus.SUCCESS, get(activation));
        assertOrder("p activate A [" + n + "]", "q activate A [" + n + "]");
        assertEquals(PortState.ACTIVATED, portState(a, n));
        a.halt(HaltAction.DEVICE_DISABLED);
        assertRecords();
        assertHaltedClean(a, mA);
    }

    @Test
    @DisplayName("P-4 D22 a port event pended and never completed: P-4 after pnp.timeout.ms, delivery goes on, others served meanwhile; a late completion is warning D22")
    void p4_pendingNeverCompleted_timeoutThenDeliveryContinues() throws Exception {
        startA();
        p.pendOn.add("A");
        int n = allocate(mA.handle);
        Future<NdisStatus> activation = async(() -> mA.handle.netPnPEvent(NetPnPEventNotification.portActivation(n)));
        NetPnPEventNotification pending = p.pended.poll(WAIT, TimeUnit.SECONDS);
        assertNotNull(pending);
        assertServed("B", mB, p);
        assertServed("B", mB, q);
        assertEquals(NdisStatus.SUCCESS, get(activation));
        assertOrder("p activate A [" + n + "]", "q activate A [" + n + "]");
        assertRecords("P-4 VIOLATION A -1 bundle.p");
        p.handle("A").completeNetPnPEvent(pending, NdisStatus.SUCCESS);
        assertRecords("P-4 VIOLATION A -1 bundle.p", "D22 WARNING A -1 bundle.p");
        assertEquals(PortState.ACTIVATED, portState(a, n));
        p.pendOn.remove("A");
        a.halt(HaltAction.DEVICE_DISABLED);
        assertHaltedClean(a, mA);
    }

    // ---------------------------------------------------------------- protocol: indications

    @Test
    @DisplayName("N1 N16 N15 receiveNetBufferLists throws while holding a chain: recorded, its hold taken back, each list back once; its late return is N15")
    void n16_receiveThrowsWhileHolding_listsTakenBack() {
        startA();
        p.inject("receive", "A", Fault.throwingOnce());
        q.keepOn.add("A");
        NetBufferList chain = mA.indicate(0, 2);
        assertEquals(List.of(), mA.returned, "q still holds the chain");
        q.keepOn.remove("A");
        q.handle("A").returnNetBufferLists(q.kept.get(0), 0);
        mA.assertEveryListReturnedOnce();
        assertRecords("N1 VIOLATION A 0 bundle.p");
        p.handle("A").returnNetBufferLists(chain, 0);
        assertRecords("N1 VIOLATION A 0 bundle.p", "N15 VIOLATION A 0 bundle.p");
        mA.assertEveryListReturnedOnce();
        assertServed("A", mA, p);
        assertServed("B", mB, q);
        a.halt(HaltAction.DEVICE_DISABLED);
        assertHaltedClean(a, mA);
    }

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
        assertFalse(records().isEmpty(), "N1 recorded");
        assertTrue(records().get(0).startsWith("N1 VIOLATION A ") && records().get(0).endsWith(" bundle.p"), records().toString());
        if (callback.equals("sendComplete")) {
            assertEquals(1, q.timesCompleted(theirs), "the other binding's list of the chain still completes");
        }
        mA.completeSends = true;
        mA.pendOids = false;
        if (!callback.equals("unbind")) {
            assertServed("A", mA, q);
            a.halt(HaltAction.DEVICE_DISABLED);
        }
        assertHaltedClean(a, mA);
        assertServed("B", mB, q);
    }

    @Test
    @DisplayName("N1 R39 initialize throws an Error: the adapter fails and its leftovers are reclaimed, as for any throw")
    void n1_initializeThrowsError_adapterFails() {
        mA.initScript = h -> {
            allocate(h);
            throw new AssertionError("driver's own assertion");
        };
        assertEquals(NdisStatus.FAILURE, a.initialize());
        assertEquals("N1 VIOLATION A -1 " + DRIVER_A, records().get(0));
        assertHaltedClean(a, mA);
    }

    @Test
    @DisplayName("D33 a very slow receiveNetBufferLists holds up only its own indication; other indications, on A and B, are served")
    void d33_slowReceive_othersServed() throws Exception {
        startA();
        Fault slow = p.inject("receive", "A", Fault.blockingOnce());
        Future<NetBufferList> first = async(() -> mA.indicate(0, 1));
        slow.awaitEntered();
        NetBufferList second = mA.indicate(0, 1);
        assertEquals(1, mA.timesReturned(second));
        assertServed("A", mA, q);
        assertServed("B", mB, p);
        slow.release();
        assertEquals(1, mA.timesReturned(get(first)));
        a.halt(HaltAction.DEVICE_DISABLED);
        assertRecords();
        assertHaltedClean(a, mA);
    }

    @Test
    @DisplayName("N1 R77 status throws: recorded with its port; the next binding still gets the indication")
    void n1_statusThrows() {
        startA();
        p.inject("status", "A", Fault.throwingOnce());
        int from = log.size();
        mA.handle.indicateStatus(new StatusIndication(0, StatusCodes.NDIS_STATUS_LINK_STATE, null, 0));
        assertEquals(List.of("p status A port=0", "q status A port=0"), logFrom(from));
        assertRecords("N1 VIOLATION A 0 bundle.p");
        assertServed("A", mA, p);
        assertServed("B", mB, q);
        a.halt(HaltAction.DEVICE_DISABLED);
        assertHaltedClean(a, mA);
    }

    @Test
    @DisplayName("D33 a very slow status callback holds up only its own indication; others on A and B are served")
    void d33_slowStatus_othersServed() throws Exception {
        startA();
        Fault slow = p.inject("status", "A", Fault.blockingOnce());
        Future<?> first = async(() -> mA.handle.indicateStatus(
                new StatusIndication(0, StatusCodes.NDIS_STATUS_LINK_STATE, null, 0)));
        slow.awaitEntered();
        int from = log.size();
        mA.handle.indicateStatus(new StatusIndication(0, StatusCodes.NDIS_STATUS_LINK_STATE, null, 0));
        assertTrue(logFrom(from).containsAll(List.of("p status A port=0", "q status A port=0")), logFrom(from).toString());
        assertServed("A", mA, q);
        assertServed("B", mB, p);
        slow.release();
        get(first);
        a.halt(HaltAction.DEVICE_DISABLED);
        assertRecords();
        assertHaltedClean(a, mA);
    }

    // ---------------------------------------------------------------- protocol: completions

    @Test
    @DisplayName("N1 sendNetBufferListsComplete throws: recorded; every list of a mixed chain reaches its sender once; nothing stays outstanding")
    void n1_sendCompleteThrows_eachListOnce() {
        startA();
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
        assertRecords("N1 VIOLATION A 0 bundle.p");
        mA.completeSends = true;
        assertServed("A", mA, p);
        assertServed("B", mB, q);
        a.halt(HaltAction.DEVICE_DISABLED);
        assertRecords("N1 VIOLATION A 0 bundle.p");
        assertHaltedClean(a, mA);
    }

    @Test
    @DisplayName("N1 oidRequestComplete throws: recorded; nothing stays outstanding (halt does not wait, no N3)")
    void n1_oidCompleteThrows() {
        startA();
        mA.pendOids = true;
        p.inject("oidComplete", "A", Fault.throwingOnce());
        assertEquals(NdisStatus.PENDING, p.handle("A").oidRequest(query()));
        mA.handle.oidRequestComplete(mA.pendedOids.get(0), NdisStatus.SUCCESS);
        assertTrue(log.contains("p oidComplete A SUCCESS"), log.toString());
        assertRecords("N1 VIOLATION A 0 bundle.p");
        mA.pendOids = false;
        assertServed("A", mA, p);
        assertServed("B", mB, q);
        a.halt(HaltAction.DEVICE_DISABLED);
        assertRecords("N1 VIOLATION A 0 bundle.p");
        assertHaltedClean(a, mA);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sendComplete", "oidComplete"})
    @DisplayName("a very slow completion callback holds up only the miniport thread completing; others are served")
    void slowCompletion_othersServed(String callback) throws Exception {
        startA();
        Fault slow = p.inject(callback, "A", Fault.blockingOnce());
        NetBufferList l = frame();
        Future<?> completing;
        if (callback.equals("sendComplete")) {
            mA.completeSends = false;
            p.handle("A").sendNetBufferLists(l, 0, 0);
            mA.completeSends = true;
            completing = async(() -> mA.handle.sendNetBufferListsComplete(l, 0));
        } else {
            mA.pendOids = true;
            assertEquals(NdisStatus.PENDING, p.handle("A").oidRequest(query()));
            mA.pendOids = false;
            completing = async(() -> mA.handle.oidRequestComplete(mA.pendedOids.get(0), NdisStatus.SUCCESS));
        }
        slow.awaitEntered();
        assertServed("A", mA, q);
        assertServed("B", mB, p);
        slow.release();
        get(completing);
        if (callback.equals("sendComplete")) {
            assertEquals(1, p.timesCompleted(l));
        } else {
            assertTrue(log.contains("p oidComplete A SUCCESS"), log.toString());
        }
        a.halt(HaltAction.DEVICE_DISABLED);
        assertRecords();
        assertHaltedClean(a, mA);
    }

    // ---------------------------------------------------------------- protocol leaving mid-callback

    @Test
    @DisplayName("D33 a protocol unregistered while its receive runs on another thread: unbind waits for the callback; lists back once")
    void d33_unregisterDuringReceive_unbindWaits() throws Exception {
        startA();
        Fault slow = p.inject("receive", "A", Fault.blockingOnce());
        AtomicBoolean receiveDoneAtUnbind = new AtomicBoolean();
        p.onCall("unbind", "A", () -> receiveDoneAtUnbind.set(slow.left()));
        Future<NetBufferList> indication = async(() -> mA.indicate(0, 2));
        slow.awaitEntered();
        Future<?> gone = async(() -> fx.layer.unregister(p.entry));
        awaitTrue(() -> !protocolsBoundTo("A").contains("p"), "p's binding to A taken out of the indication path");
        assertFalse(log.contains("p unbind A"), "unbind waits for the receive in progress");
        assertServed("B", mB, q);
        slow.release();
        get(gone);
        get(indication);
        assertTrue(receiveDoneAtUnbind.get(), "unbindAdapter came after the receive callback returned");
        mA.assertEveryListReturnedOnce();
        assertEquals(List.of("q"), protocolsBoundTo("A"));
        assertEquals(List.of("q"), protocolsBoundTo("B"));
        assertServed("A", mA, q);
        a.halt(HaltAction.DEVICE_DISABLED);
        assertRecords();
        assertHaltedClean(a, mA);
    }

    @Test
    @DisplayName("R76 a protocol unregistered while its netPnPEvent runs on another thread: the unbind waits for the delivery to finish")
    void r76_unregisterDuringNetPnPEvent_unbindAfterDelivery() throws Exception {
        startA();
        int n = allocate(mA.handle);
        Fault slow = p.inject("event", "A", Fault.blockingOnce());
        Future<NdisStatus> activation = async(() -> mA.handle.netPnPEvent(NetPnPEventNotification.portActivation(n)));
        slow.awaitEntered();
        Future<?> gone = asyncAndAwaitParked(() -> fx.layer.unregister(p.entry));
        assertFalse(log.contains("p unbind A"));
        assertServed("B", mB, q);
        slow.release();
        assertEquals(NdisStatus.SUCCESS, get(activation));
        get(gone);
        assertOrder("p activate A [" + n + "]", "q activate A [" + n + "]", "p unbind A");
        assertEquals(List.of("q"), protocolsBoundTo("A"));
        assertServed("A", mA, q);
        a.halt(HaltAction.DEVICE_DISABLED);
        assertRecords();
        assertHaltedClean(a, mA);
    }

    @Test
    @DisplayName("R76 a protocol unregistered while its bindAdapter runs on another thread: it is unbound once the bind returned")
    void r76_unregisterDuringBindAdapter_unboundAfterBind() throws Exception {
        Fault slow = p.inject("bind", "A", Fault.blockingOnce());
        Future<NdisStatus> init = async(a::initialize);
        slow.awaitEntered();
        Future<?> gone = asyncAndAwaitParked(() -> fx.layer.unregister(p.entry));
        assertServed("B", mB, q);
        slow.release();
        assertEquals(NdisStatus.SUCCESS, get(init));
        get(gone);
        assertOrder("p bound A", "q bound A", "p unbind A");
        assertEquals(List.of("q"), protocolsBoundTo("A"));
        assertEquals(List.of("q"), protocolsBoundTo("B"));
        assertServed("A", mA, q);
        a.halt(HaltAction.DEVICE_DISABLED);
        assertRecords();
        assertHaltedClean(a, mA);
    }

    @Test
    @DisplayName("a protocol unregistered while its send completion runs on another thread: no deadlock, the list completes once")
    void unregisterDuringSendComplete_listCompletesOnce() throws Exception {
        startA();
        Fault slow = p.inject("sendComplete", "A", Fault.blockingOnce());
        NetBufferList l = frame();
        Future<?> send = async(() -> p.handle("A").sendNetBufferLists(l, 0, 0));
        slow.awaitEntered();
        fx.layer.unregister(p.entry);
        assertEquals(List.of("q"), protocolsBoundTo("A"));
        assertServed("B", mB, q);
        slow.release();
        get(send);
        assertEquals(1, p.timesCompleted(l));
        a.halt(HaltAction.DEVICE_DISABLED);
        assertRecords();
        assertHaltedClean(a, mA);
    }

    // ---------------------------------------------------------------- helpers

    private FaultyProtocol protocol(String name) {
        FaultyProtocol proto = new FaultyProtocol(name, log);
        proto.entry = fx.layer.register(proto, name, BindingFixture.bundleOf(name), order++);
        return proto;
    }

    private void startA() {
        assertEquals(NdisStatus.SUCCESS, a.initialize());
        assertEquals(List.of("p", "q"), protocolsBoundTo("A"));
    }

    private static NetBufferList frame() {
        return NetBufferList.copyOf(new byte[] {1, 2, 3});
    }

    private static OidRequest query() {
        return OidRequest.query(VENDOR_OID, 0, 4);
    }

    /**
     * The adapter serves {@code proto}: a send on port 0 completes once, a receive reaches it and goes
     * back once, and a new port is activated, used and deactivated with both events heard.
     */
    private void assertServed(String adapter, FaultyMiniport m, FaultyProtocol proto) {
        ProtocolBindingHandle h = proto.handle(adapter);
        NetBufferList out = frame();
        h.sendNetBufferLists(out, 0, 0);
        assertEquals(1, proto.timesCompleted(out), "send on " + adapter + " completed once");
        assertEquals(NdisStatus.SUCCESS, out.status());
        int from = log.size();
        NetBufferList in = m.indicate(0, 1);
        assertEquals(1, m.timesReturned(in), "receive on " + adapter + " returned once");
        assertTrue(logFrom(from).contains(proto.name + " receive " + adapter + " port=0 lists=1"), logFrom(from).toString());
        int port = allocate(m.handle);
        from = log.size();
        activate(m.handle, port);
        assertTrue(logFrom(from).contains(proto.name + " activate " + adapter + " [" + port + "]"), logFrom(from).toString());
        NetBufferList onPort = frame();
        h.sendNetBufferLists(onPort, port, 0);
        assertEquals(NdisStatus.SUCCESS, onPort.status());
        assertEquals(1, proto.timesCompleted(onPort));
        assertEquals(1, m.timesReturned(m.indicate(port, 1)));
        from = log.size();
        deactivate(m.handle, port);
        assertTrue(logFrom(from).contains(proto.name + " deactivate " + adapter + " [" + port + "]"), logFrom(from).toString());
        assertEquals(NdisStatus.SUCCESS, m.handle.freePort(port));
    }

    /** Nothing of the adapter is left: phase P4, no port, no binding, no I/O claim, no interrupt, every list back once. */
    private void assertHaltedClean(AdapterRuntime adapter, FaultyMiniport m) {
        AdapterView view = adapter.view();
        assertEquals(AdapterPhase.P4_HALTED, view.phase());
        assertEquals(List.of(), view.ports(), "ports left on a halted adapter");
        assertEquals(List.of(), protocolsBoundTo(adapter.name()), "bindings left open to a halted adapter");
        assertFalse(space.claimants().contains(adapter.name()), "I/O claims left: " + space.claims());
        assertTrue(space.claimants().contains("B"), "the other adapter keeps its claim");
        assertNull(lineA.sink, "interrupt left connected");
        m.assertEveryListReturnedOnce();
        mB.assertEveryListReturnedOnce();
    }

    private List<String> protocolsBoundTo(String adapter) {
        List<String> names = new ArrayList<>();
        for (BindingView v : fx.layer.bindings()) {
            if (v.adapter().equals(adapter)) {
                names.add(v.protocol());
            }
        }
        return names;
    }

    private static PortState portState(AdapterRuntime adapter, int port) {
        PortView v = adapter.view().port(port);
        return v == null ? PortState.NONEXISTENT : v.state();
    }

    private List<String> records() {
        return fx.records().stream().map(FaultsTest::describe).toList();
    }

    private static String describe(Violation v) {
        return v.ruleId() + " " + v.severity() + " " + v.adapter() + " " + v.port() + " " + v.bundle();
    }

    private void assertRecords(String... expected) {
        assertEquals(List.of(expected), records(), "records: " + fx.records());
    }

    /** The entries occur in the log in this order. */
    private void assertOrder(String... entries) {
        int at = -1;
        for (String e : entries) {
            int next = log.subList(at + 1, log.size()).indexOf(e);
            assertTrue(next >= 0, "'" + e + "' after position " + at + " in " + log);
            at += 1 + next;
        }
    }

    private List<String> logFrom(int from) {
        return List.copyOf(log.subList(from, log.size()));
    }

    private <T> Future<T> async(Callable<T> task) {
        return threads.submit(task);
    }

    private Future<?> async(Runnable task) {
        return threads.submit(task);
    }

    /** Runs {@code task} on another thread and waits until that thread is parked inside it (blocked on the runtime). */
    private Future<?> asyncAndAwaitParked(Runnable task) {
        AtomicReference<Thread> runner = new AtomicReference<>();
        Future<?> f = threads.submit(() -> {
            runner.set(Thread.currentThread());
            task.run();
        });
        awaitTrue(() -> {
            Thread t = runner.get();
            return f.isDone() || t != null && (t.getState() == Thread.State.WAITING || t.getState() == Thread.State.TIMED_WAITING);
        }, "the task to block");
        assertFalse(f.isDone(), "the task did not wait");
        return f;
    }

    private static <T> T get(Future<T> f) throws Exception {
        return f.get(WAIT, TimeUnit.SECONDS);
    }

    /** Polls an observable condition (no fixed sleep), failing after the wait limit. */
    private static void awaitTrue(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
            LockSupport.parkNanos(100_000);
        }
    }
}
