package org.ndisport.binding.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
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
 * port, with two protocols bound. No protocol receives on the port after returning from its
 * deactivation event, and every indicated list goes back to the miniport exactly once.
 */
class IndicationStressTest {
    private static final int THREADS = 2;
    private static final int PER_THREAD = 500_000;

    /** A miniport that counts, per list, how often it got the list back. */
    private static final class CountingMiniport implements MiniportDriver {
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
        assertEquals(NdisStatus.SUCCESS, h.netPnPEvent(NetPnPEventNotification.portActivation(port)));

        AtomicLong wrongReturns = new AtomicLong();
        AtomicBoolean indicating = new AtomicBoolean(true);
        CountDownLatch indicatorsDone = new CountDownLatch(THREADS);
        Thread[] indicators = new Thread[THREADS];
        for (int t = 0; t < THREADS; t++) {
            indicators[t] = new Thread(() -> {
                NetBufferList l = NetBufferList.copyOf(new byte[60]);
                AtomicInteger returns = new AtomicInteger();
                l.miniportReserved(returns);
                for (int i = 0; i < PER_THREAD; i++) {
                    h.indicateReceiveNetBufferLists(l, port, 1, 0);
                    if (returns.get() != i + 1) {
                        wrongReturns.incrementAndGet();
                        returns.set(i + 1);
                    }
                }
                indicatorsDone.countDown();
            }, "indicator-" + t);
        }
        AtomicLong cycles = new AtomicLong();
        AtomicLong failedEvents = new AtomicLong();
        Thread toggler = new Thread(() -> {
            while (indicating.get()) {
                if (h.netPnPEvent(NetPnPEventNotification.portDeactivation(port)) != NdisStatus.SUCCESS
                        || h.netPnPEvent(NetPnPEventNotification.portActivation(port)) != NdisStatus.SUCCESS) {
                    failedEvents.incrementAndGet();
                }
                cycles.incrementAndGet();
                java.util.concurrent.locks.LockSupport.parkNanos(20_000);
            }
        }, "toggler");
        toggler.start();
        for (Thread t : indicators) {
            t.start();
        }
        boolean finished = indicatorsDone.await(120, TimeUnit.SECONDS);
        indicating.set(false);
        toggler.join(10_000);
        assertTrue(finished && !toggler.isAlive(), "deadlock or stall: " + threadDump());

        assertEquals(0, breaches.get(), "receives after a protocol returned from the port's deactivation (D33)");
        assertEquals(0, wrongReturns.get(), "indications whose list did not come back exactly once");
        assertEquals(0, failedEvents.get(), "port events that failed");
        assertEquals(p1.received.get(), p2.received.get(), "both bindings got every delivered receive");
        assertTrue(cycles.get() > 0, "the port was toggled");
        long dropped = fx.engine.verifier.total();
        System.out.printf("D33 stress: %d indications, %d delivered to each protocol, %d verifier records, %d toggles%n",
                (long) THREADS * PER_THREAD, p1.received.get(), dropped, cycles.get());
    }

    private static String threadDump() {
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
