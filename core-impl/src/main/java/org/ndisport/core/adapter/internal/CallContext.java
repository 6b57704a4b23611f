package org.ndisport.core.adapter.internal;

import org.ndisport.api.Irql;

/** Per-thread call context (D31): the modelled IRQL and whether the thread is inside MiniportOidRequest. */
public final class CallContext {
    private static final class State {
        private Irql irql = Irql.PASSIVE_LEVEL;
        private int oidDepth;
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
}
