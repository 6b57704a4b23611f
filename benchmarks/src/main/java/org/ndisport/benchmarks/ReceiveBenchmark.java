package org.ndisport.benchmarks;

import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.ndisport.api.data.NetBufferList;
import org.ndisport.api.miniport.NdisMiniportHandle;
import org.ndisport.api.runtime.NdisRuntime;
import org.ndisport.api.runtime.Verifier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * The receive indication path: one op is one indication of a {@value ReceiveChain#LISTS}-list chain of
 * {@value ReceiveChain#FRAME}-byte frames (built once per thread) on port 0, delivered to
 * {@code protocols} {@link BenchProtocol}s that each return the whole chain at once.
 * <ul>
 * <li>{@code runtime}: NdisMIndicateReceiveNetBufferLists from a virtual adapter's miniport handle,
 * through the real core-impl (port gate, IRQL, counters) and protocol-binding (per-list holder marks,
 * every binding called, lists back to {@link BenchDriver#returnNetBufferLists} when the last reference
 * goes) bundles in Felix.</li>
 * <li>{@code direct}: the baseline; the same chain handed to {@code protocols} protocol objects of the
 * same class by a plain interface call each, returned to a {@link ReceiveBindingStub} that walks and
 * counts it.</li>
 * <li>{@code eventAdmin}: the same notification as an OSGi event: Felix EventAdmin's synchronous
 * {@code sendEvent} to {@code protocols} {@link ReceiveEventHandler}s on one topic, each passing the
 * chain (an event property) to its own protocol object. A new {@link Event} is built per op from a
 * per-thread property map (the chain differs per indication in real use). Felix EventAdmin runs with its
 * defaults: with the 5 s timeout on, 1.6.x runs each handler of a {@code sendEvent} on its thread pool
 * and waits for them, so this figure includes that hand-off.</li>
 * </ul>
 * {@code runtimeTwoThreads} and {@code directTwoThreads} run the same on two threads, each with its own
 * chain ({@link ReceiveChain} is thread scoped), the runtime ones on the same adapter and port.
 * Every runtime op checks that all lists came back to the miniport; the trial teardown compares the
 * lists indicated with those the miniport, stubs and protocols saw and fails on a verifier finding.
 *
 * <p>Targets, ratios of the same run at the same {@code protocols} and thread count: runtime at least
 * 0.5 x direct; runtime at least 50 x eventAdmin.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class ReceiveBenchmark {
    private static final String ADAPTER = "recv0";

    @Param({"1", "10", "100"})
    public int protocols;

    private final List<ReceiveChain> chains = new CopyOnWriteArrayList<>();
    private Container container;
    private BenchDriver driver;
    private NdisMiniportHandle handle;
    private BenchProtocol[] bound;
    private BenchProtocol[] baseline;
    private EventAdmin eventAdmin;

    @Setup(Level.Trial)
    public void start() {
        container = Container.ndisport();
        driver = BenchDriver.register(container.context());
        bound = new BenchProtocol[protocols];
        baseline = new BenchProtocol[protocols];
        for (int i = 0; i < protocols; i++) {
            bound[i] = BenchProtocol.register(container.context(), "recv" + i);
            baseline[i] = new BenchProtocol();
            Hashtable<String, Object> props = new Hashtable<>();
            props.put(EventConstants.EVENT_TOPIC, ReceiveEventHandler.TOPIC);
            container.context().registerService(EventHandler.class, new ReceiveEventHandler(baseline[i]), props);
        }
        container.virtualAdapter(ADAPTER, BenchDriver.NAME);
        handle = driver.handle(ADAPTER);
        Container.await(() -> java.util.Arrays.stream(bound).allMatch(p -> p.bound() == 1), "protocols bound");
        eventAdmin = container.service(EventAdmin.class);
    }

    /** Called by each thread's chain at its setup. */
    void register(ReceiveChain chain) {
        chains.add(chain);
    }

    @TearDown(Level.Trial)
    public void stop() {
        try {
            check();
        } finally {
            container.close();
        }
    }

    @Benchmark
    public NetBufferList runtime(ReceiveChain chain) {
        handle.indicateReceiveNetBufferLists(chain.head, 0, ReceiveChain.LISTS, 0);
        chain.runtimeLists += ReceiveChain.LISTS;
        return chain.takeBack();
    }

    @Benchmark
    public NetBufferList direct(ReceiveChain chain) {
        for (BenchProtocol p : baseline) {
            p.receiveNetBufferLists(chain.stub, chain.head, 0, ReceiveChain.LISTS, 0);
        }
        chain.baselineLists += ReceiveChain.LISTS;
        return chain.head;
    }

    @Benchmark
    public Event eventAdmin(ReceiveChain chain) {
        Event event = new Event(ReceiveEventHandler.TOPIC, chain.eventProperties);
        eventAdmin.sendEvent(event);
        chain.baselineLists += ReceiveChain.LISTS;
        return event;
    }

    @Benchmark
    @Threads(2)
    public NetBufferList runtimeTwoThreads(ReceiveChain chain) {
        return runtime(chain);
    }

    @Benchmark
    @Threads(2)
    public NetBufferList directTwoThreads(ReceiveChain chain) {
        return direct(chain);
    }

    /** Every indicated list reached every protocol and came back; nothing was recorded by the verifier. */
    private void check() {
        long runtimeLists = chains.stream().mapToLong(c -> c.runtimeLists).sum();
        long baselineLists = chains.stream().mapToLong(c -> c.baselineLists).sum();
        long stubReturns = chains.stream().mapToLong(c -> c.stub.returned()).sum();
        expect(driver.returned(), runtimeLists, "lists returned to the miniport");
        expect(stubReturns, baselineLists * protocols, "lists returned to the baseline stubs");
        for (int i = 0; i < protocols; i++) {
            expect(bound[i].received(), runtimeLists, "lists received by bound protocol " + i);
            expect(baseline[i].received(), baselineLists, "lists received by baseline protocol " + i);
        }
        Verifier verifier = container.service(NdisRuntime.class).verifier();
        if (verifier.total() != 0) {
            throw new IllegalStateException(verifier.total() + " verifier findings: " + verifier.violations());
        }
    }

    private static void expect(long actual, long expected, String what) {
        if (actual != expected) {
            throw new IllegalStateException(what + ": " + actual + ", expected " + expected + " (lists lost)");
        }
    }
}
