package org.ndisport.core.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ndisport.events.internal.EventPoster;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** The engine's event poster: one thread, queue order, failures kept away from the caller (N64). */
class EventPosterTest {
    private static final int EVENTS = 1000;

    /** Records each event's {@code n} and the thread that posted it; counts down on each. */
    static final class RecordingAdmin implements EventAdmin {
        final List<Integer> order = new CopyOnWriteArrayList<>();
        final Set<String> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
        final CountDownLatch all = new CountDownLatch(EVENTS);

        @Override
        public void postEvent(Event event) {
            order.add((Integer) event.getProperty("n"));
            threads.add(Thread.currentThread().getName());
            all.countDown();
        }

        @Override
        public void sendEvent(Event event) {
            throw new AssertionError("sendEvent is never used");
        }
    }

    @Test
    @DisplayName("N64 events are posted with postEvent from one ndisport-events thread, in the order they were queued")
    void n64_oneThreadQueueOrder() throws InterruptedException {
        EventPoster poster = new EventPoster("ndisport-events");
        RecordingAdmin admin = new RecordingAdmin();
        for (int i = 0; i < EVENTS; i++) {
            poster.post(admin, "org/ndisport/port/STATE", Map.of("n", i));
        }
        assertTrue(admin.all.await(20, TimeUnit.SECONDS), "every event posted");
        poster.shutdown();
        assertEquals(IntStream.range(0, EVENTS).boxed().toList(), admin.order);
        assertEquals(Set.of("ndisport-events"), admin.threads);
    }

    @Test
    @DisplayName("N64 an EventAdmin that throws loses its event only: the caller returns, later events are posted")
    void n64_throwingEventAdminLosesTheEventOnly() {
        EventPoster poster = new EventPoster(Runnable::run);
        List<String> posted = new CopyOnWriteArrayList<>();
        EventAdmin flaky = new EventAdmin() {
            @Override
            public void postEvent(Event event) {
                if (event.getTopic().endsWith("BAD")) {
                    throw new IllegalStateException("broken EventAdmin");
                }
                posted.add(event.getTopic());
            }

            @Override
            public void sendEvent(Event event) {
                throw new AssertionError("sendEvent is never used");
            }
        };
        assertDoesNotThrow(() -> poster.post(flaky, "t/BAD", Map.of()));
        assertDoesNotThrow(() -> poster.post(flaky, "t/BAD", Map.of()));
        poster.post(flaky, "t/GOOD", Map.of());
        assertEquals(List.of("t/GOOD"), posted);
    }

    @Test
    @DisplayName("N64 after shutdown an event is dropped without an error; queued ones were still posted")
    void n64_afterShutdownDropped() throws InterruptedException {
        EventPoster poster = new EventPoster("ndisport-events");
        RecordingAdmin admin = new RecordingAdmin();
        for (int i = 0; i < EVENTS; i++) {
            poster.post(admin, "t", Map.of("n", i));
        }
        poster.shutdown();
        assertDoesNotThrow(() -> poster.post(admin, "t", Map.of("n", -1)));
        assertTrue(admin.all.await(20, TimeUnit.SECONDS), "queued events posted after shutdown");
        assertEquals(EVENTS, admin.order.size());
    }
}
