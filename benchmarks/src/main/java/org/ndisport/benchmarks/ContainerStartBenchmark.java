package org.ndisport.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ndisport.api.binding.AdapterEventSink;
import org.ndisport.api.io.IoPortSpace;
import org.ndisport.api.runtime.Bindings;
import org.ndisport.api.runtime.NdisRuntime;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Container start to ready, each iteration a fresh Felix with a fresh temporary cache. {@code ndisport}
 * starts {@link Container#RUNTIME} and {@link Container#NDISPORT} and is ready when every ndisport
 * component service (NdisRuntime; AdapterEventSink and Bindings; IoPortSpace; the Ethernet segments) is
 * registered and obtained, which activates the delayed ones. {@code bare} is the baseline: Felix with
 * only what SCR needs (SLF4J, function, promise, the component API, SCR), ready when SCR's
 * ServiceComponentRuntime is registered and obtained. Timed: creating the cache folder, starting the
 * framework, installing and starting the bundles, waiting; the framework stops and its cache is removed
 * in the iteration teardown, outside the time. Target: ndisport at most 1.5 x bare.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgsAppend = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
public class ContainerStartBenchmark {
    /** Felix plus SCR and what SCR resolves against. */
    static final List<String> SCR_ONLY = List.of("slf4j-api", "slf4j-simple", "org.osgi.util.function",
            "org.osgi.util.promise", "org.osgi.service.component", "org.apache.felix.scr");

    private static final String SERVICE_COMPONENT_RUNTIME = "org.osgi.service.component.runtime.ServiceComponentRuntime";
    private static final String[] NDISPORT_SERVICES = {NdisRuntime.class.getName(),
            AdapterEventSink.class.getName(), Bindings.class.getName(), IoPortSpace.class.getName(),
            "org.ndisport.ioport.ethernet.internal.Segments"};

    private Container container;

    @TearDown(Level.Iteration)
    public void stop() {
        if (container != null) {
            container.close();
            container = null;
        }
    }

    @Benchmark
    public Object ndisport() {
        List<String> all = new ArrayList<>(Container.RUNTIME);
        all.addAll(Container.NDISPORT);
        container = new Container(all);
        return ServiceWait.await(container.context(), NDISPORT_SERVICES);
    }

    @Benchmark
    public Object bare() {
        container = new Container(SCR_ONLY);
        return ServiceWait.await(container.context(), SERVICE_COMPONENT_RUNTIME);
    }

    /**
     * Not a target, a decomposition: the OSGi services ndisport needs besides SCR (ConfigAdmin,
     * EventAdmin) without ndisport, so {@code ndisport - services} is what ndisport's own three bundles
     * add.
     */
    @Benchmark
    public Object services() {
        container = new Container(Container.RUNTIME);
        return ServiceWait.await(container.context(), SERVICE_COMPONENT_RUNTIME, "org.osgi.service.cm.ConfigurationAdmin",
                "org.osgi.service.event.EventAdmin");
    }
}
