package org.ndisport.binding.internal;

import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Predicate;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * An EventHandler for {@code org/ndisport/*} that keeps every event it is given, in delivery order. It
 * can be gated: while {@link #block()} is in force, every delivery waits for {@link #release()}.
 */
final class TopicRecorder implements EventHandler, AutoCloseable {
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final ServiceRegistration<EventHandler> registration;
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private volatile CountDownLatch entered = new CountDownLatch(0);

    TopicRecorder(BundleContext context) {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(EventConstants.EVENT_TOPIC, "org/ndisport/*");
        registration = context.registerService(EventHandler.class, this, props);
    }

    @Override
    public void handleEvent(Event event) {
        entered.countDown();
        try {
            gate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        events.add(event);
    }

    /** From now on deliveries wait in the handler until {@link #release()}; returns the latch of the first one entering. */
    CountDownLatch block() {
        entered = new CountDownLatch(1);
        gate = new CountDownLatch(1);
        return entered;
    }

    /** Lets every waiting and later delivery through. */
    void release() {
        gate.countDown();
    }

    /** Every event so far, in delivery order. */
    List<Event> events() {
        return List.copyOf(events);
    }

    /** The events of {@code topic} whose {@code key} property equals {@code value}, in delivery order. */
    List<Event> of(String topic, String key, Object value) {
        return matching(e -> e.getTopic().equals(topic) && Objects.equals(e.getProperty(key), value));
    }

    List<Event> matching(Predicate<Event> which) {
        List<Event> out = new ArrayList<>();
        for (Event e : events) {
            if (which.test(e)) {
                out.add(e);
            }
        }
        return out;
    }

    @Override
    public void close() {
        registration.unregister();
    }
}
