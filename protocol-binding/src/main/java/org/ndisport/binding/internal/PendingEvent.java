package org.ndisport.binding.internal;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.pnp.NetPnPEventNotification;

/**
 * A port event handed to one protocol, which may complete it later with {@code NdisCompleteNetPnPEvent}
 * (P-4). Set up before the protocol is called, so a completion that arrives before the protocol even
 * returns PENDING is not lost.
 */
final class PendingEvent {
    private final NetPnPEventNotification notification;
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile NdisStatus status;
    private boolean expired;

    PendingEvent(NetPnPEventNotification notification) {
        this.notification = notification;
    }

    /** Completes the event if {@code completed} is its notification and it was not completed yet. */
    synchronized boolean complete(NetPnPEventNotification completed, NdisStatus value) {
        if (completed != notification || status != null || expired) {
            return false;
        }
        status = value;
        done.countDown();
        return true;
    }

    /** True once completed. */
    boolean completed() {
        return status != null;
    }

    /**
     * Waits up to {@code timeoutNanos} for the completion (an interrupt does not cut the wait short; it
     * is kept for the caller); on timeout the event expires, so a later completion is refused, and null
     * is returned.
     */
    NdisStatus await(long timeoutNanos) {
        long deadline = System.nanoTime() + timeoutNanos;
        boolean interrupted = false;
        while (true) {
            try {
                done.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            if (status == null) {
                expired = true;
            }
            return status;
        }
    }
}
