package org.ndisport.itests;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Waiting for the installation to reach a state: a condition is re-checked each time something
 * signals a change (an EventAdmin event, a service or bundle event, a protocol callback), with a
 * timeout. State that signals nothing (a third party's log) is re-checked at least every
 * {@link #RECHECK_MILLIS}.
 */
final class Changes {
    static final long RECHECK_MILLIS = 50;

    private static final Object MONITOR = new Object();
    private static final AtomicLong VERSION = new AtomicLong();

    private Changes() {
    }

    /** Something changed: wakes every waiter to re-check its condition. */
    static void signal() {
        VERSION.incrementAndGet();
        synchronized (MONITOR) {
            MONITOR.notifyAll();
        }
    }

    /**
     * Waits until {@code condition} holds or {@code timeoutMillis} passed; returns whether it holds.
     * The condition is evaluated without any lock held.
     */
    static boolean await(BooleanSupplier condition, long timeoutMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (true) {
            long seen = VERSION.get();
            if (condition.getAsBoolean()) {
                return true;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            synchronized (MONITOR) {
                if (VERSION.get() == seen) {
                    try {
                        MONITOR.wait(Math.max(1, Math.min(RECHECK_MILLIS, TimeUnit.NANOSECONDS.toMillis(left))));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new AssertionError(e);
                    }
                }
            }
        }
    }
}
