package org.ndisport.binding.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ndisport.core.testing.FelixHarness.awaitTrue;

import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.data.NetBufferList;
import org.ndisport.api.miniport.MiniportDriver;
import org.ndisport.api.miniport.MiniportDriverProperties;
import org.ndisport.api.pnp.NetPnPEventNotification;
import org.ndisport.api.port.PortCharacteristics;
import org.ndisport.api.protocol.ProtocolDriver;
import org.ndisport.api.protocol.ProtocolDriverProperties;
import org.ndisport.api.runtime.EventTopics;
import org.ndisport.api.runtime.NdisRuntime;
import org.ndisport.core.adapter.internal.ScriptedMiniport;
import org.ndisport.core.testing.FelixHarness;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventConstants;

/**
 * The EventAdmin topics of the README's "Events" table, posted by core-impl and protocol-binding in a
 * real Felix to the real Felix EventAdmin and heard by a handler registered for {@code org/ndisport/*}.
 */
class EventTopicsInFelixIT {
    static final String SYSTEM_BUNDLE = "org.apache.felix.framework";
    /** The documented properties of each topic and their types ({@code event.topics} is EventAdmin's own). */
    static final Map<String, Map<String, Class<?>>> SHAPES = Map.of(
            EventTopics.ADAPTER_PHASE, Map.of(EventTopics.ADAPTER, String.class, EventTopics.PHASE, String.class),
            EventTopics.PORT_STATE, Map.of(EventTopics.ADAPTER, String.class, EventTopics.PORT, Long.class,
                    EventTopics.STATE, String.class),
            EventTopics.VIOLATION, verifierShape(),
            EventTopics.WARNING, verifierShape(),
            EventTopics.BINDING_BOUND, Map.of(EventTopics.ADAPTER, String.class, EventTopics.PROTOCOL, String.class,
                    EventTopics.BUNDLE, String.class),
            EventTopics.BINDING_UNBOUND, Map.of(EventTopics.ADAPTER, String.class, EventTopics.PROTOCOL, String.class,
                    EventTopics.BUNDLE, String.class, EventTopics.REASON, String.class));

    FelixHarness felix;
    TopicRecorder recorder;
    NdisRuntime runtime;
    Object configuration;
    final List<String> log = new CopyOnWriteArrayList<>();
    final Map<String, RecordingProtocol> protocols = new java.util.concurrent.ConcurrentHashMap<>();
    /** The virtual adapters' driver (sends complete NOT_SUPPORTED, as by default); the test acts through
     * its handle. */
    private final ScriptedMiniport driver = scriptedDriver();

    private static Map<String, Class<?>> verifierShape() {
        return Map.of(EventTopics.ADAPTER, String.class, EventTopics.PORT, Long.class, EventTopics.RULE, String.class,
                EventTopics.SEVERITY, String.class, EventTopics.BUNDLE, String.class, EventTopics.MESSAGE, String.class,
                EventTopics.SEQUENCE, Long.class);
    }

    private static ScriptedMiniport scriptedDriver() {
        ScriptedMiniport m = new ScriptedMiniport();
        m.sendCompletion = NdisStatus.NOT_SUPPORTED;
        return m;
    }

    @BeforeEach
    void start() throws Exception {
        List<String> keys = new ArrayList<>(FelixHarness.RUNTIME);
        keys.add("core");
        keys.add("binding");
        // the tests hold a handler on purpose; EventAdmin's deny list (5 s by default) must not cut it off
        felix = new FelixHarness(keys, Map.of("org.apache.felix.eventadmin.Timeout", "0"));
        runtime = felix.waitFor(NdisRuntime.class);
        recorder = new TopicRecorder(felix.context());
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(MiniportDriverProperties.DRIVER_NAME, "ev-driver");
        felix.context().registerService(MiniportDriver.class, driver, props);
        configuration = felix.createAdapterConfiguration("vnic0", "ev-driver", Map.of());
        awaitTrue(() -> driver.handle != null && runtime.adapter("vnic0").isPresent(), "vnic0 initialized");
    }

    @AfterEach
    void stop() throws Exception {
        recorder.release();
        felix.close();
    }

    @Test
    @DisplayName("N65 a handler for org/ndisport/* sees an adapter's phases, a port's states, binds, unbinds and a violation, in order, with the documented properties")
    void n65_everyTopicInOrderWithItsDocumentedProperties() throws Exception {
        awaitTrue(() -> recorder.of(EventTopics.ADAPTER_PHASE, EventTopics.ADAPTER, "vnic0").size() == 3, "vnic0 running");
        ServiceRegistration<ProtocolDriver> p1 = registerProtocol("p1");
        registerProtocol("p2");
        awaitTrue(() -> bindingEvents("p1").size() == 1 && bindingEvents("p2").size() == 1, "p1 and p2 bound");

        int n = allocate();
        activate(n);
        deactivate(n);
        free(n);
        awaitTrue(() -> portEvents(n).size() == 6, "port " + n + " allocated, activated, deactivated, freed");

        protocols.get("p2").handle("vnic0").sendNetBufferLists(NetBufferList.copyOf(new byte[] {1}), n, 0);
        var record = runtime.verifier().violations().get(0);
        assertEquals("R46", record.ruleId(), "a send on a freed port");
        awaitTrue(() -> !recorder.matching(e -> e.getTopic().startsWith("org/ndisport/verifier/")).isEmpty(), "a verifier event");

        p1.unregister();
        awaitTrue(() -> bindingEvents("p1").size() == 2, "p1 unbound");
        configuration.getClass().getMethod("delete").invoke(configuration);
        awaitTrue(() -> recorder.of(EventTopics.ADAPTER_PHASE, EventTopics.ADAPTER, "vnic0").size() == 5, "vnic0 halted");

        assertEquals(List.of("P0_INIT_PRE_REG", "P1_INIT_POST_REG", "P2_OPERATIONAL", "P3_HALTING", "P4_HALTED"),
                values(recorder.of(EventTopics.ADAPTER_PHASE, EventTopics.ADAPTER, "vnic0"), EventTopics.PHASE));
        assertEquals(List.of("ALLOCATED", "ACTIVATING", "ACTIVATED", "DEACTIVATING", "ALLOCATED", "NONEXISTENT"),
                values(portEvents(n), EventTopics.STATE));
        List<Event> p1Events = bindingEvents("p1");
        assertEquals(List.of(EventTopics.BINDING_BOUND, EventTopics.BINDING_UNBOUND), topics(p1Events));
        assertEquals(List.of("vnic0", "vnic0"), values(p1Events, EventTopics.ADAPTER));
        assertEquals(List.of(SYSTEM_BUNDLE, SYSTEM_BUNDLE), values(p1Events, EventTopics.BUNDLE));
        assertEquals(EventTopics.REASON_PROTOCOL_REMOVED, p1Events.get(1).getProperty(EventTopics.REASON));
        awaitTrue(() -> bindingEvents("p2").size() == 2, "p2 unbound by the halt");
        assertEquals("HALT_SCHEDULED", bindingEvents("p2").get(1).getProperty(EventTopics.REASON));

        Event violation = recorder.matching(e -> e.getTopic().startsWith("org/ndisport/verifier/")).get(0);
        assertEquals(EventTopics.VIOLATION, violation.getTopic());
        assertEquals(List.of("R46", "VIOLATION", "vnic0", Integer.toUnsignedLong(n), SYSTEM_BUNDLE,
                record.message(), record.sequence()), List.of(violation.getProperty(EventTopics.RULE),
                violation.getProperty(EventTopics.SEVERITY), violation.getProperty(EventTopics.ADAPTER),
                violation.getProperty(EventTopics.PORT), violation.getProperty(EventTopics.BUNDLE),
                violation.getProperty(EventTopics.MESSAGE), violation.getProperty(EventTopics.SEQUENCE)));

        recorder.events().forEach(EventTopicsInFelixIT::assertDocumentedShape);
    }

    @Test
    @DisplayName("N64 a handler blocked in EventAdmin delays nothing: port events, binds and unbinds return while it waits; its events arrive once it is let go")
    void n64_blockedHandlerBlocksNoPortEvent() throws Exception {
        awaitTrue(() -> recorder.of(EventTopics.ADAPTER_PHASE, EventTopics.ADAPTER, "vnic0").size() == 3, "vnic0 running");
        int before = recorder.events().size();
        CountDownLatch entered = recorder.block();
        CountDownLatch done = new CountDownLatch(1);
        List<Integer> ports = new CopyOnWriteArrayList<>();
        int[] firstPort = new int[1];
        int[] holderPort = new int[1];
        // every call runs on this thread: were one to wait for the handler, the test fails instead of hanging
        Thread worker = new Thread(() -> {
            holderPort[0] = allocate();
            int first = allocate();
            firstPort[0] = first;
            activate(first);
            for (int i = 0; i < 3; i++) {
                int n = allocate();
                ports.add(n);
                activate(n);
                deactivate(n);
                free(n);
            }
            registerProtocol("p1").unregister();
            deactivate(first);
            done.countDown();
        }, "port-path");
        worker.start();
        assertTrue(entered.await(FelixHarness.WAIT_SECONDS, TimeUnit.SECONDS), "the handler holds an event");
        assertTrue(done.await(FelixHarness.WAIT_SECONDS, TimeUnit.SECONDS), "every port event call returned while the handler waits");
        int first = firstPort[0];
        int holder = holderPort[0];
        assertTrue(log.containsAll(List.of("p1 bind vnic0 [0, " + first + "]", "p1 unbind vnic0")), log.toString());
        assertEquals(before, recorder.events().size(), "nothing got through the held handler yet");

        recorder.release();
        awaitTrue(() -> portEvents(first).size() == 5 && bindingEvents("p1").size() == 2, "the held events delivered");
        assertEquals(List.of("ALLOCATED"), values(portEvents(holder), EventTopics.STATE));
        assertEquals(List.of("ALLOCATED", "ACTIVATING", "ACTIVATED", "DEACTIVATING", "ALLOCATED"),
                values(portEvents(first), EventTopics.STATE));
        List<Object> life = List.of("ALLOCATED", "ACTIVATING", "ACTIVATED", "DEACTIVATING", "ALLOCATED", "NONEXISTENT");
        for (int n : ports) {
            // a freed number is given out again: one whole life per allocation, in order
            List<Object> lives = new ArrayList<>();
            ports.stream().filter(p -> p == n).forEach(p -> lives.addAll(life));
            awaitTrue(() -> portEvents(n).size() == lives.size(), "port " + n + " events");
            assertEquals(lives, values(portEvents(n), EventTopics.STATE));
        }
        assertEquals(List.of(EventTopics.BINDING_BOUND, EventTopics.BINDING_UNBOUND), topics(bindingEvents("p1")));
    }

    @Test
    @DisplayName("N64 with EventAdmin stopped, or one that throws from postEvent, ports, binds and unbinds work as before")
    void n64_absentOrThrowingEventAdmin() throws Exception {
        felix.bundle("eventadmin").stop();
        runCycle("p1");
        AtomicInteger calls = new AtomicInteger();
        felix.context().registerService(EventAdmin.class, new EventAdmin() {
            @Override
            public void postEvent(Event event) {
                calls.incrementAndGet();
                throw new IllegalStateException("broken EventAdmin");
            }

            @Override
            public void sendEvent(Event event) {
                throw new AssertionError("sendEvent is never used");
            }
        }, null);
        int before = calls.get();
        runCycle("p2");
        // a bind, six port states and an unbind went to the throwing EventAdmin, off the port path
        awaitTrue(() -> calls.get() >= before + 8, "8 events handed to the throwing EventAdmin, got " + calls);
        assertEquals(List.of(), runtime.verifier().violations());
    }

    /** A protocol binds, a port goes through its whole life, the protocol unbinds: all succeed. */
    private void runCycle(String protocol) {
        ServiceRegistration<ProtocolDriver> p = registerProtocol(protocol);
        int n = allocate();
        activate(n);
        deactivate(n);
        free(n);
        p.unregister();
        assertTrue(log.containsAll(List.of(protocol + " bind vnic0 [0]", protocol + " activate vnic0 [" + n + "]",
                protocol + " deactivate vnic0 [" + n + "]", protocol + " unbind vnic0")), log.toString());
    }

    @Test
    @DisplayName("N64 sends, completions and receives post nothing: no event between the data traffic and the next port change")
    void n64_dataPathPostsNothingPerFrame() {
        awaitTrue(() -> recorder.of(EventTopics.ADAPTER_PHASE, EventTopics.ADAPTER, "vnic0").size() == 3, "vnic0 running");
        RecordingProtocol p = new RecordingProtocol("p1", log);
        p.quiet = true;
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(ProtocolDriverProperties.PROTOCOL_NAME, "p1");
        felix.context().registerService(ProtocolDriver.class, p, props);
        int n = allocate();
        activate(n);
        awaitTrue(() -> portEvents(n).size() == 3 && bindingEvents("p1").size() == 1, "port " + n + " active, p1 bound");
        int before = recorder.events().size();

        for (int i = 0; i < 1000; i++) {
            p.handle("vnic0").sendNetBufferLists(NetBufferList.copyOf(new byte[] {1, 2, 3}), n, 0);
            driver.handle.indicateReceiveNetBufferLists(NetBufferList.copyOf(new byte[] {4, 5, 6}), n, 1, 0);
        }
        assertEquals(1000, p.sendCompletions.size());
        assertEquals(1000, p.received.get());
        int marker = allocate();

        // EventAdmin delivers one thread's posts in order: the marker's event comes after anything the traffic posted
        awaitTrue(() -> portEvents(marker).size() == 1, "the marker port's event");
        List<Event> since = recorder.events().subList(before, recorder.events().size());
        assertEquals(List.of(EventTopics.PORT_STATE), topics(since), since.toString());
    }

    ServiceRegistration<ProtocolDriver> registerProtocol(String name) {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(ProtocolDriverProperties.PROTOCOL_NAME, name);
        RecordingProtocol protocol = new RecordingProtocol(name, log);
        protocols.put(name, protocol);
        return felix.context().registerService(ProtocolDriver.class, protocol, props);
    }

    int allocate() {
        return driver.handle.allocatePort(PortCharacteristics.forAllocation()).portNumber();
    }

    void activate(int n) {
        assertEquals(NdisStatus.SUCCESS, driver.handle.netPnPEvent(NetPnPEventNotification.portActivation(n)));
    }

    void deactivate(int n) {
        assertEquals(NdisStatus.SUCCESS, driver.handle.netPnPEvent(NetPnPEventNotification.portDeactivation(n)));
    }

    void free(int n) {
        assertEquals(NdisStatus.SUCCESS, driver.handle.freePort(n));
    }

    List<Event> portEvents(int n) {
        return recorder.matching(e -> e.getTopic().equals(EventTopics.PORT_STATE)
                && "vnic0".equals(e.getProperty(EventTopics.ADAPTER))
                && Long.valueOf(Integer.toUnsignedLong(n)).equals(e.getProperty(EventTopics.PORT)));
    }

    List<Event> bindingEvents(String protocol) {
        return recorder.matching(e -> e.getTopic().startsWith("org/ndisport/binding/")
                && protocol.equals(e.getProperty(EventTopics.PROTOCOL)));
    }

    static List<Object> values(List<Event> events, String key) {
        return events.stream().map(e -> e.getProperty(key)).toList();
    }

    static List<String> topics(List<Event> events) {
        return events.stream().map(Event::getTopic).toList();
    }

    /** Exactly the documented properties of the event's topic, each of its documented type. */
    static void assertDocumentedShape(Event e) {
        Map<String, Class<?>> shape = SHAPES.get(e.getTopic());
        assertTrue(shape != null, "undocumented topic " + e.getTopic());
        Map<String, String> actual = new HashMap<>();
        for (String key : e.getPropertyNames()) {
            if (!key.equals(EventConstants.EVENT_TOPIC)) {
                actual.put(key, e.getProperty(key).getClass().getSimpleName());
            }
        }
        Map<String, String> expected = new HashMap<>();
        shape.forEach((k, v) -> expected.put(k, v.getSimpleName()));
        assertEquals(expected, actual, "properties of " + e.getTopic());
    }
}
