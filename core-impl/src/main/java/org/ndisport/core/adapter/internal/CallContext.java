package org.ndisport.core.adapter.internal;

import org.ndisport.api.Irql;
import org.ndisport.core.port.internal.PortEntry;

/**
 * Per-thread call context (D31): the modelled IRQL, whether the thread is inside MiniportOidRequest,
 * and which ports it is indicating on right now, so a drain never waits for its own thread (D33).
 */
public final class CallContext {
    private static final int MAX_NESTED_INDICATIONS = 8;

    private static final class State {
        private Irql irql = Irql.PASSIVE_LEVEL;
        private int oidDepth;
        private final PortEntry[] indicating = new PortEntry[MAX_NESTED_INDICATIONS];
        private int indicatingDepth;
    }

    private final ThreadLocal<State> state = ThreadLocal.withInitial(State::new);

    /** The calling thread's level. */
    public Irql irql() {
        return state.get().irql;
    }

    /** Sets the calling thread's level and returns the previous one for {@link #restore}. */
    public Irql enter(Irql level) {
        State s = state.get();
        Irql previous = s.irql;
        s.irql = level;
        return previous;
    }

    /** Restores a level returned by {@link #enter}. */
    public void restore(Irql previous) {
        state.get().irql = previous;
    }

    /** Marks the thread as inside MiniportOidRequest. */
    public void enterOidRequest() {
        state.get().oidDepth++;
    }

    /** Marks the thread as back from MiniportOidRequest. */
    public void exitOidRequest() {
        state.get().oidDepth--;
    }

    /** True inside MiniportOidRequest (R57). */
    public boolean inOidRequest() {
        return state.get().oidDepth > 0;
    }

    /** Begins an indication on {@code entry} from this thread; pair with {@link #endIndication}. */
    void beginIndication(PortEntry entry) {
        entry.beginIndication();
        State s = state.get();
        if (s.indicatingDepth < MAX_NESTED_INDICATIONS) {
            s.indicating[s.indicatingDepth] = entry;
        }
        s.indicatingDepth++;
    }

    /** Ends the indication begun last on this thread. */
    void endIndication(PortEntry entry) {
        State s = state.get();
        s.indicatingDepth--;
        if (s.indicatingDepth < MAX_NESTED_INDICATIONS) {
            s.indicating[s.indicatingDepth] = null;
        }
        entry.endIndication();
    }

    /** Waits until the indications on {@code entries} begun on other threads have finished (D33). */
    void awaitOthersIndicating(Iterable<PortEntry> entries) {
        for (PortEntry e : entries) {
            while (othersIndicating(e) > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(10_000);
            }
        }
    }

    /** Indications on {@code entry} in progress on other threads than this one. */
    int othersIndicating(PortEntry entry) {
        State s = state.get();
        int own = 0;
        for (int i = 0; i < Math.min(s.indicatingDepth, MAX_NESTED_INDICATIONS); i++) {
            if (s.indicating[i] == entry) {
                own++;
            }
        }
        return entry.indicationsInProgress() - own;
    }
}
