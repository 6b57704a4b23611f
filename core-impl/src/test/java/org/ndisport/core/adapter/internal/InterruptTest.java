package org.ndisport.core.adapter.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ndisport.api.Irql;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.io.HardwareDevice;
import org.ndisport.api.io.InterruptSink;
import org.ndisport.api.io.IoPortRange;
import org.ndisport.api.miniport.HaltAction;
import org.ndisport.api.miniport.InterruptRecognition;
import org.ndisport.api.miniport.MiniportAttributes;
import org.ndisport.api.miniport.MiniportInterrupt;
import org.ndisport.api.miniport.NdisMiniportHandle;
import org.ndisport.api.port.AuthStates;
import org.ndisport.api.runtime.AdapterSpec;
import org.ndisport.core.testing.FelixHarness;

/** NdisMRegisterInterruptEx and its handlers: the D31 levels, serialization and cleanup at halt (N23). */
class InterruptTest {
    private static final long WAIT = 10;
    private final EngineFixture fx = new EngineFixture();
    private final ScriptedMiniport m = new ScriptedMiniport();
    private final Line line = new Line();
    private final Handlers handlers = new Handlers();

    /** A device whose interrupt line the test pulls. */
    static final class Line implements HardwareDevice {
        volatile InterruptSink sink;
        final AtomicInteger connects = new AtomicInteger();

        @Override
        public String hardwareId() {
            return "test-irq";
        }

        @Override
        public String name() {
            return "dev";
        }

        @Override
        public List<IoPortRange> ioPorts() {
            return List.of();
        }

        @Override
        public int interruptLine() {
            return 5;
        }

        @Override
        public void connectInterrupt(InterruptSink value) {
            connects.incrementAndGet();
            sink = value;
        }
    }

    /** Records the level each handler ran at; the ISR asks for the DPC unless told otherwise. */
    static final class Handlers implements MiniportInterrupt {
        final BlockingQueue<String> log = new LinkedBlockingQueue<>();
        volatile InterruptRecognition answer = InterruptRecognition.RECOGNIZED_QUEUE_DPC;
        volatile RuntimeException isrThrows;
        volatile CountDownLatch dpcGate;

        @Override
        public InterruptRecognition isr(NdisMiniportHandle h) {
            log.add("isr " + h.currentIrql());
            if (isrThrows != null) {
                throw isrThrows;
            }
            return answer;
        }

        @Override
        public void dpc(NdisMiniportHandle h) {
            log.add("dpc " + h.currentIrql() + " " + Thread.currentThread().getName());
            CountDownLatch gate = dpcGate;
            if (gate != null) {
                try {
                    gate.await(WAIT, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private AdapterRuntime adapter(HardwareDevice device) {
        return new AdapterRuntime(new AdapterSpec("A", m, "ScriptedMiniport", EngineFixture.BUNDLE,
                AuthStates.UNCONTROLLED_UNKNOWN, List.of(), device.interruptLine(), false, device), fx.context);
    }

    private NdisStatus[] registeringInInitialize() {
        NdisStatus[] result = new NdisStatus[1];
        m.onInitialize = h -> {
            h.setMiniportAttributes(MiniportAttributes.registration());
            result[0] = h.registerInterrupt(handlers);
            return NdisStatus.SUCCESS;
        };
        m.onHalt = NdisMiniportHandle::deregisterInterrupt;
        return result;
    }

    @Test
    @DisplayName("D31 an interrupt runs the ISR at DIRQL, then the DPC at DISPATCH on the adapter's interrupt thread")
    void d31_isrAtDirql_dpcAtDispatch() throws Exception {
        NdisStatus[] registered = registeringInInitialize();
        AdapterRuntime a = adapter(line);
        a.initialize();
        assertEquals(NdisStatus.SUCCESS, registered[0]);
        assertNotNull(line.sink);
        line.sink.interrupt();
        assertEquals("isr DIRQL", handlers.log.poll(WAIT, TimeUnit.SECONDS));
        String dpc = handlers.log.poll(WAIT, TimeUnit.SECONDS);
        assertTrue(dpc.startsWith("dpc DISPATCH_LEVEL ndisport-irq5-A"), dpc);
        handlers.answer = InterruptRecognition.RECOGNIZED;
        line.sink.interrupt();
        assertEquals("isr DIRQL", handlers.log.poll(WAIT, TimeUnit.SECONDS));
        a.halt(HaltAction.DEVICE_DISABLED);
        assertNull(line.sink);
        assertEquals(List.of(), fx.ruleIds());
        assertTrue(handlers.log.isEmpty(), handlers.log.toString());
    }

    @Test
    @DisplayName("D31 edges arriving while the DPC runs are serviced afterwards, never concurrently and never lost")
    void d31_edgesDuringDpc_servicedAfterwards() throws Exception {
        registeringInInitialize();
        AdapterRuntime a = adapter(line);
        a.initialize();
        handlers.dpcGate = new CountDownLatch(1);
        line.sink.interrupt();
        assertEquals("isr DIRQL", handlers.log.poll(WAIT, TimeUnit.SECONDS));
        assertNotNull(handlers.log.poll(WAIT, TimeUnit.SECONDS));
        line.sink.interrupt();
        line.sink.interrupt();
        assertNull(handlers.log.poll(50, TimeUnit.MILLISECONDS));
        handlers.dpcGate.countDown();
        assertEquals("isr DIRQL", handlers.log.poll(WAIT, TimeUnit.SECONDS));
        a.halt(HaltAction.DEVICE_DISABLED);
    }

    @Test
    @DisplayName("D31 synchronizeWithInterrupt runs its function at DIRQL, with or without a registered interrupt")
    void d31_synchronizeAtDirql() {
        registeringInInitialize();
        AdapterRuntime a = adapter(line);
        a.initialize();
        Irql[] seen = new Irql[1];
        assertTrue(m.handle.synchronizeWithInterrupt(() -> {
            seen[0] = m.handle.currentIrql();
            return true;
        }));
        assertEquals(Irql.DIRQL, seen[0]);
        assertEquals(Irql.PASSIVE_LEVEL, m.handle.currentIrql());
        a.halt(HaltAction.DEVICE_DISABLED);
        assertTrue(m.handle.synchronizeWithInterrupt(() -> m.handle.currentIrql() == Irql.DIRQL));
    }

    @Test
    @DisplayName("D31 deregistering ends the interrupt thread; a DPC may deregister itself and still synchronize")
    void d31_deregisterFromDpc() throws Exception {
        registeringInInitialize();
        AdapterRuntime a = adapter(line);
        a.initialize();
        boolean[] synchronizedAfter = new boolean[1];
        Thread[] irqThread = new Thread[1];
        CountDownLatch done = new CountDownLatch(1);
        handlers.dpcGate = null;
        MiniportInterrupt selfRemoving = new MiniportInterrupt() {
            @Override
            public InterruptRecognition isr(NdisMiniportHandle h) {
                return InterruptRecognition.RECOGNIZED_QUEUE_DPC;
            }

            @Override
            public void dpc(NdisMiniportHandle h) {
                irqThread[0] = Thread.currentThread();
                h.deregisterInterrupt();
                synchronizedAfter[0] = h.synchronizeWithInterrupt(() -> true);
                done.countDown();
            }
        };
        m.handle.deregisterInterrupt();
        assertEquals(2, line.connects.get());
        assertNull(line.sink);
        a.halt(HaltAction.DEVICE_DISABLED);

        ScriptedMiniport m2 = new ScriptedMiniport();
        m2.onInitialize = h -> {
            h.setMiniportAttributes(MiniportAttributes.registration());
            return h.registerInterrupt(selfRemoving);
        };
        AdapterRuntime b = new AdapterRuntime(new AdapterSpec("B", m2, "ScriptedMiniport", EngineFixture.BUNDLE,
                AuthStates.UNCONTROLLED_UNKNOWN, List.of(), 5, false, line), fx.context);
        assertEquals(NdisStatus.SUCCESS, b.initialize());
        line.sink.interrupt();
        assertTrue(done.await(WAIT, TimeUnit.SECONDS));
        assertTrue(synchronizedAfter[0]);
        irqThread[0].join(TimeUnit.SECONDS.toMillis(WAIT));
        assertFalse(irqThread[0].isAlive());
        b.halt(HaltAction.DEVICE_DISABLED);
        assertEquals(List.of(), fx.ruleIds());
    }

    @Test
    @DisplayName("registering outside initialize, twice, or without an interrupt line returns FAILURE")
    void register_refused() {
        NdisStatus[] twice = new NdisStatus[2];
        m.onInitialize = h -> {
            h.setMiniportAttributes(MiniportAttributes.registration());
            twice[0] = h.registerInterrupt(handlers);
            twice[1] = h.registerInterrupt(handlers);
            return NdisStatus.SUCCESS;
        };
        AdapterRuntime a = adapter(line);
        a.initialize();
        assertEquals(NdisStatus.SUCCESS, twice[0]);
        assertEquals(NdisStatus.FAILURE, twice[1]);
        m.handle.deregisterInterrupt();
        assertEquals(NdisStatus.FAILURE, m.handle.registerInterrupt(handlers));
        a.halt(HaltAction.DEVICE_DISABLED);

        ScriptedMiniport v = new ScriptedMiniport();
        NdisStatus[] virtual = new NdisStatus[1];
        v.onInitialize = h -> {
            h.setMiniportAttributes(MiniportAttributes.registration());
            virtual[0] = h.registerInterrupt(handlers);
            return NdisStatus.SUCCESS;
        };
        fx.initialized("V", v).halt(HaltAction.DEVICE_DISABLED);
        assertEquals(NdisStatus.FAILURE, virtual[0]);
    }

    @Test
    @DisplayName("N23 an interrupt left registered when halt returns: warning N23, and the line is disconnected")
    void n23_interruptLeftAtHalt() {
        registeringInInitialize();
        m.onHalt = h -> { };
        AdapterRuntime a = adapter(line);
        a.initialize();
        a.halt(HaltAction.DEVICE_DISABLED);
        assertEquals(List.of("N23"), fx.ruleIds());
        assertNull(line.sink);
        assertEquals(2, line.connects.get());
    }

    @Test
    @DisplayName("N1 an ISR that throws is recorded and the interrupt thread keeps serving")
    void n1_throwingIsr_recorded() throws Exception {
        registeringInInitialize();
        AdapterRuntime a = adapter(line);
        a.initialize();
        handlers.isrThrows = new IllegalStateException("bad isr");
        line.sink.interrupt();
        assertEquals("isr DIRQL", handlers.log.poll(WAIT, TimeUnit.SECONDS));
        FelixHarness.awaitTrue(() -> fx.ruleIds().contains("N1"), "N1 recorded");
        handlers.isrThrows = null;
        line.sink.interrupt();
        assertEquals("isr DIRQL", handlers.log.poll(WAIT, TimeUnit.SECONDS));
        a.halt(HaltAction.DEVICE_DISABLED);
        assertEquals(List.of("N1"), fx.ruleIds());
    }
}
