package org.ndisport.binding.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One fault injected into a driver or protocol callback: it throws, or it blocks until the test
 * releases it (a very slow return). A one-shot fault strikes only the first call.
 */
final class Fault {
    static final long WAIT_SECONDS = 10;

    /** What the callback does at the injection point. */
    enum Kind { THROW, BLOCK, LINKAGE_ERROR }

    /** The exception an injected fault throws. */
    static final class Injected extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Injected(String where) {
            super("injected fault in " + where);
        }
    }

    private final Kind kind;
    private final boolean once;
    private final AtomicBoolean spent = new AtomicBoolean();
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
    private final CountDownLatch left = new CountDownLatch(1);

    private Fault(Kind kind, boolean once) {
        this.kind = kind;
        this.once = once;
    }

    static Fault throwing() {
        return new Fault(Kind.THROW, false);
    }

    static Fault throwingOnce() {
        return new Fault(Kind.THROW, true);
    }

    static Fault blockingOnce() {
        return new Fault(Kind.BLOCK, true);
    }

    /** A NoClassDefFoundError, what a callback into a bundle that was refreshed or uninstalled throws. */
    static Fault linkageError() {
        return new Fault(Kind.LINKAGE_ERROR, true);
    }

    /** Called by the faulty callback at its injection point. */
    void strike(String where) {
        if (once && !spent.compareAndSet(false, true)) {
            return;
        }
        entered.countDown();
        switch (kind) {
            case THROW -> throw new Injected(where);
            case LINKAGE_ERROR -> throw new NoClassDefFoundError("injected: " + where);
            case BLOCK -> block();
        }
    }

    private void block() {
        try {
            released.await(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            left.countDown();
        }
    }

    /** Waits until the fault struck a caller (for a blocking fault: holds it). */
    void awaitEntered() throws InterruptedException {
        assertTrue(entered.await(WAIT_SECONDS, TimeUnit.SECONDS), "the faulty callback was never called");
    }

    /** Lets the blocked caller go on. */
    void release() {
        released.countDown();
    }

    /** True once the blocked caller went on. */
    boolean left() {
        return left.getCount() == 0;
    }

    /** A release that runs as a callback (for hooks). */
    Runnable releaser() {
        return this::release;
    }
}
