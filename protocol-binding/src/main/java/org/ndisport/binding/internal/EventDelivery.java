package org.ndisport.binding.internal;

import org.ndisport.api.NdisStatus;
import org.ndisport.api.pnp.NetPnPEventNotification;
import org.ndisport.api.runtime.Violation;

/**
 * Port events to the bindings of one adapter, serially in binding order, each binding with its own
 * copy, inside the miniport's NdisMNetPnPEvent call (D22, O-3, O-7). PENDING is awaited up to the
 * configured timeout, then P-4 is recorded and delivery goes on; NOT_SUPPORTED and failures are
 * warnings (P-3, P-5) that never change the miniport's result (O-6).
 */
final class EventDelivery {
    private final long timeoutNanos;

    EventDelivery(long timeoutNanos) {
        this.timeoutNanos = timeoutNanos;
    }

    void deliver(AdapterBindings owner, NetPnPEventNotification notification) {
        PortEvent event = owner.begin(notification);
        try {
            for (Binding b : owner.bindings()) {
                deliver(b, event);
            }
        } finally {
            event.delivered();
        }
    }

    private void deliver(Binding b, PortEvent event) {
        NetPnPEventNotification copy = event.copyForBinding();
        PendingEvent pending = new PendingEvent(copy);
        b.pending(pending);
        if (event.activation()) {
            b.heard(event.sequence());
        }
        NdisStatus status = call(b, copy);
        if (status == NdisStatus.PENDING) {
            status = pending.await(timeoutNanos);
            if (status == null) {
                b.finding("P-4", Violation.NO_PORT, "port event pended and not completed within "
                        + timeoutNanos / 1_000_000 + " ms; delivery went on");
            }
        } else if (pending.completed()) {
            b.warning("D22", Violation.NO_PORT, "completed a port event it had not pended (returned " + status + ")");
        }
        b.pending(null);
        judge(b, status);
        if (!event.activation()) {
            b.returned(event.sequence());
            b.awaitRequestsPassedDown(timeoutNanos);
            checkDrained(b, event);
        }
    }

    private static NdisStatus call(Binding b, NetPnPEventNotification copy) {
        try {
            return b.protocol().driver().netPnPEvent(b, copy);
        } catch (Exception | Error e) {
            b.callbackThrew("netPnPEvent", Violation.NO_PORT, e);
            return null;
        }
    }

    /** P-3 and P-5: any answer but SUCCESS is a warning D22; the outcome is unchanged (O-6). */
    private static void judge(Binding b, NdisStatus status) {
        if (status == null || status == NdisStatus.SUCCESS) {
            return;
        }
        if (status == NdisStatus.NOT_SUPPORTED) {
            b.warning("D22", Violation.NO_PORT, "P-5: port event answered NOT_SUPPORTED");
        } else {
            b.warning("D22", Violation.NO_PORT, "P-3: port event answered " + status);
        }
    }

    /** P-2: sends and OIDs for the listed ports completed before the protocol completed the deactivation. */
    private static void checkDrained(Binding b, PortEvent event) {
        for (int port : event.ports()) {
            int left = b.outstanding().on(port);
            if (left > 0) {
                b.finding("P-2", Integer.toUnsignedLong(port),
                        left + " send or OID requests outstanding when the deactivation event completed");
            }
        }
    }
}
