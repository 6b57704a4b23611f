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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One port cycle: NdisMAllocatePort, activation event, deactivation event, NdisMFreePort, on an adapter
 * with {@code ports} other ports active and {@code protocols} bound protocols (each hears both events),
 * in the real bundles in Felix. Target: at least 1,000,000 cycles/s on one thread with one protocol.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class PortCycleBenchmark {
    private static final int ACTIVATION_BATCH = 10_000;

    @Param({"1", "10", "100"})
    public int protocols;

    @Param({"10", "1000", "1000000"})
    public int ports;

    private Container container;
    private NdisMiniportHandle handle;
    private PortCharacteristics characteristics;

    @Setup(Level.Trial)
    public void start() {
        container = Container.ndisport();
        BenchDriver driver = BenchDriver.register(container.context());
        BenchProtocol[] bound = new BenchProtocol[protocols];
        for (int i = 0; i < protocols; i++) {
            bound[i] = BenchProtocol.register(container.context(), "p" + i);
        }
        container.virtualAdapter("bench0", BenchDriver.NAME);
        handle = driver.handle("bench0");
        Container.await(() -> java.util.Arrays.stream(bound).allMatch(p -> p.bound() == 1), "protocols bound");
        // activated in events of at most 10,000 ports: each bound protocol gets its own copy of a chain
        for (int done = 0; done < ports; done += ACTIVATION_BATCH) {
            int[] batch = new int[Math.min(ACTIVATION_BATCH, ports - done)];
            for (int i = 0; i < batch.length; i++) {
                batch[i] = handle.allocatePort(PortCharacteristics.forAllocation()).portNumber();
            }
            check(handle.netPnPEvent(NetPnPEventNotification.portActivation(batch)), "activating the other ports");
        }
        characteristics = PortCharacteristics.forAllocation();
    }

    @TearDown(Level.Trial)
    public void stop() {
        container.close();
    }

    @Benchmark
    public int cycle() {
        characteristics.portNumber(0);
        AllocatePortResult r = handle.allocatePort(characteristics);
        int port = r.portNumber();
        check(handle.netPnPEvent(NetPnPEventNotification.portActivation(port)), "activation");
        check(handle.netPnPEvent(NetPnPEventNotification.portDeactivation(port)), "deactivation");
        check(handle.freePort(port), "free");
        return port;
    }

    private static void check(NdisStatus status, String what) {
        if (status != NdisStatus.SUCCESS) {
            throw new IllegalStateException(what + " returned " + status);
        }
    }
}
