package org.ndisport.testkit.scenario;

/** A step or expectation that did not hold: ends its scenario with {@code line N: message}. */
final class StepFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int line;

    StepFailure(int line, String message) {
        super(message, null, false, false);
        this.line = line;
    }

    static StepFailure expected(int line, Object expected, Object got) {
        return new StepFailure(line, "expected " + expected + ", got " + got);
    }

    int line() {
        return line;
    }
}
