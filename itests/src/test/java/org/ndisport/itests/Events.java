package org.ndisport.itests;

import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.ndisport.api.runtime.EventTopics;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * What the runtime posts to EventAdmin about adapters, ports and the verifier, as lines: {@code phase nicA RUNNING},
 * {@code port loop0 1 ACTIVATED}, {@code violation R40 loop0} and {@code warning D28 nicA}. Records
 * stay readable after the engine that posted them stopped, so a test sees what a halt recorded even
 * when the verifier went away with its engine.
 */
final class Events implements EventHandler, AutoCloseable {
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final ServiceRegistration<EventHandler> registration;

    Events(BundleContext context) {
        Dictionary<String, Object> props = new Hashtable<>();
        // the adapters' own topics: binds and unbinds (org/ndisport/binding/*) are not adapter changes
        props.put(EventConstants.EVENT_TOPIC, new String[] {"org/ndisport/adapter/*", "org/ndisport/port/*",
            "org/ndisport/verifier/*"});
        registration = context.registerService(EventHandler.class, this, props);
    }

    @Override
    public void handleEvent(Event event) {
        Object adapter = event.getProperty(EventTopics.ADAPTER);
        switch (event.getTopic()) {
            case EventTopics.ADAPTER_PHASE -> lines.add("phase " + adapter + " " + event.getProperty(EventTopics.PHASE));
            case EventTopics.PORT_STATE -> lines.add("port " + adapter + " " + event.getProperty(EventTopics.PORT) + " "
                    + event.getProperty(EventTopics.STATE));
            case EventTopics.VIOLATION -> lines.add("violation " + event.getProperty(EventTopics.RULE) + " " + adapter
                    + ": " + event.getProperty(EventTopics.MESSAGE));
            case EventTopics.WARNING -> lines.add("warning " + event.getProperty(EventTopics.RULE) + " " + adapter
                    + ": " + event.getProperty(EventTopics.MESSAGE));
            default -> lines.add(event.getTopic() + " " + adapter);
        }
        Changes.signal();
    }

    /** Every line so far, oldest first. */
    List<String> lines() {
        return List.copyOf(lines);
    }

    /** Lines about {@code adapter} (phase and port lines name it second). */
    List<String> about(String adapter) {
        return matching(l -> l.split(" ").length > 1 && l.split(" ")[1].equals(adapter));
    }

    /** Verifier violations and warnings so far. */
    List<String> findings() {
        return matching(l -> l.startsWith("violation ") || l.startsWith("warning "));
    }

    List<String> matching(Predicate<String> which) {
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            if (which.test(l)) {
                out.add(l);
            }
        }
        return out;
    }

    /** Forgets the lines so far. */
    void clear() {
        lines.clear();
    }

    @Override
    public void close() {
        registration.unregister();
    }
}
