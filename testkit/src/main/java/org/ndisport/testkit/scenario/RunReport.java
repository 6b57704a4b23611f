package org.ndisport.testkit.scenario;

import java.util.List;

/** The results of a run, in order, and its summary line. */
public record RunReport(List<ScenarioResult> results) {
    /** Copies the list. */
    public RunReport {
        results = List.copyOf(results);
    }

    public long passed() {
        return results.stream().filter(ScenarioResult::passed).count();
    }

    public long failed() {
        return results.size() - passed();
    }

    /** {@code N passed, N failed}: the last line of a run. */
    public String summary() {
        return passed() + " passed, " + failed() + " failed";
    }
}
