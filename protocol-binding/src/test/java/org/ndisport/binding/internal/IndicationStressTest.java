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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.data.NetBufferList;
import org.ndisport.api.miniport.HaltAction;
import org.ndisport.api.miniport.MiniportAttributes;
import org.ndisport.api.miniport.MiniportDriver;
import org.ndisport.api.miniport.MiniportInitParameters;
import org.ndisport.api.miniport.NdisMiniportHandle;
import org.ndisport.api.pnp.NetPnPEventCode;
import org.ndisport.api.pnp.NetPnPEventNotification;
import org.ndisport.api.port.PortCharacteristics;
import org.ndisport.core.adapter.internal.AdapterRuntime;

/**
 * D33 under load: receive indications on two threads while a third deactivates and reactivates the
 * port, with two protocols bound; p1 returns at once, p2 hands its lists to a fourth thread that returns
 * them later, so releases of one list race. No protocol receives on the port after returning from its
 * deactivation event, and every indicated list goes back to the miniport exactly once.
 */
class IndicationStressTest {
    private static final int THREADS = 2;
    private static final int PER_THREAD = 500_000;
    private static final int POOL = 64;

    /** A miniport that counts, per list, how often it got the list back. */
    static final class CountingMiniport implements MiniportDriver {
        volatile NdisMiniportHandle handle;

        @Override
        public NdisStatus initialize(NdisMiniportHandle h, MiniportInitParameters parameters) {
            handle = h;
            h.setMiniportAttributes(MiniportAttributes.registration());
            return NdisStatus.SUCCESS;
        }

        @Override
        public void halt(NdisMiniportHandle h, HaltAction action) {
        }

        @Override
        public void sendNetBufferLists(NdisMiniportHandle h, NetBufferList lists, int port, int flags) {
            h.sendNetBufferListsComplete(lists, 0);
        }

        @Override
        public NdisStatus oidRequest(NdisMiniportHandle h, org.ndisport.api.data.OidRequest request) {
            return NdisStatus.SUCCESS;
        }

        @Override
        public void returnNetBufferLists(NdisMiniportHandle h, NetBufferList lists, int flags) {
            for (NetBufferList l = lists; l != null; l = l.next()) {
                ((AtomicInteger) l.miniportReserved()).incrementAndGet();
            }
        }
    }

    /** A protocol that notes when it returned from a deactivation of the port and counts receives after it. */
    private static RecordingProtocol fenced(BindingFixture fx, String name, int port, AtomicLong breaches) {
        RecordingProtocol p = fx.protocol(name);
        p.quiet = true;
        AtomicBoolean closed = new AtomicBoolean();
        p.onPortEvent = (b, e) -> {
            boolean deactivation = e.netPnPEvent().netEvent() == NetPnPEventCode.PORT_DEACTIVATION.code();
            closed.set(deactivation);
            return NdisStatus.SUCCESS;
        };
        p.onReceive = (b, lists, n) -> {
            if (n == port && closed.get()) {
                breaches.incrementAndGet();
            }
        };
        return p;
    }

    @Test
    @DisplayName("D33 1,000,000 receives on 2 threads against deactivate/reactivate: fenced, each list back exactly once")
    void d33_stress() throws Exception {
        BindingFixture fx = new BindingFixture();
        CountingMiniport m = new CountingMiniport();
        AdapterRuntime adapter = fx.adapter("A", m);
        assertEquals(NdisStatus.SUCCESS, adapter.initialize());
        NdisMiniportHandle h = m.handle;
        int port = h.allocatePort(PortCharacteristics.forAllocation()).portNumber();
        AtomicLong breaches = new AtomicLong();
        RecordingProtocol p1 = fenced(fx, "p1", port, breaches);
        RecordingProtocol p2 = fenced(fx, "p2", port, breaches);
        ConcurrentLinkedQueue<NetBufferList> held = new ConcurrentLinkedQueue<>();
        p2.handOff = held::add;
        assertEquals(NdisStatus.SUCCESS, h.netPnPEvent(NetPnPEventNotification.portActivation(port)));

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong wrongReturns = new AtomicLong();
        CountDownLatch indicatorsDone = new CountDownLatch(THREADS);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            threads.add(new Thread(() -> {
                indicate(h, port, wrongReturns, PER_THREAD, new AtomicLong());
                indicatorsDone.countDown();
            }, "indicator-" + t));
        }
        AtomicLong cycles = new AtomicLong();
        AtomicLong failedEvents = new AtomicLong();
        threads.add(new Thread(() -> {
            while (running.get()) {
                if (h.netPnPEvent(NetPnPEventNotification.portDeactivation(port)) != NdisStatus.SUCCESS
                        || h.netPnPEvent(NetPnPEventNotification.portActivation(port)) != NdisStatus.SUCCESS) {
                    failedEvents.incrementAndGet();
                }
                cycles.incrementAndGet();
                LockSupport.parkNanos(20_000);
            }
        }, "toggler"));
        threads.add(new Thread(() -> {
            while (running.get() || !held.isEmpty()) {
                NetBufferList l = held.poll();
                if (l == null) {
                    Thread.onSpinWait();
                } else {
                    p2.handle("A").returnNetBufferLists(l, 0);
                }
            }
        }, "p2-returner"));
        threads.forEach(Thread::start);
        boolean finished = indicatorsDone.await(120, TimeUnit.SECONDS);
        running.set(false);
        for (Thread t : threads) {
            t.join(10_000);
        }
        assertTrue(finished && threads.stream().noneMatch(Thread::isAlive), "deadlock or stall: " + threadDump());

        assertEquals(0, breaches.get(), "receives after a protocol returned from the port's deactivation (D33)");
        assertEquals(0, wrongReturns.get(), "lists that did not come back to the miniport exactly once");
        assertEquals(0, failedEvents.get(), "port events that failed");
        assertEquals(p1.received.get(), p2.received.get(), "both bindings got every delivered receive");
        assertTrue(cycles.get() > 0 && p1.received.get() > 0, "the port was toggled and receives were delivered");
        Set<String> rules = new TreeSet<>();
        fx.engine.verifier.violations().forEach(v -> rules.add(v.ruleId()));
        assertTrue(Set.of("R11", "R18", "R19", "R31", "R32").containsAll(rules), "only drop records: " + rules);
        System.out.printf("D33 stress: %d indications, %d delivered to each protocol, %d drop records %s, %d toggles%n",
                (long) THREADS * PER_THREAD, p1.received.get(), fx.engine.verifier.total(), rules, cycles.get());
    }

    /**
     * Indicates {@code count} times on {@code port} from a pool of lists; before a list is reused it must
     * have come back exactly once since its last indication (a protocol may return on another thread, so
     * this waits for it, up to 10 s per list). {@code issued} counts the indications made.
     */
    static void indicate(NdisMiniportHandle h, int port, AtomicLong wrongReturns, int count, AtomicLong issued) {
        NetBufferList[] pool = new NetBufferList[POOL];
        AtomicInteger[] returns = new AtomicInteger[POOL];
        int[] expected = new int[POOL];
        for (int k = 0; k < POOL; k++) {
            pool[k] = NetBufferList.copyOf(new byte[60]);
            returns[k] = new AtomicInteger();
            pool[k].miniportReserved(returns[k]);
        }
        for (int i = 0; i < count + POOL; i++) {
            int k = i % POOL;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (returns[k].get() < expected[k] && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            if (returns[k].get() != expected[k]) {
                wrongReturns.incrementAndGet();
                returns[k].set(expected[k]);
            }
            if (i < count) {
                expected[k]++;
                // lists come back chained in any order (several at once when a closing binding's are taken
                // back, N59): the miniport unlinks each before indicating it alone
                h.indicateReceiveNetBufferLists(pool[k].next(null), port, 1, 0);
                issued.incrementAndGet();
            }
        }
    }

    static String threadDump() {
        StringBuilder out = new StringBuilder();
        Thread.getAllStackTraces().forEach((t, stack) -> {
            out.append('\n').append(t.getName()).append(':');
            for (StackTraceElement e : stack) {
                out.append("\n    ").append(e);
            }
        });
        return out.toString();
    }
}
