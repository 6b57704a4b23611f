package org.ndisport.events.internal;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which of the runtime's EventAdmin topics some registered {@code EventHandler} listens to, from the
 * handlers' {@code event.topics} properties (a topic, {@code prefix/*} or {@code *}, EventAdmin §113.7).
 * An event no handler listens to would be discarded by EventAdmin anyway; not building it keeps the port
 * and phase hot paths free of EventAdmin work when nobody listens. Thread safe; reads take no lock.
 */
public final class TopicInterest {
    private final Map<Object, List<String>> handlers = new ConcurrentHashMap<>();
    private volatile Map<String, Boolean> interest = Map.of();
    private final List<String> topics;

    /** Interest in these topics is tracked. */
    public TopicInterest(List<String> topics) {
        this.topics = List.copyOf(topics);
        recompute();
    }

    /** A handler (keyed by its service reference or id) listens to {@code eventTopics} (String, String[] or collection). */
    public void put(Object handler, Object eventTopics) {
        handlers.put(handler, patterns(eventTopics));
        recompute();
    }

    /** The handler is gone. */
    public void remove(Object handler) {
        handlers.remove(handler);
        recompute();
    }

    /** True when some handler listens to {@code topic}. */
    public boolean wanted(String topic) {
        return interest.getOrDefault(topic, Boolean.FALSE);
    }

    /** EventAdmin topic matching: exact, {@code *}, or {@code prefix/*} for any topic below prefix. */
    public static boolean matches(String pattern, String topic) {
        if (pattern.equals("*") || pattern.equals(topic)) {
            return true;
        }
        return pattern.endsWith("/*") && topic.startsWith(pattern.substring(0, pattern.length() - 1));
    }

    private synchronized void recompute() {
        Map<String, Boolean> next = new java.util.HashMap<>();
        for (String topic : topics) {
            boolean wanted = false;
            for (List<String> patterns : handlers.values()) {
                for (String p : patterns) {
                    wanted |= matches(p, topic);
                }
            }
            next.put(topic, wanted);
        }
        interest = Map.copyOf(next);
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
