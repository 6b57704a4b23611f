package org.ndisport.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ndisport.api.runtime.AdapterPhase;
import org.ndisport.api.runtime.AdapterView;
import org.ndisport.api.runtime.NdisRuntime;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Hot swap of the engine under load: 100 virtual adapters (ConfigAdmin factory configurations) driven
 * by {@link HotSwapDriver}, each with port 0 and 99 ports activated in one event during initialize.
 * {@code restart} times stopping the {@code org.ndisport.core} bundle (every adapter halted, its ports
 * deactivated and freed by the driver) and starting it again until the new engine's
 * {@code NdisRuntime.adapters()} shows all 100 adapters in P2_OPERATIONAL with 100 ports each.
 * {@code stop} times the stopping alone (the bundle is started again, untimed, in the iteration
 * teardown). Target: all adapters running again in under 0.5 s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
public class HotSwapBenchmark {
    static final int ADAPTERS = 100;
    static final int PORTS = 100;

    private Container container;
    private HotSwapDriver driver;
    private Bundle core;
    private ServiceTracker<NdisRuntime, NdisRuntime> runtime;

    @Setup(Level.Trial)
    public void start() {
        container = Container.ndisport();
        core = container.bundle("org.ndisport.core");
        runtime = new ServiceTracker<>(container.context(), NdisRuntime.class, null);
        runtime.open();
        driver = HotSwapDriver.register(container.context(), PORTS - 1);
        driver.expectInitializes(ADAPTERS);
        for (int i = 0; i < ADAPTERS; i++) {
            container.virtualAdapter("hs" + i, HotSwapDriver.NAME);
        }
        awaitOperational();
    }

    @TearDown(Level.Iteration)
    public void startIfStopped() throws BundleException {
        if (core.getState() != Bundle.ACTIVE) {
            driver.expectInitializes(ADAPTERS);
            core.start();
            awaitOperational();
        }
        if (driver.failures() != 0) {
            throw new IllegalStateException(driver.failures() + " driver calls did not return SUCCESS");
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        runtime.close();
        container.close();
    }

    @Benchmark
    public int restart() throws BundleException {
        driver.expectInitializes(ADAPTERS);
        core.stop();
        core.start();
        return awaitOperational();
    }

    @Benchmark
    public int stop() throws BundleException {
        core.stop();
        return core.getState();
    }

    /** Waits for the driver's initializes (blocking), then polls the engine until every adapter is in P2. */
    private int awaitOperational() {
        driver.awaitInitialized();
        NdisRuntime engine = engine();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Container.WAIT_MILLIS);
        while (!operational(engine.adapters())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + ADAPTERS + " operational adapters");
            }
            Thread.yield();
        }
        return ADAPTERS;
    }

    private NdisRuntime engine() {
        try {
            NdisRuntime engine = runtime.waitForService(Container.WAIT_MILLIS);
            if (engine == null) {
                throw new IllegalStateException("no NdisRuntime service");
            }
            return engine;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean operational(List<AdapterView> adapters) {
        if (adapters.size() != ADAPTERS) {
            return false;
        }
        for (AdapterView a : adapters) {
            if (a.phase() != AdapterPhase.P2_OPERATIONAL || a.ports().size() != PORTS) {
                return false;
            }
        }
        return true;
    }
}
