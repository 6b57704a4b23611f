package org.ndisport.core.adapter.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.binding.BindableAdapter;
import org.ndisport.api.miniport.AllocatePortResult;
import org.ndisport.api.miniport.HaltAction;
import org.ndisport.api.miniport.NdisMiniportHandle;
import org.ndisport.api.pnp.NetPnPEvent;
import org.ndisport.api.pnp.NetPnPEventNotification;
import org.ndisport.api.port.NdisPort;
import org.ndisport.api.port.PortCharacteristics;
import org.ndisport.api.runtime.AdapterPhase;
import org.ndisport.api.runtime.AdapterView;
import org.ndisport.api.runtime.PortState;
import org.ndisport.api.runtime.PortView;

/**
 * Several driver threads allocating, activating, deactivating and freeing ports on one adapter through
 * the real handle: numbers are never handed out twice (R5, R43), events are atomic over their ports and
 * show the transition flags while delivered (R16, R30, D32), deliveries never overlap (R76), and the
 * final view matches what each thread did.
 */
class ConcurrencyTest {
    private static final int THREADS = 4;
    private static final int OPS_PER_THREAD = 5_000;
    private static final int PORT_LIMIT = 48;
    private static final int MAX_OWNED_PER_THREAD = 16;
    private static final long SEED = 0x5EED_2026L;

    private static final Set<NdisStatus> ALLOCATE_DOCUMENTED = EnumSet.of(NdisStatus.SUCCESS, NdisStatus.FAILURE,
            NdisStatus.CLOSING, NdisStatus.INVALID_DATA, NdisStatus.RESOURCES);
    private static final Set<NdisStatus> FREE_DOCUMENTED = EnumSet.of(NdisStatus.SUCCESS, NdisStatus.INVALID_DATA,
            NdisStatus.INVALID_PORT, NdisStatus.INVALID_PORT_STATE);
    private static final Set<NdisStatus> EVENT_DOCUMENTED = EnumSet.of(NdisStatus.SUCCESS, NdisStatus.FAILURE,
            NdisStatus.CLOSING, NdisStatus.NOT_SUPPORTED, NdisStatus.INVALID_PARAMETER, NdisStatus.INVALID_PORT,
            NdisStatus.INVALID_PORT_STATE);

    private final EngineFixture fx = new EngineFixture();
    /** Port number to the index of the thread that owns it; a number handed out twice fails. */
    private final ConcurrentHashMap<Integer, Integer> owners = new ConcurrentHashMap<>();

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    @DisplayName("R5 R16 R30 R43 R76 D32 four driver threads on one adapter: unique numbers, atomic events, consistent view")
    void r76_concurrentPortOperations_oneAdapter_consistent() throws Exception {
        RecordingSink sink = new RecordingSink();
        AtomicInteger ready = new AtomicInteger();
        AtomicInteger inside = new AtomicInteger();
        ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        sink.onReady = adapter -> ready.incrementAndGet();
        sink.onPortEvent = n -> checkDelivery(sink.lastAdapter, n, inside, errors);
        fx.context.sink(sink);
        fx.context.portLimit(PORT_LIMIT);
        ScriptedMiniport m = new ScriptedMiniport();
        AdapterRuntime a = fx.adapter("C", m);
        assertEquals(NdisStatus.SUCCESS, a.initialize());
        assertEquals(1, ready.get());

        CountDownLatch start = new CountDownLatch(1);
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        List<Worker> workers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            Worker w = new Worker(i, a, m.handle, new Random(SEED + i));
            workers.add(w);
            Thread t = new Thread(() -> {
                try {
                    start.await();
                    w.run();
                } catch (Throwable e) {
                    failures.add(e);
                }
            }, "driver-worker-" + i);
            threads.add(t);
            t.start();
        }
        start.countDown();
        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis(45));
            assertFalse(t.isAlive(), t.getName() + " did not finish");
        }
        if (!failures.isEmpty()) {
            AssertionError e = new AssertionError(failures.size() + " worker(s) failed; first: " + failures.peek());
            failures.forEach(e::addSuppressed);
            throw e;
        }
        assertTrue(errors.isEmpty(), "checks inside portEvent failed: " + errors);

        AdapterView view = a.view();
        assertEquals(AdapterPhase.P2_OPERATIONAL, view.phase());
        Set<Integer> listed = new HashSet<>();
        for (PortView p : view.ports()) {
            assertTrue(listed.add(p.portNumber()), "port " + p.portNumber() + " listed twice");
            assertFalse(p.state().inFlight(), "transition flag left set: " + p);
            assertTrue(p.state() == PortState.ALLOCATED || p.state() == PortState.ACTIVATED, p.toString());
        }
        assertEquals(PortState.ACTIVATED, view.port(0).state());
        Map<Integer, Boolean> expected = new HashMap<>();
        int successes = 0;
        for (Worker w : workers) {
            for (Map.Entry<Integer, Boolean> e : w.mine.entrySet()) {
                assertNull(expected.put(e.getKey(), e.getValue()), "port " + e.getKey() + " owned by two threads");
                assertEquals(w.index, owners.get(e.getKey()));
            }
            successes += w.eventSuccesses;
            assertTrue(w.allocations > 0 && w.eventSuccesses > 0 && w.frees > 0, "worker " + w.index + " idle");
        }
        assertEquals(expected.keySet(), owners.keySet());
        assertEquals(expected.size() + 1, view.ports().size(), "exactly port 0 and the owned ports: " + view.ports());
        for (Map.Entry<Integer, Boolean> e : expected.entrySet()) {
            PortView p = view.port(e.getKey());
            assertNotNull(p, "owned port " + e.getKey() + " missing");
            assertEquals(e.getValue() ? PortState.ACTIVATED : PortState.ALLOCATED, p.state(), "port " + e.getKey());
        }
        assertEquals(successes, sink.portEvents.size(), "one delivery per successful port event, none for failures");
        assertEquals(0, fx.verifier.total(), "verifier recorded: " + fx.verifier.violations());

        a.halt(HaltAction.DEVICE_STOPPED);
        assertEquals(0, fx.verifier.total(), "well-behaved halt recorded: " + fx.verifier.violations());
        assertTrue(a.view().ports().isEmpty());
    }

    /** One driver thread: its own ports, random operations, local invariants after every step. */
    private final class Worker {
        final int index;
        final AdapterRuntime adapter;
        final NdisMiniportHandle h;
        final Random rnd;
        /** Owned port number to "is ACTIVATED". */
        final TreeMap<Integer, Boolean> mine = new TreeMap<>();
        int allocations;
        int frees;
        int eventSuccesses;

        Worker(int index, AdapterRuntime adapter, NdisMiniportHandle h, Random rnd) {
            this.index = index;
            this.adapter = adapter;
            this.h = h;
            this.rnd = rnd;
        }

        void run() {
            for (int step = 0; step < OPS_PER_THREAD; step++) {
                int r = rnd.nextInt(100);
                List<Integer> touched;
                if (r < 25) {
                    touched = allocate();
                } else if (r < 45) {
                    touched = activate();
                } else if (r < 65) {
                    touched = deactivate();
                } else if (r < 80) {
                    touched = free();
                } else if (r < 86) {
                    touched = mixedEvent();
                } else if (r < 90) {
                    touched = freeActive();
                } else if (r < 95) {
                    touched = duplicate();
                } else {
                    touched = probe();
                }
                checkOwn(touched, step);
            }
        }

        private List<Integer> allocate() {
            if (mine.size() >= MAX_OWNED_PER_THREAD) {
                return free();
            }
            PortCharacteristics chars = PortCharacteristics.forAllocation();
            AllocatePortResult res = h.allocatePort(chars);
            documented(ALLOCATE_DOCUMENTED, res.status(), "allocatePort");
            if (res.status() == NdisStatus.RESOURCES) {
                assertEquals(0, res.portNumber());
                return List.of();
            }
            assertEquals(NdisStatus.SUCCESS, res.status());
            int n = res.portNumber();
            assertTrue(n >= 1 && n <= PORT_LIMIT, "number out of range: " + n);
            assertEquals(n, chars.portNumber(), "R4 number written to the characteristics");
            Integer other = owners.putIfAbsent(n, index);
            if (other != null) {
                fail("port " + n + " handed to thread " + index + " while thread " + other + " owns it");
            }
            assertNull(mine.put(n, false));
            allocations++;
            return List.of(n);
        }

        private List<Integer> activate() {
            List<Integer> ports = pick(false, 1 + rnd.nextInt(3));
            if (ports.isEmpty()) {
                return allocate();
            }
            expectEvent(NdisStatus.SUCCESS, NetPnPEventNotification.portActivation(toArray(ports)));
            ports.forEach(n -> mine.put(n, true));
            eventSuccesses++;
            return ports;
        }

        private List<Integer> deactivate() {
            List<Integer> ports = pick(true, 1 + rnd.nextInt(3));
            if (ports.isEmpty()) {
                return activate();
            }
            expectEvent(NdisStatus.SUCCESS, NetPnPEventNotification.portDeactivation(toArray(ports)));
            ports.forEach(n -> mine.put(n, false));
            eventSuccesses++;
            return ports;
        }

        private List<Integer> free() {
            List<Integer> ports = pick(false, 1);
            if (ports.isEmpty()) {
                return deactivate();
            }
            int n = ports.get(0);
            // Give the number up before the engine may hand it to another thread.
            assertTrue(owners.remove(n, index));
            mine.remove(n);
            NdisStatus s = h.freePort(n);
            documented(FREE_DOCUMENTED, s, "freePort(" + n + ")");
            assertEquals(NdisStatus.SUCCESS, s, "free of own ALLOCATED port " + n);
            frees++;
            return List.of();
        }

        /** R16/R30: one port in the wrong state fails the whole event, nothing changes. */
        private List<Integer> mixedEvent() {
            List<Integer> inactive = pick(false, 1);
            List<Integer> active = pick(true, 1);
            if (inactive.isEmpty() || active.isEmpty()) {
                return activate();
            }
            int[] both = rnd.nextBoolean() ? new int[] {inactive.get(0), active.get(0)}
                    : new int[] {active.get(0), inactive.get(0)};
            NetPnPEventNotification n = rnd.nextBoolean() ? NetPnPEventNotification.portActivation(both)
                    : NetPnPEventNotification.portDeactivation(both);
            expectEvent(NdisStatus.INVALID_PORT_STATE, n);
            return List.of(inactive.get(0), active.get(0));
        }

        /** R37: an ACTIVATED port cannot be freed. */
        private List<Integer> freeActive() {
            List<Integer> active = pick(true, 1);
            if (active.isEmpty()) {
                return activate();
            }
            NdisStatus s = h.freePort(active.get(0));
            documented(FREE_DOCUMENTED, s, "freePort");
            assertEquals(NdisStatus.INVALID_PORT_STATE, s);
            return active;
        }

        /** D9: a port listed twice is INVALID_PARAMETER with no state change. */
        private List<Integer> duplicate() {
            if (mine.isEmpty()) {
                return allocate();
            }
            int n = any();
            NetPnPEventNotification e = mine.get(n) ? NetPnPEventNotification.portDeactivation(n, n)
                    : NetPnPEventNotification.portActivation(n, n);
            expectEvent(NdisStatus.INVALID_PARAMETER, e);
            return List.of(n);
        }

        /** Calls whose outcome no other thread can change: port 0 rules and out-of-range numbers. */
        private List<Integer> probe() {
            switch (rnd.nextInt(5)) {
                case 0 -> {
                    if (mine.isEmpty()) {
                        return allocate();
                    }
                    int n = any();
                    expectEvent(NdisStatus.INVALID_PORT, mine.get(n)
                            ? NetPnPEventNotification.portDeactivation(n, 0)
                            : NetPnPEventNotification.portActivation(0, n));
                    return List.of(n);
                }
                case 1 -> expectEvent(NdisStatus.INVALID_PORT_STATE, NetPnPEventNotification.portActivation(0));
                case 2 -> {
                    NdisStatus s = h.freePort(0);
                    documented(FREE_DOCUMENTED, s, "freePort(0)");
                    assertEquals(NdisStatus.INVALID_PORT, s);
                }
                case 3 -> {
                    NdisStatus s = h.freePort(0x1000000);
                    documented(FREE_DOCUMENTED, s, "freePort(0x1000000)");
                    assertEquals(NdisStatus.INVALID_DATA, s);
                }
                default -> {
                    int beyond = PORT_LIMIT + 1 + rnd.nextInt(1000);
                    NdisStatus s = h.freePort(beyond);
                    documented(FREE_DOCUMENTED, s, "freePort(" + beyond + ")");
                    assertEquals(NdisStatus.INVALID_PORT, s);
                    expectEvent(NdisStatus.INVALID_PORT, NetPnPEventNotification.portActivation(beyond));
                }
            }
            return List.of();
        }

        private void expectEvent(NdisStatus expected, NetPnPEventNotification n) {
            NdisStatus s = h.netPnPEvent(n);
            documented(EVENT_DOCUMENTED, s, "netPnPEvent");
            assertEquals(expected, s, () -> "netPnPEvent " + describe(n.netPnPEvent()) + " by thread " + index);
        }

        /** After every step: each touched own port shows exactly this thread's bookkeeping. */
        private void checkOwn(List<Integer> touched, int step) {
            if (touched.isEmpty()) {
                return;
            }
            AdapterView v = adapter.view();
            for (int n : touched) {
                PortView p = v.port(n);
                assertNotNull(p, "own port " + n + " missing after step " + step);
                PortState want = mine.get(n) ? PortState.ACTIVATED : PortState.ALLOCATED;
                assertEquals(want, p.state(), "own port " + n + " after step " + step + " of thread " + index);
            }
        }

        /** Up to {@code count} distinct own ports that are (in)active, in random order. */
        private List<Integer> pick(boolean active, int count) {
            List<Integer> candidates = new ArrayList<>();
            mine.forEach((n, a) -> {
                if (a == active) {
                    candidates.add(n);
                }
            });
            java.util.Collections.shuffle(candidates, rnd);
            return new ArrayList<>(candidates.subList(0, Math.min(count, candidates.size())));
        }

        private int any() {
            List<Integer> all = new ArrayList<>(mine.keySet());
            return all.get(rnd.nextInt(all.size()));
        }

        private void documented(Set<NdisStatus> documented, NdisStatus s, String call) {
            assertTrue(documented.contains(s), call + " returned undocumented " + s);
        }
    }

    private static int[] toArray(List<Integer> ports) {
        return ports.stream().mapToInt(Integer::intValue).toArray();
    }

    private static String describe(NetPnPEvent e) {
        return e.netEvent() + " " + ports(e);
    }

    private static List<Integer> ports(NetPnPEvent e) {
        List<Integer> out = new ArrayList<>();
        if (e.buffer() instanceof NdisPort head) {
            for (NdisPort p = head; p != null; p = p.next()) {
                out.add(p.portCharacteristics().portNumber());
            }
        } else if (e.buffer() instanceof int[] a) {
            for (int p : a) {
                out.add(p);
            }
        }
        return out;
    }

    /**
     * Checks, inside a port event, that each listed port shows its transition flag in the adapter's view
     * (D32) and that no two deliveries overlap (R76). Errors are collected, never thrown into the engine.
     */
    private static void checkDelivery(BindableAdapter adapter, NetPnPEventNotification n, AtomicInteger inside,
            Queue<String> errors) {
        if (inside.incrementAndGet() != 1) {
            errors.add("overlapping port event deliveries");
        }
        try {
            NetPnPEvent e = n.netPnPEvent();
            PortState want = e.netEvent() == 10 ? PortState.ACTIVATING : PortState.DEACTIVATING;
            AdapterView v = adapter.view();
            List<Integer> listed = ports(e);
            if (listed.isEmpty()) {
                errors.add("event without ports: " + e.netEvent());
            }
            for (int port : listed) {
                PortView p = v.port(port);
                if (p == null || p.state() != want) {
                    errors.add("event " + e.netEvent() + " " + listed + ": port " + port + " shows "
                            + (p == null ? "nothing" : p.state()));
                }
            }
        } finally {
            inside.decrementAndGet();
        }
    }
}
