package org.ndisport.binding.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.miniport.HaltAction;
import org.ndisport.api.miniport.NdisMiniportHandle;
import org.ndisport.core.adapter.internal.AdapterRuntime;

/**
 * N59 under load: protocols that keep every list they receive and never return one are bound and
 * unbound over and over while two threads indicate on port 0, beside protocols that return at once,
 * one of them slowly.
 * Each closing binding's lists must be taken back, including those kept by an indication that was
 * still handing its chain round when the binding closed: every list goes back to the miniport exactly
 * once (the indicators wait, per list, for its return before reusing it), and the only record is N59.
 * {@code -Dndisport.races.indications=10000000} runs the long profile (default 400,000 indications).
 */
class KeptListsRaceTest {
    private static final int INDICATORS = 2;
    private static final int PER_THREAD = (int) (Long.getLong("ndisport.races.indications", 400_000L) / INDICATORS);

    @Test
    @DisplayName("N59 D33 keepers bound and unbound while two threads indicate: every list back exactly once, only N59 recorded")
    void n59_keepersChurnedDuringIndications_everyListBackOnce() throws Exception {
        BindingFixture fx = new BindingFixture();
        Set<String> rules = ConcurrentHashMap.newKeySet();
        fx.engine.verifier.listener(v -> rules.add(v.ruleId()));
        IndicationStressTest.CountingMiniport m = new IndicationStressTest.CountingMiniport();
        AdapterRuntime adapter = fx.adapter("A", m);
        assertEquals(NdisStatus.SUCCESS, adapter.initialize());
        NdisMiniportHandle h = m.handle;
        RecordingProtocol returner = fx.protocol("returner");
        returner.quiet = true;

        AtomicLong wrongReturns = new AtomicLong();
        AtomicLong issued = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong keepers = new AtomicLong();
        CountDownLatch done = new CountDownLatch(INDICATORS);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < INDICATORS; t++) {
            threads.add(new Thread(() -> {
                IndicationStressTest.indicate(h, 0, wrongReturns, PER_THREAD, issued);
                done.countDown();
            }, "indicator-" + t));
        }
        threads.add(new Thread(() -> {
            while (running.get()) {
                long n = keepers.incrementAndGet();
                RecordingProtocol keeper = fx.protocol("keeper-" + n);
                keeper.quiet = true;
                keeper.handOff = l -> { };
                // bound after the keeper, so the chain is still being handed round (and its kept lists
                // not yet entered) for a while after the keeper's callback returned
                RecordingProtocol slow = fx.protocol("slow-" + n);
                slow.quiet = true;
                slow.onReceive = (b, lists, port) -> {
                    long until = System.nanoTime() + 20_000;
                    while (System.nanoTime() < until) {
                        Thread.onSpinWait();
                    }
                };
                fx.layer.unregister(keeper.entry);
                fx.layer.unregister(slow.entry);
            }
        }, "keeper-churn"));
        threads.forEach(Thread::start);
        boolean finished = done.await(300, TimeUnit.SECONDS);
        running.set(false);
        for (Thread t : threads) {
            t.join(10_000);
        }
        assertTrue(finished && threads.stream().noneMatch(Thread::isAlive),
                "deadlock or stall: " + IndicationStressTest.threadDump());
        assertEquals(0, wrongReturns.get(), "lists that did not come back to the miniport exactly once");
        assertTrue(keepers.get() > 10, "keepers came and went: " + keepers.get());
        assertTrue(rules.contains("N59") && Set.of("N59").containsAll(rules), "only N59 recorded: " + rules);
        adapter.halt(HaltAction.DEVICE_DISABLED);
        System.out.printf("kept lists race: %d indications, %d keepers bound and unbound, records %s%n",
                issued.get(), keepers.get(), rules);
    }
}
