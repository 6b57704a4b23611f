package org.ndisport.testkit.scenario;

import java.util.ArrayList;
import java.util.List;
import org.ndisport.api.runtime.Verifier;
import org.ndisport.api.runtime.Violation;

/**
 * The verifier records of a scenario's adapters not yet consumed by an {@code expect violations} line.
 * Records about other adapters (a running default configuration) are not the scenario's business.
 */
final class Findings {
    private final ScenarioRun run;
    private final Verifier verifier;
    private long cursor;

    Findings(ScenarioRun run, Verifier verifier) {
        this.run = run;
        this.verifier = verifier;
        this.cursor = verifier.total();
    }

    /** {@code expect violations […]}: exactly these ids, any order, repeats counted; then they are consumed. */
    void expect(Step step, List<String> ids) {
        String expected = EventText.sorted(ids);
        List<Violation> seen = new ArrayList<>();
        String got = Await.until(() -> {
            seen.clear();
            seen.addAll(unconsumed());
            String now = EventText.sorted(ruleIds(seen));
            return now.equals(expected) ? null : now;
        }, 0);
        if (got != null) {
            throw StepFailure.expected(step.line(), "violations " + expected, "violations " + got + details(seen));
        }
        for (Violation v : seen) {
            cursor = Math.max(cursor, v.sequence());
        }
    }

    /** Fails at {@code line} when a record was left unconsumed. */
    void requireNoneLeft(int line) {
        List<Violation> left = unconsumed();
        if (!left.isEmpty()) {
            throw StepFailure.expected(line, "no unconsumed verifier findings",
                    EventText.sorted(ruleIds(left)) + details(left));
        }
    }

    private List<Violation> unconsumed() {
        List<Violation> out = new ArrayList<>();
        for (Violation v : verifier.violationsSince(cursor)) {
            if (run.declares(v.adapter())) {
                out.add(v);
            }
        }
        return out;
    }

    private static List<String> ruleIds(List<Violation> records) {
        List<String> out = new ArrayList<>();
        for (Violation v : records) {
            out.add(v.ruleId());
        }
        return out;
    }

    private static String details(List<Violation> records) {
        if (records.isEmpty()) {
            return "";
        }
        List<String> out = new ArrayList<>();
        for (Violation v : records) {
            out.add(v.ruleId() + (v.hasPort() ? " port " + v.port() : "") + ": " + v.message());
        }
        return " (" + String.join("; ", out) + ")";
    }
}
