package org.ndisport.benchmarks;

import java.util.concurrent.TimeUnit;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.miniport.AllocatePortResult;
import org.ndisport.api.miniport.NdisMiniportHandle;
import org.ndisport.api.pnp.NetPnPEventNotification;
import org.ndisport.api.port.PortCharacteristics;
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

/**
 * Ports at scale on one adapter of {@link BenchDriver} in the real bundles, no protocol bound.
 * {@code allocateMillion}: 1,000,000 NdisMAllocatePort calls (the ports are freed, untimed, in the
 * iteration teardown); target under 1 s. {@code deactivateHundredThousand}: one deactivation event
 * listing 100,000 activated ports (allocated, activated and the notification built untimed in the
 * iteration setup; freed in the teardown); target under 50 ms. The memory per port is measured by
 * {@link PortFootprint}, not here.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
public class MillionPortsBenchmark {
    static final int MILLION = 1_000_000;
    static final int HUNDRED_THOUSAND = 100_000;

    /** The container and its one adapter, for the whole trial. */
    @State(Scope.Benchmark)
    public static class OneAdapter {
        Container container;
        NdisMiniportHandle handle;

        @Setup(Level.Trial)
        public void start() {
            container = Container.ndisport();
            BenchDriver driver = BenchDriver.register(container.context());
            container.virtualAdapter("bench0", BenchDriver.NAME);
            handle = driver.handle("bench0");
        }

        @TearDown(Level.Trial)
        public void stop() {
            container.close();
        }

        /** Frees the first {@code count} listed ports (each must be ALLOCATED). */
        void free(int[] ports, int count) {
            for (int i = 0; i < count; i++) {
                check(handle.freePort(ports[i]), "free");
            }
        }
    }

    /** The numbers the allocation benchmark got, freed after each iteration. */
    @State(Scope.Benchmark)
    public static class Allocated {
        final int[] ports = new int[MILLION];

        @TearDown(Level.Iteration)
        public void free(OneAdapter adapter) {
            adapter.free(ports, MILLION);
        }
    }

    /** 100,000 activated ports and the deactivation event listing them, made before each iteration. */
    @State(Scope.Benchmark)
    public static class Activated {
        int[] ports;
        NetPnPEventNotification deactivation;

        @Setup(Level.Iteration)
        public void activate(OneAdapter adapter) {
            ports = new int[HUNDRED_THOUSAND];
            allocate(adapter.handle, ports);
            check(adapter.handle.netPnPEvent(NetPnPEventNotification.portActivation(ports)), "activation");
            deactivation = NetPnPEventNotification.portDeactivation(ports);
        }

        @TearDown(Level.Iteration)
        public void free(OneAdapter adapter) {
            adapter.free(ports, ports.length);
        }
    }

    @Benchmark
    public int allocateMillion(OneAdapter adapter, Allocated allocated) {
        allocate(adapter.handle, allocated.ports);
        return allocated.ports[MILLION - 1];
    }

    @Benchmark
    public NdisStatus deactivateHundredThousand(OneAdapter adapter, Activated activated) {
        NdisStatus status = adapter.handle.netPnPEvent(activated.deactivation);
        check(status, "deactivation");
        return status;
    }

    /** Allocates as many ports as {@code into} holds, one characteristics value reused, and records their numbers. */
    static void allocate(NdisMiniportHandle handle, int[] into) {
        PortCharacteristics characteristics = PortCharacteristics.forAllocation();
        for (int i = 0; i < into.length; i++) {
            characteristics.portNumber(0);
            AllocatePortResult r = handle.allocatePort(characteristics);
            check(r.status(), "allocation");
            into[i] = r.portNumber();
        }
    }

    static void check(NdisStatus status, String what) {
        if (status != NdisStatus.SUCCESS) {
            throw new IllegalStateException(what + " returned " + status);
        }
    }
}
