package org.ndisport.binding.internal;

/**
 * What the calling thread is doing inside bindings right now: the bindings it is indicating to and the
 * bindings whose requests it is passing down. A wait for a binding's indications or requests to finish
 * skips the caller's own, so a protocol (or miniport) that unbinds or deactivates from inside such a
 * call does not wait for itself. One small fixed array per kind and thread; nothing allocated per call.
 */
final class ThreadMarks {
    private static final ThreadLocal<ThreadMarks> CURRENT = ThreadLocal.withInitial(ThreadMarks::new);

    /** Bindings this thread is inside, innermost last; deeper nesting is counted but not remembered. */
    static final class Stack {
        private static final int DEPTH = 16;
        private final Binding[] entries = new Binding[DEPTH];
        private int depth;

        void push(Binding b) {
            if (depth < DEPTH) {
                entries[depth] = b;
            }
            depth++;
        }

        void pop() {
            depth--;
            if (depth < DEPTH) {
                entries[depth] = null;
            }
        }

        /** How often {@code b} is on the stack. */
        int count(Binding b) {
            int n = 0;
            for (int i = 0; i < Math.min(depth, DEPTH); i++) {
                if (entries[i] == b) {
                    n++;
                }
            }
            return n;
        }
    }

    final Stack indicating = new Stack();
    final Stack requesting = new Stack();

    static ThreadMarks current() {
        return CURRENT.get();
    }
}
