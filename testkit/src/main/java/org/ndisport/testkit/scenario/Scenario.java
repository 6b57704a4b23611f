package org.ndisport.testkit.scenario;

import java.util.List;

/**
 * One parsed scenario.
 *
 * @param name        its name
 * @param source      the file (or text) it came from
 * @param line        the line of {@code scenario NAME}
 * @param lastLine    its last non-blank line
 * @param steps       its lines in order
 * @param syntaxError a description with its line number when the scenario does not follow the format
 *                    (it then fails without running), else null
 */
public record Scenario(String name, String source, int line, int lastLine, List<Step> steps, String syntaxError) {
    /** Copies the steps. */
    public Scenario {
        steps = List.copyOf(steps);
    }
}
