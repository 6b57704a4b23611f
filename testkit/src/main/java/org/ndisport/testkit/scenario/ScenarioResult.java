package org.ndisport.testkit.scenario;

/**
 * The outcome of one scenario.
 *
 * @param name    the scenario's name
 * @param source  the file it came from
 * @param passed  every step and expectation held and no verifier finding was left unconsumed
 * @param failure {@code line N: expected …, got …} when it failed, else null
 */
public record ScenarioResult(String name, String source, boolean passed, String failure) {
    /** The line {@code ./ndisport run} prints: {@code ok NAME} or {@code not ok NAME: line N: …}. */
    @Override
    public String toString() {
        return passed ? "ok " + name : "not ok " + name + ": " + failure;
    }
}
