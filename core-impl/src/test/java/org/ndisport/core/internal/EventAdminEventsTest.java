package org.ndisport.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ndisport.api.runtime.AdapterPhase;
import org.ndisport.api.runtime.EventTopics;
import org.ndisport.api.runtime.PortState;
import org.ndisport.events.internal.EventPoster;
import org.ndisport.events.internal.TopicInterest;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** EventAdmin events are built only for topics a registered handler listens to. */
class EventAdminEventsTest {
    private final List<String> posted = new ArrayList<>();
    private final EventAdmin admin = new EventAdmin() {
        @Override
        public void postEvent(Event event) {
            posted.add(event.getTopic() + " " + event.getProperty(EventTopics.ADAPTER));
        }

        @Override
        public void sendEvent(Event event) {
            postEvent(event);
        }
    };

    @Test
    @DisplayName("topic patterns as EventAdmin matches them: exact, prefix/*, *")
    void topicPatterns() {
        assertTrue(TopicInterest.matches("org/ndisport/port/STATE", EventTopics.PORT_STATE));
        assertTrue(TopicInterest.matches("org/ndisport/*", EventTopics.PORT_STATE));
        assertTrue(TopicInterest.matches("org/*", EventTopics.PORT_STATE));
        assertTrue(TopicInterest.matches("*", EventTopics.PORT_STATE));
        assertFalse(TopicInterest.matches("org/ndisport/adapter/*", EventTopics.PORT_STATE));
        assertFalse(TopicInterest.matches("org/ndisport/port", EventTopics.PORT_STATE));
        assertFalse(TopicInterest.matches("org/ndisport/port/STATE/*", EventTopics.PORT_STATE));
    }

    @Test
    @DisplayName("nothing is built or posted while no handler listens; a handler's topics turn posting on and off")
    void postsOnlyWhatSomeHandlerListensTo() {
        EventAdminEvents events = new EventAdminEvents(new EventPoster(Runnable::run));
        events.eventAdmin(admin);
        events.portStateChanged("a", 1, PortState.ACTIVATED);
        events.phaseChanged("a", AdapterPhase.P2_OPERATIONAL);
        assertEquals(List.of(), posted);

        events.interest().put("h1", new String[] {"org/ndisport/adapter/*"});
        events.portStateChanged("a", 1, PortState.ACTIVATED);
        events.phaseChanged("a", AdapterPhase.P2_OPERATIONAL);
        assertEquals(List.of(EventTopics.ADAPTER_PHASE + " a"), posted);

        events.interest().put("h2", "*");
        events.portStateChanged("b", 1, PortState.ACTIVATED);
        assertEquals(EventTopics.PORT_STATE + " b", posted.get(1));

        events.interest().put("h3", new String[] {null, "org/ndisport/adapter/PHASE"});
        assertTrue(events.interest().wanted(EventTopics.ADAPTER_PHASE), "a null entry does not hide the others");
        events.interest().remove("h3");
        events.interest().remove("h2");
        events.interest().remove("h1");
        events.phaseChanged("c", AdapterPhase.P2_OPERATIONAL);
        assertEquals(2, posted.size());
    }
}
