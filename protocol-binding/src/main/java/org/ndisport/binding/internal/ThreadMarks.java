package org.ndisport.binding.internal;

/**
 * What the calling thread is doing inside bindings right now: the bindings it is indicating to and the
 * bindings whose requests it is passing down. A wait for a binding's indications or requests to finish
 * skips the caller's own, so a protocol (or miniport) that unbinds or deactivates from inside such a
 * call does not wait for itself. One small fixed array per thread; nothing allocated per call.
 */
final class ThreadMarks {
    private static final int DEPTH = 16;
    private static final ThreadLocal<ThreadMarks> CURRENT = ThreadLocal.withInitial(ThreadMarks::new);

    private final Binding[] indicating = new Binding[DEPTH];
    private final Binding[] requesting = new Binding[DEPTH];
    private int indicatingDepth;
    private int requestingDepth;

    static ThreadMarks current() {
        return CURRENT.get();
    }

    void beginIndication(Binding b) {
        if (indicatingDepth < DEPTH) {
            indicating[indicatingDepth] = b;
        }
        indicatingDepth++;
    }

    void endIndication() {
        indicatingDepth--;
        if (indicatingDepth < DEPTH) {
            indicating[indicatingDepth] = null;
        }
    }

    void beginRequest(Binding b) {
        if (requestingDepth < DEPTH) {
            requesting[requestingDepth] = b;
        }
        requestingDepth++;
    }

    void endRequest() {
        requestingDepth--;
        if (requestingDepth < DEPTH) {
            requesting[requestingDepth] = null;
        }
    }

    /** Indications to {@code b} in progress on this thread. */
    int indicationsTo(Binding b) {
        return count(indicating, indicatingDepth, b);
    }

    /** Requests of {@code b} being passed down on this thread. */
    int requestsOf(Binding b) {
        return count(requesting, requestingDepth, b);
    }

    private static int count(Binding[] stack, int depth, Binding b) {
        int n = 0;
        for (int i = 0; i < Math.min(depth, DEPTH); i++) {
            if (stack[i] == b) {
                n++;
            }
        }
        return n;
    }
}
