package org.ndisport.core.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.ndisport.api.runtime.AdapterPhase;
import org.ndisport.api.runtime.EventTopics;
import org.ndisport.api.runtime.PortState;
import org.ndisport.api.runtime.Severity;
import org.ndisport.api.runtime.Violation;
import org.ndisport.core.adapter.internal.RuntimeEvents;
import org.ndisport.core.verifier.internal.RecordListener;
import org.ndisport.events.internal.EventPoster;
import org.ndisport.events.internal.TopicInterest;
import org.osgi.service.event.EventAdmin;

/**
 * Posts phase, port-state and verifier events to EventAdmin under {@code org/ndisport/}, when EventAdmin
 * is present and some handler listens to the topic ({@link TopicInterest}). Never called per frame.
 */
final class EventAdminEvents implements RuntimeEvents, RecordListener {
    private final AtomicReference<EventAdmin> eventAdmin = new AtomicReference<>();
    private final EventPoster poster;
    private final TopicInterest interest = new TopicInterest(List.of(EventTopics.ADAPTER_PHASE,
            EventTopics.PORT_STATE, EventTopics.VIOLATION, EventTopics.WARNING));

    /** Posts from its own thread, in order ({@link EventPoster}). */
    EventAdminEvents() {
        this(new EventPoster("ndisport-events"));
    }

    EventAdminEvents(EventPoster poster) {
        this.poster = poster;
    }

    /** Which topics registered handlers listen to. */
    TopicInterest interest() {
        return interest;
    }

    void eventAdmin(EventAdmin value) {
        eventAdmin.set(value);
    }

    void removeEventAdmin(EventAdmin value) {
        eventAdmin.compareAndSet(value, null);
    }

    @Override
    public void phaseChanged(String adapter, AdapterPhase phase) {
        if (eventAdmin.get() == null || !interest.wanted(EventTopics.ADAPTER_PHASE)) {
            return;
        }
        post(EventTopics.ADAPTER_PHASE, Map.of(EventTopics.ADAPTER, adapter, EventTopics.PHASE, phase.name()));
    }

    @Override
    public void portStateChanged(String adapter, int port, PortState state) {
        if (eventAdmin.get() == null || !interest.wanted(EventTopics.PORT_STATE)) {
            return;
        }
        post(EventTopics.PORT_STATE, Map.of(EventTopics.ADAPTER, adapter, EventTopics.PORT,
                Integer.toUnsignedLong(port), EventTopics.STATE, state.name()));
    }

    @Override
    public void recorded(Violation v) {
        String topic = v.severity() == Severity.WARNING ? EventTopics.WARNING : EventTopics.VIOLATION;
        if (eventAdmin.get() == null || !interest.wanted(topic)) {
            return;
        }
        Map<String, Object> p = new HashMap<>();
        p.put(EventTopics.ADAPTER, v.adapter());
        p.put(EventTopics.PORT, v.port());
        p.put(EventTopics.RULE, v.ruleId());
        p.put(EventTopics.SEVERITY, v.severity().name());
        p.put(EventTopics.BUNDLE, v.bundle());
        p.put(EventTopics.MESSAGE, v.message());
        p.put(EventTopics.SEQUENCE, v.sequence());
        post(topic, p);
    }

    private void post(String topic, Map<String, ?> properties) {
        EventAdmin admin = eventAdmin.get();
        if (admin != null) {
            poster.post(admin, topic, properties);
        }
    }

    /** Stops posting; events already queued are still posted. */
    void shutdown() {
        poster.shutdown();
    }
}
