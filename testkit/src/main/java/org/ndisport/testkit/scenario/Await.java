package org.ndisport.testkit.scenario;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Re-checks an expectation until it holds or the wait ends, because bindings and pended events settle
 * on other threads. A check returns null when it holds, else what it saw.
 */
final class Await {
    private Await() {
    }

    /** The last mismatch seen, or null once {@code check} held within {@code timeoutMillis}. */
    static String until(Supplier<String> check, long timeoutMillis) {
        return until(check, timeoutMillis, got -> false);
    }

    /** As {@link #until(Supplier, long)}, giving up at once on a mismatch {@code decisive} accepts. */
    static String until(Supplier<String> check, long timeoutMillis, java.util.function.Predicate<String> decisive) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (true) {
            String got = check.get();
            if (got == null || decisive.test(got) || System.nanoTime() > deadline) {
                return got;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }
}
