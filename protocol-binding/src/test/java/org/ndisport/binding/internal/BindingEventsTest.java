package org.ndisport.binding.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ndisport.api.runtime.EventTopics;
import org.ndisport.events.internal.TopicInterest;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** The binding layer's EventAdmin topics are built only for handlers that listen to them (N36, N65). */
class BindingEventsTest {
    private static final ProtocolEntry P1 = new ProtocolEntry(new RecordingProtocol("p1", new CopyOnWriteArrayList<>()),
            "p1", "p1.bundle", 1);

    private final List<Event> posted = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch expected = new CountDownLatch(0);
    private final EventAdmin admin = new EventAdmin() {
        @Override
        public void postEvent(Event event) {
            posted.add(event);
            expected.countDown();
        }

        @Override
        public void sendEvent(Event event) {
            throw new AssertionError("sendEvent is never used");
        }
    };

    @Test
    @DisplayName("N65 topic patterns as EventAdmin matches them: exact, prefix/*, *")
    void n65_topicPatterns() {
        assertTrue(TopicInterest.matches("org/ndisport/*", EventTopics.BINDING_BOUND));
        assertTrue(TopicInterest.matches("*", EventTopics.BINDING_UNBOUND));
        assertTrue(TopicInterest.matches(EventTopics.BINDING_BOUND, EventTopics.BINDING_BOUND));
        assertFalse(TopicInterest.matches("org/ndisport/port/*", EventTopics.BINDING_BOUND));
        assertFalse(TopicInterest.matches("org/ndisport/binding", EventTopics.BINDING_BOUND));
    }

    @Test
    @DisplayName("N65 nothing is posted without a listening handler; a handler for BOUND gets BOUND only, with its properties")
    void n65_onlyWhatAHandlerListensTo() throws InterruptedException {
        BindingEvents events = new BindingEvents();
        events.eventAdmin(admin);
        events.handler("h0", new String[] {"org/ndisport/port/*", null});
        events.bound("A", P1);
        events.unbound("A", P1, EventTopics.REASON_PROTOCOL_REMOVED);

        events.handler("h1", EventTopics.BINDING_BOUND);
        expected = new CountDownLatch(1);
        events.bound("A", P1);
        events.unbound("A", P1, EventTopics.REASON_PROTOCOL_REMOVED);
        assertTrue(expected.await(20, TimeUnit.SECONDS));
        events.removeHandler("h1");
        events.bound("B", P1);

        events.handler("h2", List.of("org/ndisport/binding/*"));
        expected = new CountDownLatch(1);
        events.unbound("C", P1, "HALT_SCHEDULED");
        assertTrue(expected.await(20, TimeUnit.SECONDS));
        events.shutdown();

        assertEquals(List.of(EventTopics.BINDING_BOUND, EventTopics.BINDING_UNBOUND),
                posted.stream().map(Event::getTopic).toList());
        Event bound = posted.get(0);
        assertEquals(List.of("A", "p1", "p1.bundle"), List.of(bound.getProperty(EventTopics.ADAPTER),
                bound.getProperty(EventTopics.PROTOCOL), bound.getProperty(EventTopics.BUNDLE)));
        assertEquals("C", posted.get(1).getProperty(EventTopics.ADAPTER));
        assertEquals("HALT_SCHEDULED", posted.get(1).getProperty(EventTopics.REASON));
    }
}
