package org.ndisport.core.adapter.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ndisport.core.adapter.internal.PortEventTestSupport.activate;
import static org.ndisport.core.adapter.internal.PortEventTestSupport.allocate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.ndisport.api.Irql;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.data.NetBufferList;
import org.ndisport.api.data.OidRequest;
import org.ndisport.api.data.StatusCodes;
import org.ndisport.api.data.StatusIndication;
import org.ndisport.api.miniport.HaltAction;
import org.ndisport.api.miniport.NdisMiniportHandle;
import org.ndisport.api.pnp.NetPnPEventNotification;
import org.ndisport.api.runtime.AdapterPhase;
import org.ndisport.api.runtime.PortState;
import org.ndisport.api.runtime.Severity;
import org.ndisport.api.runtime.VerifierMode;
import org.ndisport.api.runtime.Violation;

/**
 * Port events, binds, halts and indications racing on one adapter. Each test pins the threads at the
 * point that matters with latches and thread states, then checks the invariant the spec promises,
 * whichever thread wins the remaining race.
 */
class ConcurrentTransitionsTest {
    private static final Duration LIMIT = Duration.ofSeconds(20);

    private static void awaitState(Thread t, Thread.State... states) {
        while (!List.of(states).contains(t.getState())) {
            assertTrue(t.isAlive(), t.getName() + " ended early");
            Thread.onSpinWait();
        }
    }

    private static boolean protocolKnowsPort(RecordingSink sink, String adapter, int port) {
        for (String c : sink.calls) {
            boolean lists = c.matches(".*[\\[,]" + port + "[\\],].*");
            if (lists && (c.startsWith("ready " + adapter) || c.startsWith("activate " + adapter))) {
                return true;
            }
        }
        return false;
    }

    @RepeatedTest(50)
    @DisplayName("R76 D17 a bind racing an activation learns the port from ActivePorts or from the event")
    void r76_bindRacingActivation_portNeverLost() throws Exception {
        EngineFixture fx = new EngineFixture();
        ScriptedMiniport m = new ScriptedMiniport();
        AdapterRuntime a = fx.initialized("A", m);
        int n = allocate(m.handle);
        RecordingSink sink = new RecordingSink();
        List<Thread> binders = new CopyOnWriteArrayList<>();
        fx.context.events(new RuntimeEvents() {
            @Override
            public void phaseChanged(String adapter, AdapterPhase phase) {
            }

            @Override
            public void portStateChanged(String adapter, int port, PortState state) {
                if (port == n && state == PortState.ACTIVATING) {
                    Thread binder = new Thread(() -> {
                        fx.context.sink(sink);
                        a.sinkAdded();
                    }, "binder");
                    binders.add(binder);
                    binder.start();
                }
            }
        });
        assertEquals(NdisStatus.SUCCESS, m.handle.netPnPEvent(NetPnPEventNotification.portActivation(n)));
        binders.get(0).join();
        assertTrue(protocolKnowsPort(sink, "A", n), sink.calls.toString());
        assertEquals(PortState.ACTIVATED, a.view().port(n).state());
    }

    @Test
    @DisplayName("D13 D34 an activation in flight while halt reclaims never revives a reclaimed port")
    void d13_activationInFlightDuringHalt_noRevival() throws Exception {
        EngineFixture fx = new EngineFixture();
        List<String> events = new CopyOnWriteArrayList<>();
        fx.context.events(new RuntimeEvents() {
            @Override
            public void phaseChanged(String adapter, AdapterPhase phase) {
                events.add(phase.name());
            }

            @Override
            public void portStateChanged(String adapter, int port, PortState state) {
                events.add(port + ":" + state);
            }
        });
        ScriptedMiniport m = new ScriptedMiniport();
        CountDownLatch inHalt = new CountDownLatch(1);
        CountDownLatch leaveHalt = new CountDownLatch(1);
        m.onHalt = h -> {
            inHalt.countDown();
            await(leaveHalt);
        };
        AdapterRuntime a = fx.initialized("A", m);
        int n = allocate(m.handle);
        Thread halt = new Thread(() -> a.halt(HaltAction.DEVICE_DISABLED), "halt");
        halt.start();
        inHalt.await();
        AtomicReference<NdisStatus> result = new AtomicReference<>();
        Adapter adapter = a.adapter();
        adapter.deliveryLock().lock();
        Thread activation = new Thread(
                () -> result.set(m.handle.netPnPEvent(NetPnPEventNotification.portActivation(n))), "activation");
        try {
            activation.start();
            awaitState(activation, Thread.State.WAITING);
            leaveHalt.countDown();
            awaitState(halt, Thread.State.WAITING);
        } finally {
            adapter.deliveryLock().unlock();
        }
        activation.join();
        halt.join();

        assertTrue(a.view().ports().isEmpty(), a.view().ports().toString());
        int reclaimed = events.lastIndexOf(n + ":NONEXISTENT");
        assertTrue(reclaimed >= 0, events.toString());
        for (String e : events.subList(reclaimed + 1, events.size())) {
            assertFalse(e.startsWith(n + ":"), "port " + n + " changed after it was reclaimed: " + events);
        }
        assertTrue(result.get() == NdisStatus.SUCCESS || result.get() == NdisStatus.CLOSING, result.toString());
        assertEquals(1, fx.verifier.violations().stream().filter(v -> v.ruleId().equals("R40")).count());
    }

    @Test
    @DisplayName("D33 R31 a deactivation from the indicating thread itself records R31 and does not wait for itself")
    void d33_deactivationFromOwnIndication_noHang() {
        EngineFixture fx = new EngineFixture();
        RecordingSink sink = new RecordingSink();
        fx.context.sink(sink);
        ScriptedMiniport m = new ScriptedMiniport();
        AdapterRuntime a = fx.initialized("A", m);
        int n = allocate(m.handle);
        activate(m.handle, n);
        List<NdisStatus> results = new ArrayList<>();
        sink.onReceive = port -> results.add(m.handle.netPnPEvent(NetPnPEventNotification.portDeactivation(port)));
        NetBufferList frame = new NetBufferList(64);
        assertTimeoutPreemptively(LIMIT, () -> m.handle.indicateReceiveNetBufferLists(frame, n, 1, 0));
        assertEquals(List.of(NdisStatus.SUCCESS), results);
        assertEquals(PortState.ALLOCATED, a.view().port(n).state());
        assertEquals(List.of("R56", "R31"), fx.ruleIds(), "receive runs at DISPATCH, so R56 too");
        assertEquals(1, m.returned.size());
    }

    @Test
    @DisplayName("D34 closing the bindings waits for a receive in progress on another thread")
    void d34_unbindWaitsForReceiveInProgress() throws Exception {
        EngineFixture fx = new EngineFixture();
        RecordingSink sink = new RecordingSink();
        fx.context.sink(sink);
        ScriptedMiniport m = new ScriptedMiniport();
        AdapterRuntime a = fx.initialized("A", m);
        int n = allocate(m.handle);
        activate(m.handle, n);
        CountDownLatch inReceive = new CountDownLatch(1);
        CountDownLatch finishReceive = new CountDownLatch(1);
        sink.onReceive = port -> {
            inReceive.countDown();
            await(finishReceive);
        };
        m.onHalt = h -> { };
        Thread receiver = new Thread(() -> m.handle.indicateReceiveNetBufferLists(new NetBufferList(64), n, 1, 0),
                "receiver");
        receiver.start();
        inReceive.await();
        Thread halt = new Thread(() -> a.halt(HaltAction.DEVICE_DISABLED), "halt");
        halt.start();
        awaitState(halt, Thread.State.TIMED_WAITING);
        assertFalse(sink.calls.stream().anyMatch(c -> c.startsWith("unavailable")), sink.calls.toString());
        finishReceive.countDown();
        receiver.join();
        halt.join();
        List<String> order = sink.calls.stream()
                .filter(c -> c.startsWith("receive") || c.startsWith("unavailable")).toList();
        assertEquals(List.of("receive A " + n, "unavailable A HALT_SCHEDULED"), order);
    }

    @Test
    @DisplayName("D34 once a halt is scheduled, sends complete with CLOSING and OIDs return CLOSING without reaching the miniport")
    void d34_requestsAfterHaltScheduled_refused() {
        EngineFixture fx = new EngineFixture();
        RecordingSink sink = new RecordingSink();
        fx.context.sink(sink);
        ScriptedMiniport m = new ScriptedMiniport();
        AdapterRuntime a = fx.initialized("A", m);
        List<NdisStatus> oid = new ArrayList<>();
        NetBufferList frame = new NetBufferList(64);
        sink.beforeUnavailable = (adapter, reason) -> {
            adapter.sendNetBufferLists(frame, 0, 0);
            oid.add(adapter.oidRequest(OidRequest.query(0x00010202, 0, 4)));
        };
        a.halt(HaltAction.DEVICE_DISABLED);
        assertEquals(List.of(NdisStatus.CLOSING), oid);
        assertEquals(List.of(frame), sink.completedSends);
        assertEquals(NdisStatus.CLOSING, frame.status());
        assertTrue(m.sendPorts.isEmpty());
        assertTrue(m.oids.isEmpty());
    }

    @Test
    @DisplayName("R52 OID_GEN_ENUMERATE_PORTS and OID_GEN_PORT_STATE never reach the miniport")
    void r52_runtimeAnsweredOidsNotForwarded() {
        EngineFixture fx = new EngineFixture();
        RecordingSink sink = new RecordingSink();
        fx.context.sink(sink);
        ScriptedMiniport m = new ScriptedMiniport();
        fx.initialized("A", m);
        assertEquals(NdisStatus.NOT_SUPPORTED, sink.lastAdapter.oidRequest(OidRequest.query(0x0001020D, 0, 1024)));
        assertEquals(NdisStatus.NOT_SUPPORTED, sink.lastAdapter.oidRequest(OidRequest.query(0x0001020E, 0, 48)));
        assertTrue(m.oids.isEmpty());
    }

    @Test
    @DisplayName("R17 FAIL_FAST: a miniport answering an OID with INVALID_PORT is recorded, not thrown into the protocol's call")
    void r17_failFastOidAnswer_recordedNotThrown() {
        EngineFixture fx = new EngineFixture(VerifierMode.FAIL_FAST);
        RecordingSink sink = new RecordingSink();
        fx.context.sink(sink);
        ScriptedMiniport m = new ScriptedMiniport();
        m.onOid = r -> NdisStatus.INVALID_PORT;
        AdapterRuntime a = fx.initialized("A", m);
        int n = allocate(m.handle);
        activate(m.handle, n);
        assertEquals(NdisStatus.INVALID_PORT, sink.lastAdapter.oidRequest(OidRequest.query(0x00010202, n, 4)));
        Violation v = fx.verifier.violations().get(0);
        assertEquals("R17", v.ruleId());
        assertEquals(Severity.VIOLATION, v.severity());
        assertEquals(n, v.port());
        assertEquals(0, a.adapter().outstandingRequests().get());
    }

    @Test
    @DisplayName("R32 R44 adapter-wide status on port 0 while it is DEACTIVATING is dropped: port 0 is formally active")
    void r32_statusOnDeactivatingPort0_dropped() {
        EngineFixture fx = new EngineFixture();
        RecordingSink sink = new RecordingSink();
        fx.context.sink(sink);
        ScriptedMiniport m = new ScriptedMiniport();
        AdapterRuntime a = fx.initialized("A", m);
        sink.beforeUnavailable = (adapter, reason) -> m.handle.indicateStatus(
                new StatusIndication(0, StatusCodes.NDIS_STATUS_LINK_STATE, null, 0));
        assertEquals(NdisStatus.SUCCESS, m.handle.netPnPEvent(NetPnPEventNotification.portDeactivation(0)));
        assertEquals(List.of("R32"), fx.ruleIds());
        assertEquals(1, a.view().droppedIndications());
    }

    @Test
    @DisplayName("D31 port events and unbinds reach the binding layer at PASSIVE even when the miniport called at DISPATCH")
    void d31_bindingLayerCalledAtPassive() {
        EngineFixture fx = new EngineFixture();
        RecordingSink sink = new RecordingSink();
        fx.context.sink(sink);
        ScriptedMiniport m = new ScriptedMiniport();
        fx.initialized("A", m);
        int n = allocate(m.handle);
        List<Irql> seen = new ArrayList<>();
        NdisMiniportHandle h = m.handle;
        sink.onPortEvent = e -> seen.add(h.currentIrql());
        Irql old = h.raiseIrql(Irql.DISPATCH_LEVEL);
        h.netPnPEvent(NetPnPEventNotification.portActivation(n));
        assertEquals(Irql.DISPATCH_LEVEL, h.currentIrql());
        h.lowerIrql(old);
        assertEquals(List.of(Irql.PASSIVE_LEVEL), seen);
        assertEquals(List.of("R56"), fx.ruleIds());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
