package org.ndisport.binding.internal;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.ndisport.api.runtime.EventTopics;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts {@code org/ndisport/binding/BOUND} and {@code UNBOUND} to EventAdmin when it is present and some
 * handler's {@code event.topics} covers the topic (as core-impl does, N36). The caller only queues: one
 * thread of its own posts the events in order, so neither a slow handler nor a failing EventAdmin reaches
 * binds and unbinds (N64). Binds and unbinds only; never per frame.
 */
final class BindingEvents {
    private static final Logger LOG = LoggerFactory.getLogger(BindingEvents.class);

    private final AtomicReference<EventAdmin> eventAdmin = new AtomicReference<>();
    private final AtomicReference<EventAdmin> warned = new AtomicReference<>();
    /** One thread that exists only while there is something to post: EventAdmin keeps one thread's order. */
    private final ThreadPoolExecutor poster = new ThreadPoolExecutor(0, 1, 5, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, "ndisport-binding-events");
                t.setDaemon(true);
                return t;
            });
    private final Map<Object, List<String>> handlers = new ConcurrentHashMap<>();
    private volatile boolean boundWanted;
    private volatile boolean unboundWanted;

    void eventAdmin(EventAdmin value) {
        eventAdmin.set(value);
    }

    void removeEventAdmin(EventAdmin value) {
        eventAdmin.compareAndSet(value, null);
    }

    /** A handler (keyed by its service reference) listens to {@code eventTopics} (String, String[] or collection). */
    void handler(Object handler, Object eventTopics) {
        handlers.put(handler, patterns(eventTopics));
        recompute();
    }

    void removeHandler(Object handler) {
        handlers.remove(handler);
        recompute();
    }

    /** {@code protocol} bound to {@code adapter}. */
    void bound(String adapter, ProtocolEntry protocol) {
        if (boundWanted) {
            post(EventTopics.BINDING_BOUND, Map.of(EventTopics.ADAPTER, adapter, EventTopics.PROTOCOL, protocol.name(),
                    EventTopics.BUNDLE, protocol.bundle()));
        }
    }

    /** The binding of {@code protocol} to {@code adapter} closed, for {@code reason}. */
    void unbound(String adapter, ProtocolEntry protocol, String reason) {
        if (unboundWanted) {
            post(EventTopics.BINDING_UNBOUND, Map.of(EventTopics.ADAPTER, adapter, EventTopics.PROTOCOL,
                    protocol.name(), EventTopics.BUNDLE, protocol.bundle(), EventTopics.REASON, reason));
        }
    }

    private void post(String topic, Map<String, ?> properties) {
        EventAdmin admin = eventAdmin.get();
        if (admin == null) {
            return;
        }
        Event event = new Event(topic, properties);
        try {
            poster.execute(() -> deliver(admin, event));
        } catch (RejectedExecutionException e) {
            LOG.debug("event {} not posted: the binding layer is stopped", topic);
        }
    }

    /** Stops taking events; those already queued are still posted. */
    void shutdown() {
        poster.shutdown();
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

    private synchronized void recompute() {
        boundWanted = wanted(EventTopics.BINDING_BOUND);
        unboundWanted = wanted(EventTopics.BINDING_UNBOUND);
    }

    private boolean wanted(String topic) {
        return handlers.values().stream().flatMap(List::stream).anyMatch(p -> matches(p, topic));
    }

    /** EventAdmin topic matching (§113.7): exact, {@code *}, or {@code prefix/*} for any topic below prefix. */
    static boolean matches(String pattern, String topic) {
        if (pattern.equals("*") || pattern.equals(topic)) {
            return true;
        }
        return pattern.endsWith("/*") && topic.startsWith(pattern.substring(0, pattern.length() - 1));
    }

    private static List<String> patterns(Object eventTopics) {
        if (eventTopics instanceof String s) {
            return List.of(s);
        }
        if (eventTopics instanceof String[] a) {
            return Arrays.stream(a).filter(Objects::nonNull).toList();
        }
        if (eventTopics instanceof Collection<?> c) {
            return c.stream().filter(Objects::nonNull).map(String::valueOf).toList();
        }
        return List.of();
    }
}
