package org.ndisport.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Hashtable;
import java.util.concurrent.TimeUnit;
import org.ndisport.api.io.IoWidth;
import org.ndisport.api.miniport.NdisMiniportHandle;
import org.ndisport.api.runtime.NdisRuntime;
import org.ndisport.api.runtime.Verifier;
import org.ndisport.ioport.ethernet.internal.EthernetSegment;
import org.ndisport.ioport.ne2000.internal.Ne2000;
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
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * A raw 8-bit read of an NE2000's command register (base+0x00: the DP8390's CR, readable on every page;
 * unlike the page-0 counters at 0x0D-0x0F or the data and reset ports, reading it changes nothing).
 * <ul>
 * <li>{@code runtime}: NdisRawReadPortUchar from the handle of a hardware adapter whose miniport
 * ({@link IoReadDriver}) registered the card's range in initialize: the engine's call path, then the
 * real ioport-hw bundle's claim lookup and §5.4 access resolution (the caller's own range, no record),
 * the bus and the emulated card, configured through ConfigAdmin ({@code org.ndisport.ioport.device}).</li>
 * <li>{@code direct}: the baseline; {@link Ne2000#read} on a card built here from the class path, at the
 * same base, reading the same register.</li>
 * </ul>
 * The trial teardown fails on any verifier finding (a read that took a recorded path). Target: runtime
 * at least 0.5 x direct.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class IoReadBenchmark {
    private static final String DEVICE = "benchnic";
    private static final int BASE = 0x300;
    private static final int REGISTER = 0x00;
    private static final byte[] MAC = {0x02, 0, 0, 0, 0x00, 0x42};

    private Container container;
    private NdisMiniportHandle handle;
    private long port;
    private Ne2000 card;
    private int cardPort;

    @Setup(Level.Trial)
    public void start() {
        container = Container.ndisport();
        IoReadDriver driver = IoReadDriver.register(container.context());
        configureDevice();
        handle = driver.handle(DEVICE);
        port = driver.portOffset(DEVICE) + REGISTER;
        card = new Ne2000(BASE, MAC, new EthernetSegment("bench-direct"));
        cardPort = BASE + REGISTER;
        if (runtime() != direct()) {
            throw new IllegalStateException("the runtime read " + runtime() + ", the card itself " + direct());
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        try {
            Verifier verifier = container.service(NdisRuntime.class).verifier();
            if (verifier.total() != 0) {
                throw new IllegalStateException(verifier.total() + " verifier findings: " + verifier.violations());
            }
        } finally {
            container.close();
        }
    }

    @Benchmark
    public int runtime() {
        return handle.rawReadPortUchar(port);
    }

    @Benchmark
    public int direct() {
        return card.read(cardPort, IoWidth.BYTE);
    }

    private void configureDevice() {
        try {
            var c = container.service(ConfigurationAdmin.class)
                    .getFactoryConfiguration("org.ndisport.ioport.device", DEVICE, "?");
            Hashtable<String, Object> props = new Hashtable<>();
            props.put("name", DEVICE);
            props.put("type", "ne2000");
            props.put("io.base", BASE);
            props.put("io.length", Ne2000.IO_LENGTH);
            props.put("irq", -1);
            props.put("mac", "02:00:00:00:00:42");
            props.put("segment", "bench");
            props.put("hardware.id", IoReadDriver.HARDWARE_ID);
            c.update(props);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
