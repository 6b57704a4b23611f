package org.ndisport.binding.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.ndisport.api.runtime.EventTopics;
import org.ndisport.events.internal.EventPoster;
import org.ndisport.events.internal.TopicInterest;
import org.osgi.service.event.EventAdmin;

/**
 * Posts {@code org/ndisport/binding/BOUND} and {@code UNBOUND} to EventAdmin when it is present and some
 * handler's {@code event.topics} covers the topic (as core-impl does, N36). The caller only queues: one
 * thread of its own posts the events in order, so neither a slow handler nor a failing EventAdmin reaches
 * binds and unbinds (N64). Binds and unbinds only; never per frame.
 */
final class BindingEvents {
    private final AtomicReference<EventAdmin> eventAdmin = new AtomicReference<>();
    /** One thread that exists only while there is something to post: EventAdmin keeps one thread's order. */
    private final EventPoster poster = new EventPoster("ndisport-binding-events");
    private final TopicInterest interest =
            new TopicInterest(List.of(EventTopics.BINDING_BOUND, EventTopics.BINDING_UNBOUND));

    void eventAdmin(EventAdmin value) {
        eventAdmin.set(value);
    }

    void removeEventAdmin(EventAdmin value) {
        eventAdmin.compareAndSet(value, null);
    }

    /** A handler (keyed by its service reference) listens to {@code eventTopics} (String, String[] or collection). */
    void handler(Object handler, Object eventTopics) {
        interest.put(handler, eventTopics);
    }

    void removeHandler(Object handler) {
        interest.remove(handler);
    }

    /** {@code protocol} bound to {@code adapter}. */
    void bound(String adapter, ProtocolEntry protocol) {
        if (interest.wanted(EventTopics.BINDING_BOUND)) {
            post(EventTopics.BINDING_BOUND, Map.of(EventTopics.ADAPTER, adapter, EventTopics.PROTOCOL, protocol.name(),
                    EventTopics.BUNDLE, protocol.bundle()));
        }
    }

    /** The binding of {@code protocol} to {@code adapter} closed, for {@code reason}. */
    void unbound(String adapter, ProtocolEntry protocol, String reason) {
        if (interest.wanted(EventTopics.BINDING_UNBOUND)) {
            post(EventTopics.BINDING_UNBOUND, Map.of(EventTopics.ADAPTER, adapter, EventTopics.PROTOCOL,
                    protocol.name(), EventTopics.BUNDLE, protocol.bundle(), EventTopics.REASON, reason));
        }
    }

    /** Stops taking events; those already queued are still posted. */
    void shutdown() {
        poster.shutdown();
    }

    private void post(String topic, Map<String, ?> properties) {
        EventAdmin admin = eventAdmin.get();
        if (admin != null) {
            poster.post(admin, topic, properties);
        }
    }
}
