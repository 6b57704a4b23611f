package org.ndisport.binding.internal;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One binding's sends and OIDs that the miniport has not completed yet, per port, so completing a
 * deactivation event can check P-2 for exactly the listed ports.
 */
final class OutstandingRequests {
    private final ConcurrentHashMap<Integer, AtomicInteger> byPort = new ConcurrentHashMap<>();

    void add(int port, int count) {
        byPort.computeIfAbsent(port, p -> new AtomicInteger()).addAndGet(count);
    }

    void remove(int port, int count) {
        AtomicInteger n = byPort.get(port);
        if (n != null) {
            n.addAndGet(-count);
        }
    }

    /** Requests outstanding on every port. */
    int total() {
        int sum = 0;
        for (AtomicInteger n : byPort.values()) {
            sum += n.get();
        }
        return sum;
    }

    /** Requests outstanding on {@code port}. */
    int on(int port) {
        AtomicInteger n = byPort.get(port);
        return n == null ? 0 : n.get();
    }
}
