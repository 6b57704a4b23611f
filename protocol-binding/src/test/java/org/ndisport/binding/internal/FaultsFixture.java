package org.ndisport.binding.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ndisport.binding.internal.BindingFixture.activate;
import static org.ndisport.binding.internal.BindingFixture.allocate;
import static org.ndisport.binding.internal.BindingFixture.deactivate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.data.NetBufferList;
import org.ndisport.api.data.OidRequest;
import org.ndisport.api.io.IoPortRange;
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
 * The world of the fault-injection tests (the {@code *FaultsTest} classes), built fresh for each test.
 * Adapter A (hardware: an I/O range and an interrupt) is the one whose driver or protocol binding
 * faults; it is created but not initialized. Adapter B (its own miniport and range) is initialized and
 * must keep serving both protocols throughout. After each fault: the record names the faulting bundle,
 * and nothing leaks (ports, claims, interrupt, bindings, received lists, send completions).
 */
final class FaultsFixture implements AutoCloseable {
    static final long WAIT = Fault.WAIT_SECONDS;
    static final String DRIVER_A = "bundle.miniport.A";
    private static final long PNP_TIMEOUT_MS = 200;
    private static final long DRAIN_TIMEOUT_MS = 200;
    private static final int VENDOR_OID = 0x00010202;
    private static final IoPortRange RANGE_A = new IoPortRange(0x300, 0x20);
    private static final IoPortRange RANGE_B = new IoPortRange(0x320, 0x20);

    final BindingFixture fx = new BindingFixture(VerifierMode.REPORT, PNP_TIMEOUT_MS);
    final List<String> log = fx.log;
    final IrqLine lineA = new IrqLine("A", RANGE_A, 5);
    private final ClaimingIoSpace space = new ClaimingIoSpace();
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private long order;
    /** Faults on adapter A only; bound to both adapters. */
    final FaultyProtocol p;
    /** Never faults; bound to both adapters. */
    final FaultyProtocol q;
    final FaultyMiniport mA;
    final FaultyMiniport mB;
    final AdapterRuntime a;
    final AdapterRuntime b;

    FaultsFixture() {
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

    /** Stops the threads the test started. */
    @Override
    public void close() {
        threads.shutdownNow();
    }

    private FaultyProtocol protocol(String name) {
        FaultyProtocol proto = new FaultyProtocol(name, log);
        proto.entry = fx.layer.register(proto, name, BindingFixture.bundleOf(name), order++);
        return proto;
    }

    /** Initializes adapter A and checks both protocols bound to it. */
    void startA() {
        assertEquals(NdisStatus.SUCCESS, a.initialize());
        assertEquals(List.of("p", "q"), protocolsBoundTo("A"));
    }

    static NetBufferList frame() {
        return NetBufferList.copyOf(new byte[] {1, 2, 3});
    }

    static OidRequest query() {
        return OidRequest.query(VENDOR_OID, 0, 4);
    }

    /**
     * The adapter serves {@code proto}: a send on port 0 completes once, a receive reaches it and goes
     * back once, and a new port is activated, used and deactivated with both events heard.
     */
    void assertServed(String adapter, FaultyMiniport m, FaultyProtocol proto) {
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
    void assertHaltedClean(AdapterRuntime adapter, FaultyMiniport m) {
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

    List<String> protocolsBoundTo(String adapter) {
        List<String> names = new ArrayList<>();
        for (BindingView v : fx.layer.bindings()) {
            if (v.adapter().equals(adapter)) {
                names.add(v.protocol());
            }
        }
        return names;
    }

    static PortState portState(AdapterRuntime adapter, int port) {
        PortView v = adapter.view().port(port);
        return v == null ? PortState.NONEXISTENT : v.state();
    }

    /** The verifier's records, each as "rule severity adapter port bundle". */
    List<String> records() {
        return fx.records().stream().map(FaultsFixture::describe).toList();
    }

    private static String describe(Violation v) {
        return v.ruleId() + " " + v.severity() + " " + v.adapter() + " " + v.port() + " " + v.bundle();
    }

    void assertRecords(String... expected) {
        assertEquals(List.of(expected), records(), "records: " + fx.records());
    }

    /** The entries occur in the log in this order. */
    void assertOrder(String... entries) {
        int at = -1;
        for (String e : entries) {
            int next = log.subList(at + 1, log.size()).indexOf(e);
            assertTrue(next >= 0, "'" + e + "' after position " + at + " in " + log);
            at += 1 + next;
        }
    }

    List<String> logFrom(int from) {
        return List.copyOf(log.subList(from, log.size()));
    }

    <T> Future<T> async(Callable<T> task) {
        return threads.submit(task);
    }

    Future<?> async(Runnable task) {
        return threads.submit(task);
    }

    /** Runs {@code task} on another thread and waits until that thread is parked inside it (blocked on the runtime). */
    Future<?> asyncAndAwaitParked(Runnable task) {
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

    static <T> T get(Future<T> f) throws Exception {
        return f.get(WAIT, TimeUnit.SECONDS);
    }

    /** Polls an observable condition (no fixed sleep), failing after the wait limit. */
    static void awaitTrue(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
            LockSupport.parkNanos(100_000);
        }
    }
}
