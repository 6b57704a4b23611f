package org.ndisport.binding.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.data.NetBufferList;
import org.ndisport.api.data.StatusCodes;
import org.ndisport.api.data.StatusIndication;
import org.ndisport.api.miniport.HaltAction;
import org.ndisport.api.miniport.NdisMiniportHandle;
import org.ndisport.api.pnp.NetPnPEventCode;
import org.ndisport.api.pnp.NetPnPEventNotification;
import org.ndisport.api.port.NdisPort;
import org.ndisport.api.port.PortCharacteristics;
import org.ndisport.api.protocol.ProtocolBindingHandle;
import org.ndisport.core.adapter.internal.AdapterRuntime;

/**
 * Races: receive indications on two threads and status indications on a third, while a fourth
 * deactivates and reactivates one port and frees and re-creates another, a fifth keeps registering and
 * unregistering a protocol, one bound protocol returns its lists from yet another thread, and finally
 * the adapter is halted while indications are still running. A watchdog fails with thread dumps on a
 * stall. Checks D33 (no receive after a protocol returned from the port's deactivation), that every
 * list goes back to the miniport exactly once, that only drop records are made, and that nothing is
 * left after the halt. {@code -Dndisport.races.indications=10000000} runs the long profile (default
 * 1,000,000 receive indications).
 */
class RacesTest {
    private static final int INDICATORS = 2;
    private static final long TOTAL = Long.getLong("ndisport.races.indications", 1_000_000L);

    @Test
    @DisplayName("D33 receives and status on 3 threads against port churn, protocol churn and a final halt: fenced, exactly once, nothing left")
    void d33_races() throws Exception {
        BindingFixture fx = new BindingFixture();
        Set<String> rules = java.util.concurrent.ConcurrentHashMap.newKeySet();
        fx.engine.verifier.listener(v -> rules.add(v.ruleId()));
        IndicationStressTest.CountingMiniport m = new IndicationStressTest.CountingMiniport();
        AdapterRuntime adapter = fx.adapter("A", m);
        assertEquals(NdisStatus.SUCCESS, adapter.initialize());
        NdisMiniportHandle h = m.handle;
        int toggled = h.allocatePort(PortCharacteristics.forAllocation()).portNumber();
        int recreated = h.allocatePort(PortCharacteristics.forAllocation()).portNumber();
        AtomicLong breaches = new AtomicLong();
        RecordingProtocol p1 = fenced(fx, "p1", toggled, breaches);
        RecordingProtocol p2 = fenced(fx, "p2", toggled, breaches);
        ConcurrentLinkedQueue<NetBufferList> held = new ConcurrentLinkedQueue<>();
        AtomicLong handedOff = new AtomicLong();
        AtomicLong givenBack = new AtomicLong();
        p2.handOff = l -> {
            handedOff.incrementAndGet();
            held.add(l);
        };
        // a well-behaved protocol returns what it holds before unbindAdapter returns (N59)
        p2.onUnbind = () -> {
            while (givenBack.get() < handedOff.get()) {
                Thread.onSpinWait();
            }
        };
        assertEquals(NdisStatus.SUCCESS, h.netPnPEvent(NetPnPEventNotification.portActivation(toggled, recreated)));

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong wrongReturns = new AtomicLong();
        AtomicLong failedEvents = new AtomicLong();
        AtomicLong churns = new AtomicLong();
        AtomicLong issued = new AtomicLong();
        AtomicLong haltedAt = new AtomicLong();
        int perThread = (int) (TOTAL / INDICATORS);
        CountDownLatch indicatorsDone = new CountDownLatch(INDICATORS);
        CountDownLatch halted = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < INDICATORS; t++) {
            int port = t == 0 ? toggled : recreated;
            threads.add(new Thread(() -> {
                IndicationStressTest.indicate(h, port, wrongReturns, perThread, issued);
                indicatorsDone.countDown();
            }, "indicator-" + t));
        }
        threads.add(new Thread(() -> {
            int port = toggled;
            while (running.get()) {
                h.indicateStatus(new StatusIndication(port, StatusCodes.NDIS_STATUS_LINK_STATE, null, 0));
                port = port == toggled ? recreated : toggled;
            }
        }, "status"));
        threads.add(new Thread(() -> {
            while (running.get() && halted.getCount() > 0) {
                NdisStatus d = h.netPnPEvent(NetPnPEventNotification.portDeactivation(toggled));
                NdisStatus a = h.netPnPEvent(NetPnPEventNotification.portActivation(toggled));
                NdisStatus d2 = h.netPnPEvent(NetPnPEventNotification.portDeactivation(recreated));
                NdisStatus f = h.freePort(recreated);
                NdisStatus r = h.allocatePort(PortCharacteristics.forAllocation()).status();
                NdisStatus a2 = h.netPnPEvent(NetPnPEventNotification.portActivation(recreated));
                boolean closing = List.of(d, a, d2, f, r, a2).contains(NdisStatus.CLOSING);
                if (!closing && List.of(d, a, d2, f, r, a2).stream().anyMatch(s -> s != NdisStatus.SUCCESS)) {
                    failedEvents.incrementAndGet();
                }
                churns.incrementAndGet();
                LockSupport.parkNanos(50_000);
            }
        }, "port-churn"));
        threads.add(new Thread(() -> {
            int n = 0;
            while (running.get()) {
                RecordingProtocol p3 = fx.protocol("p3-" + n++);
                p3.quiet = true;
                fx.layer.unregister(p3.entry);
            }
        }, "protocol-churn"));
        ProtocolBindingHandle p2Binding = p2.handle("A");
        threads.add(new Thread(() -> {
            while (running.get() || !held.isEmpty()) {
                NetBufferList l = held.poll();
                if (l == null) {
                    Thread.onSpinWait();
                } else {
                    p2Binding.returnNetBufferLists(l, 0);
                    givenBack.incrementAndGet();
                }
            }
        }, "p2-returner"));
        threads.add(new Thread(() -> {
            while (issued.get() < TOTAL * 7 / 10) {
                LockSupport.parkNanos(1_000_000);
            }
            haltedAt.set(issued.get());
            adapter.halt(HaltAction.DEVICE_SURPRISE_REMOVED);
            halted.countDown();
        }, "halter"));
        threads.forEach(Thread::start);
        boolean finished = indicatorsDone.await(300, TimeUnit.SECONDS) && halted.await(60, TimeUnit.SECONDS);
        running.set(false);
        for (Thread t : threads) {
            t.join(10_000);
        }
        assertTrue(finished && threads.stream().noneMatch(Thread::isAlive),
                "deadlock or stall: " + IndicationStressTest.threadDump());

        assertEquals(0, breaches.get(), "receives after a protocol returned from the port's deactivation (D33)");
        assertEquals(0, wrongReturns.get(), "lists that did not come back to the miniport exactly once");
        assertEquals(0, failedEvents.get(), "port operations that failed before the halt");
        assertTrue(churns.get() > 0 && p1.received.get() > 0 && p1.statuses.get() > 0,
                "ports churned, receives and status were delivered");
        assertTrue(haltedAt.get() < TOTAL, "the halt came while indications were still running");
        assertTrue(fx.layer.bindings().stream().noneMatch(b -> b.adapter().equals("A")), "no binding outlives the halt");
        assertTrue(adapter.view().ports().isEmpty(), "no port outlives the halt: " + adapter.view().ports());
        // every record ever made (the verifier retains only the newest): drops (R11 R18 R19 R31 R32 R48, R59 for status after the halt); the churn thread is the driver still calling NdisM... while the
        // halt runs (R2, R75); the counting miniport's halt leaves its ports to the runtime (R40)
        assertTrue(Set.of("R11", "R18", "R19", "R31", "R32", "R48", "R59", "R2", "R75", "R40").containsAll(rules),
                "only drop, halt-race and leftover records: " + rules);
        System.out.printf("races: %d receive indications (halt after %d), %d delivered to p1, %d status to p1, %d port churns, records %s%n",
                (long) perThread * INDICATORS, haltedAt.get(), p1.received.get(), p1.statuses.get(), churns.get(),
                new TreeSet<>(rules));
    }

    /** A protocol that notes when it returned from a deactivation of the port and counts receives after it. */
    private static RecordingProtocol fenced(BindingFixture fx, String name, int port, AtomicLong breaches) {
        RecordingProtocol p = fx.protocol(name);
        p.quiet = true;
        AtomicBoolean closed = new AtomicBoolean();
        p.onPortEvent = (b, e) -> {
            if (e.netPnPEvent().netEvent() == NetPnPEventCode.PORT_DEACTIVATION.code()
                    && java.util.Arrays.stream((int[]) e.netPnPEvent().buffer()).anyMatch(n -> n == port)) {
                closed.set(true);
            } else if (e.netPnPEvent().netEvent() == NetPnPEventCode.PORT_ACTIVATION.code()) {
                for (NdisPort c = (NdisPort) e.netPnPEvent().buffer(); c != null; c = c.next()) {
                    if (c.portCharacteristics().portNumber() == port) {
                        closed.set(false);
                    }
                }
            }
            return NdisStatus.SUCCESS;
        };
        p.onReceive = (b, lists, n) -> {
            if (n == port && closed.get()) {
                breaches.incrementAndGet();
            }
        };
        return p;
    }
}
