package org.ndisport.core.port.internal;

import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import org.ndisport.api.port.AuthStates;
import org.ndisport.api.port.LinkState;
import org.ndisport.api.runtime.PortState;
import org.ndisport.api.runtime.PortView;

/**
 * One existing port: its state with transition flag, what allocation gave, its cached link and auth
 * state (D20), and a count of indications in progress for draining (D33). State changes happen under
 * the adapter's state lock; reads take no lock.
 */
public final class PortEntry {
    private static final AtomicIntegerFieldUpdater<PortEntry> IN_PROGRESS =
            AtomicIntegerFieldUpdater.newUpdater(PortEntry.class, "indicationsInProgress");
    private static final AtomicLongFieldUpdater<PortEntry> DROPPED =
            AtomicLongFieldUpdater.newUpdater(PortEntry.class, "droppedIndications");
    private static final AtomicLongFieldUpdater<PortEntry> SENT =
            AtomicLongFieldUpdater.newUpdater(PortEntry.class, "framesSent");
    private static final AtomicLongFieldUpdater<PortEntry> RECEIVED =
            AtomicLongFieldUpdater.newUpdater(PortEntry.class, "framesReceived");

    private final int number;
    private final int type;
    private final int flags;
    private volatile PortState state = PortState.ALLOCATED;
    private volatile LinkState linkState;
    private volatile AuthStates authStates;
    private volatile boolean lastActivationFailed;
    private volatile int indicationsInProgress;
    private volatile long droppedIndications;
    private volatile long framesSent;
    private volatile long framesReceived;

    /** A new ALLOCATED port (R6). */
    public PortEntry(int number, int type, int flags, LinkState linkState, AuthStates authStates) {
        this.number = number;
        this.type = type;
        this.flags = flags;
        this.linkState = linkState;
        this.authStates = authStates;
    }

    public int number() {
        return number;
    }

    public int type() {
        return type;
    }

    public int flags() {
        return flags;
    }

    public PortState state() {
        return state;
    }

    /** Sets the state; callers hold the adapter's state lock. */
    public void state(PortState value) {
        this.state = value;
    }

    public LinkState linkState() {
        return linkState;
    }

    public AuthStates authStates() {
        return authStates;
    }

    /** Overwrites the cache (D20). */
    public void cache(LinkState link, AuthStates auth) {
        this.linkState = link;
        this.authStates = auth;
    }

    public boolean lastActivationFailed() {
        return lastActivationFailed;
    }

    public void lastActivationFailed(boolean value) {
        this.lastActivationFailed = value;
    }

    /** Marks an indication as begun; pair with {@link #endIndication()}. */
    public void beginIndication() {
        IN_PROGRESS.incrementAndGet(this);
    }

    /** Marks an indication as finished. */
    public void endIndication() {
        IN_PROGRESS.decrementAndGet(this);
    }

    /** Indications begun and not yet finished. */
    public int indicationsInProgress() {
        return indicationsInProgress;
    }

    /** Counts one dropped indication. */
    public void countDropped() {
        DROPPED.incrementAndGet(this);
    }

    public long droppedIndications() {
        return droppedIndications;
    }

    /** Counts lists passed to the miniport's send handler. */
    public void countSent(int lists) {
        SENT.addAndGet(this, lists);
    }

    /** Counts lists delivered to the binding layer. */
    public void countReceived(int lists) {
        RECEIVED.addAndGet(this, lists);
    }

    /** A snapshot for tools. */
    public PortView view() {
        return new PortView(number, state, type, flags, linkState, authStates, lastActivationFailed,
                droppedIndications, framesSent, framesReceived);
    }
}
