package org.ndisport.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.NdisVerifierException;
import org.ndisport.api.miniport.HaltAction;
import org.ndisport.api.miniport.MiniportAttributes;
import org.ndisport.api.miniport.MiniportDriver;
import org.ndisport.api.miniport.MiniportInitParameters;
import org.ndisport.api.miniport.NdisMiniportHandle;
import org.ndisport.api.pnp.NetPnPEventNotification;
import org.ndisport.api.port.PortCharacteristics;
import org.ndisport.api.runtime.AdapterControl;
import org.ndisport.api.runtime.AdapterPhase;
import org.ndisport.api.runtime.AdapterSpec;
import org.ndisport.api.runtime.EventTopics;
import org.ndisport.api.runtime.VerifierMode;
import org.ndisport.core.adapter.internal.RecordingSink;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

class NdisEngineTest {
    private final NdisEngine engine = new NdisEngine(TestConfigs.engine(VerifierMode.REPORT, 0xFFFFFF));

    @AfterEach
    void stop() {
        engine.deactivate();
    }

    /** A driver that allocates {@code ports} ports in initialize and is well behaved in halt. */
    static class SimpleDriver implements MiniportDriver {
        final List<HaltAction> halts = new CopyOnWriteArrayList<>();
        volatile NdisMiniportHandle handle;
        final int ports;

        SimpleDriver(int ports) {
            this.ports = ports;
        }

        @Override
        public NdisStatus initialize(NdisMiniportHandle h, MiniportInitParameters parameters) {
            handle = h;
            h.setMiniportAttributes(MiniportAttributes.registration());
            for (int i = 0; i < ports; i++) {
                h.allocatePort(PortCharacteristics.forAllocation());
            }
            return NdisStatus.SUCCESS;
        }

        @Override
        public void halt(NdisMiniportHandle h, HaltAction action) {
            halts.add(action);
            for (int i = 1; i <= ports; i++) {
                h.freePort(i);
            }
        }
    }

    @Test
    void createdAdapterIsListedUntilHalted() {
        SimpleDriver driver = new SimpleDriver(2);
        AdapterControl a = engine.createAdapter(AdapterSpec.virtual("eth0", driver, "b"));
        assertEquals(NdisStatus.SUCCESS, a.initialize());
        assertEquals(List.of("eth0"), engine.adapters().stream().map(v -> v.name()).toList());
        assertEquals(3, engine.adapter("eth0").orElseThrow().ports().size());
        assertEquals(AdapterPhase.P2_OPERATIONAL, a.view().phase());
        a.halt(HaltAction.DEVICE_DISABLED);
        assertTrue(engine.adapter("eth0").isEmpty());
        assertEquals(List.of(HaltAction.DEVICE_DISABLED), driver.halts);
        assertEquals(0, engine.verifier().total());
    }

    @Test
    void duplicateNameIsRefused() {
        engine.createAdapter(AdapterSpec.virtual("eth0", new SimpleDriver(0), "b"));
        assertThrows(IllegalArgumentException.class,
                () -> engine.createAdapter(AdapterSpec.virtual("eth0", new SimpleDriver(0), "b")));
    }

    @Test
    void failedInitializeRemovesTheAdapter() {
        MiniportDriver failing = new SimpleDriver(0) {
            @Override
            public NdisStatus initialize(NdisMiniportHandle h, MiniportInitParameters parameters) {
                return NdisStatus.FAILURE;
            }
        };
        AdapterControl a = engine.createAdapter(AdapterSpec.virtual("bad", failing, "b"));
        assertEquals(NdisStatus.FAILURE, a.initialize());
        assertTrue(engine.adapter("bad").isEmpty());
    }

    @Test
    void deactivatingTheEngineHaltsEveryAdapter() {
        SimpleDriver d1 = new SimpleDriver(1);
        SimpleDriver d2 = new SimpleDriver(1);
        engine.createAdapter(AdapterSpec.virtual("a", d1, "b")).initialize();
        engine.createAdapter(AdapterSpec.virtual("b", d2, "b")).initialize();
        engine.deactivate();
        assertEquals(List.of(HaltAction.DEVICE_STOPPED), d1.halts);
        assertEquals(List.of(HaltAction.DEVICE_STOPPED), d2.halts);
        assertTrue(engine.adapters().isEmpty());
    }

    @Test
    @DisplayName("D3 port limit set through configuration")
    void d3_portLimitFromConfiguration() {
        engine.configure(TestConfigs.engine(VerifierMode.REPORT, 2));
        SimpleDriver driver = new SimpleDriver(2);
        engine.createAdapter(AdapterSpec.virtual("a", driver, "b")).initialize();
        assertEquals(NdisStatus.RESOURCES, driver.handle.allocatePort(PortCharacteristics.forAllocation()).status());
    }

    @Test
    @DisplayName("D21 FAIL_FAST mode set through configuration")
    void d21_failFastFromConfiguration() {
        engine.configure(TestConfigs.engine(VerifierMode.FAIL_FAST, 0xFFFFFF));
        SimpleDriver driver = new SimpleDriver(0);
        AdapterControl a = engine.createAdapter(AdapterSpec.virtual("a", driver, "b"));
        a.initialize();
        a.halt(HaltAction.DEVICE_DISABLED);
        NdisVerifierException e = assertThrows(NdisVerifierException.class,
                () -> driver.handle.allocatePort(PortCharacteristics.forAllocation()));
        assertEquals("R2", e.ruleId());
        assertEquals(VerifierMode.FAIL_FAST, engine.verifier().mode());
    }

    @Test
    void eventsArePostedToEventAdmin() {
        List<Event> posted = new CopyOnWriteArrayList<>();
        EventAdmin admin = new EventAdmin() {
            @Override
            public void postEvent(Event event) {
                posted.add(event);
            }

            @Override
            public void sendEvent(Event event) {
                posted.add(event);
            }
        };
        engine.bindEventAdmin(admin);
        engine.bindEventHandler(handlerFor("org/ndisport/*"));
        SimpleDriver driver = new SimpleDriver(1);
        AdapterControl a = engine.createAdapter(AdapterSpec.virtual("a", driver, "drv.bundle"));
        a.initialize();
        driver.handle.freePort(7);
        driver.handle.netPnPEvent(NetPnPEventNotification.portActivation(1));
        a.halt(HaltAction.DEVICE_DISABLED);
        // N64 events are posted from the engine's own thread, in order: the last phase comes last
        org.ndisport.core.testing.FelixHarness.awaitTrue(() -> posted.stream()
                .anyMatch(e -> "P4_HALTED".equals(e.getProperty(EventTopics.PHASE))), "P4_HALTED posted");

        List<String> phases = posted.stream().filter(e -> e.getTopic().equals(EventTopics.ADAPTER_PHASE))
                .map(e -> (String) e.getProperty(EventTopics.PHASE)).toList();
        assertEquals(List.of("P0_INIT_PRE_REG", "P1_INIT_POST_REG", "P2_OPERATIONAL", "P3_HALTING", "P4_HALTED"),
                phases);
        List<String> port1 = posted.stream().filter(e -> e.getTopic().equals(EventTopics.PORT_STATE))
                .filter(e -> Long.valueOf(1).equals(e.getProperty(EventTopics.PORT)))
                .map(e -> (String) e.getProperty(EventTopics.STATE)).toList();
        assertEquals(List.of("ALLOCATED", "ACTIVATING", "ACTIVATED", "NONEXISTENT"), port1);
        Event violation = posted.stream().filter(e -> e.getTopic().equals(EventTopics.VIOLATION)).findFirst()
                .orElseThrow();
        assertEquals("R40", violation.getProperty(EventTopics.RULE));
        assertEquals(1L, violation.getProperty(EventTopics.PORT));
        assertEquals("drv.bundle", violation.getProperty(EventTopics.BUNDLE));

        engine.unbindEventAdmin(admin);
        int before = posted.size();
        engine.createAdapter(AdapterSpec.virtual("b", new SimpleDriver(0), "b")).initialize();
        assertEquals(before, posted.size());
    }

    @Test
    @DisplayName("D16 a binding layer arriving later is told of every ready adapter; leaving closes its bindings")
    void d16_sinkArrivingLater() throws InterruptedException {
        SimpleDriver driver = new SimpleDriver(0);
        AdapterControl a = engine.createAdapter(AdapterSpec.virtual("a", driver, "b"));
        a.initialize();
        CountDownLatch ready = new CountDownLatch(1);
        List<String> calls = new CopyOnWriteArrayList<>();
        RecordingSink sink = new RecordingSink();
        sink.onReady = adapter -> {
            calls.add("ready " + adapter.name());
            ready.countDown();
        };
        sink.onUnavailable = (adapter, reason) -> calls.add("unavailable " + adapter.name() + " " + reason);
        engine.bindSink(sink);
        assertTrue(ready.await(5, TimeUnit.SECONDS));
        engine.unbindSink(sink);
        a.halt(HaltAction.DEVICE_DISABLED);
        assertEquals(List.of("ready a", "unavailable a BINDING_LAYER_STOPPING"), calls);
        assertFalse(engine.adapter("a").isPresent());
    }

    @Test
    @DisplayName("D16 a replacing binding layer: the old one closes its bindings first, the new one binds")
    void d16_bindingLayerReplaced() throws InterruptedException {
        engine.createAdapter(AdapterSpec.virtual("a", new SimpleDriver(0), "b")).initialize();
        List<String> calls = new CopyOnWriteArrayList<>();
        CountDownLatch firstReady = new CountDownLatch(1);
        CountDownLatch secondReady = new CountDownLatch(1);
        RecordingSink first = new RecordingSink();
        first.onReady = adapter -> {
            calls.add("first ready " + adapter.name());
            firstReady.countDown();
        };
        first.onUnavailable = (adapter, reason) -> calls.add("first unavailable " + adapter.name() + " " + reason);
        RecordingSink second = new RecordingSink();
        second.onReady = adapter -> {
            calls.add("second ready " + adapter.name());
            secondReady.countDown();
        };
        engine.bindSink(first);
        assertTrue(firstReady.await(5, TimeUnit.SECONDS));
        engine.bindSink(second);
        engine.unbindSink(first);
        assertTrue(secondReady.await(5, TimeUnit.SECONDS));
        assertEquals(List.of("first ready a", "first unavailable a BINDING_LAYER_STOPPING", "second ready a"), calls);
    }

    /** A handler's service reference listening to {@code topics}; the engine never gets the service. */
    @SuppressWarnings("unchecked")
    private static org.osgi.framework.ServiceReference<org.osgi.service.event.EventHandler> handlerFor(String topics) {
        return (org.osgi.framework.ServiceReference<org.osgi.service.event.EventHandler>) java.lang.reflect.Proxy
                .newProxyInstance(NdisEngineTest.class.getClassLoader(),
                        new Class<?>[] {org.osgi.framework.ServiceReference.class},
                        (p, m, a) -> switch (m.getName()) {
                            case "getProperty" -> "event.topics".equals(a[0]) ? topics : null;
                            case "hashCode" -> System.identityHashCode(p);
                            case "equals" -> p == a[0];
                            default -> null;
                        });
    }
}
