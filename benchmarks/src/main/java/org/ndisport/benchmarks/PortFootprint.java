package org.ndisport.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Locale;
import org.ndisport.api.miniport.NdisMiniportHandle;
import org.ndisport.api.pnp.NetPnPEventNotification;

/**
 * Retained heap per port, not a JMH benchmark: used heap after repeated full collections, before and
 * after allocating 1,000,000 ports on one adapter of {@link BenchDriver} (and again after activating
 * them all in one event, and once more after a one-port event has replaced that event as the last one
 * delivered), divided by the number of ports. Target: at most 200 bytes per port. Run with
 * {@code java -cp benchmarks/target/benchmarks.jar org.ndisport.benchmarks.PortFootprint [PORTS]}.
 */
public final class PortFootprint {
    private static final int GC_ROUNDS = 5;

    private PortFootprint() {
    }

    public static void main(String[] args) throws InterruptedException {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : MillionPortsBenchmark.MILLION;
        System.getProperties().putIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        try (Container container = Container.ndisport()) {
            BenchDriver driver = BenchDriver.register(container.context());
            container.virtualAdapter("footprint", BenchDriver.NAME);
            NdisMiniportHandle handle = driver.handle("footprint");
            warmUp(handle);
            int[] ports = new int[count];
            int[] other = new int[1];
            MillionPortsBenchmark.allocate(handle, other);

            long before = usedAfterGc();
            MillionPortsBenchmark.allocate(handle, ports);
            long allocated = usedAfterGc();
            MillionPortsBenchmark.check(handle.netPnPEvent(NetPnPEventNotification.portActivation(ports)), "activation");
            long activated = usedAfterGc();
            // the binding layer keeps the last port event it delivered (the whole chain) until the next one
            MillionPortsBenchmark.check(handle.netPnPEvent(NetPnPEventNotification.portActivation(other)), "activation");
            long settled = usedAfterGc();

            System.out.printf(Locale.ROOT, "ports: %d%n", count);
            System.out.printf(Locale.ROOT, "bytes per allocated port: %.1f%n", (allocated - before) / (double) count);
            System.out.printf(Locale.ROOT, "bytes per activated port: %.1f%n", (activated - before) / (double) count);
            System.out.printf(Locale.ROOT, "bytes per activated port after a later event: %.1f%n",
                    (settled - before) / (double) count);

            MillionPortsBenchmark.check(handle.netPnPEvent(NetPnPEventNotification.portDeactivation(ports)), "deactivation");
            for (int n : ports) {
                MillionPortsBenchmark.check(handle.freePort(n), "free");
            }
        }
    }

    /** One port through its whole cycle, so classes and lazily built structures are in place before measuring. */
    private static void warmUp(NdisMiniportHandle handle) {
        int[] one = new int[1];
        MillionPortsBenchmark.allocate(handle, one);
        MillionPortsBenchmark.check(handle.netPnPEvent(NetPnPEventNotification.portActivation(one)), "activation");
        MillionPortsBenchmark.check(handle.netPnPEvent(NetPnPEventNotification.portDeactivation(one)), "deactivation");
        MillionPortsBenchmark.check(handle.freePort(one[0]), "free");
    }

    /** Used heap after several full collections, with pauses for asynchronous work (EventAdmin) to drain. */
    private static long usedAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < GC_ROUNDS; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
