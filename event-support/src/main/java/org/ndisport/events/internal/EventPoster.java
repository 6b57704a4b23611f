package org.ndisport.events.internal;

import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands events to EventAdmin's {@code postEvent} from one thread, in the order they were given (N64).
 * EventAdmin keeps only the order of events posted by one thread, and the engine changes one port from
 * several threads; posting them all from one thread keeps every source's events in order. The caller
 * only queues, so neither a slow handler nor a failing EventAdmin reaches the port path. Shared by
 * core-impl and protocol-binding, each of which carries its own private copy of this package.
 */
public final class EventPoster {
    private static final Logger LOG = LoggerFactory.getLogger(EventPoster.class);

    private final AtomicReference<EventAdmin> warned = new AtomicReference<>();
    private final Executor executor;

    /** Posts from a single thread named {@code threadName} that exists only while there is something to post. */
    public EventPoster(String threadName) {
        this.executor = new ThreadPoolExecutor(0, 1, 5, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    /** Posts with {@code executor} (unit tests: {@code Runnable::run}). */
    public EventPoster(Executor executor) {
        this.executor = executor;
    }

    /** Queues {@code topic} with {@code properties} for {@code admin}. */
    public void post(EventAdmin admin, String topic, Map<String, ?> properties) {
        Event event = new Event(topic, properties);
        try {
            executor.execute(() -> deliver(admin, event));
        } catch (RejectedExecutionException e) {
            LOG.debug("event {} not posted: the poster is stopped", topic);
        }
    }

    /** Stops taking events; those already queued are still posted. */
    public void shutdown() {
        if (executor instanceof ThreadPoolExecutor pool) {
            pool.shutdown();
        }
    }

    private void deliver(EventAdmin admin, Event event) {
        try {
            admin.postEvent(event);
        } catch (RuntimeException e) {
            if (warned.getAndSet(admin) != admin) {
                LOG.warn("EventAdmin failed to post {}; events are lost while it fails (N64)", event.getTopic(), e);
            } else {
                LOG.debug("EventAdmin failed to post {}", event.getTopic(), e);
            }
        }
    }
}
