package org.ndisport.testkit.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The repository's scenario files, mutated: lines and words deleted, duplicated and swapped, junk
 * words and random characters inserted. The parser accepts a mutant or gives each broken scenario a
 * syntax error starting {@code line N:} with N a line of the text, and never throws; the runner turns
 * every mutant into results ({@code line N: …}), never an exception or a runner failure, and leaves no
 * adapter behind. Parsing is a single pass over the text, so a hang would stall this test, not pass it.
 */
class ScenarioMutationTest {
    private static final List<String> FILES = files();
    private static final List<String> SCENARIOS = scenarios(FILES);
    private static final Pattern LINE_ERROR = Pattern.compile("line (\\d+): .+", Pattern.DOTALL);
    private static final Pattern FAILURE = Pattern.compile("(syntax error: )?line (\\d+): .+", Pattern.DOTALL);
    private static final List<String> JUNK = List.of("-1", "0x", "0x+1", "4294967296", "0xFFFFFFFF", "0x7fffffff",
            "99999999999999999999", "[", "]", "[]", "[[", "{", "}", "=>", "#", "=", "count=0", "count=65536",
            "length=0xffffffff", "\u0661", "caf\u00e9", "\t", "\r", "\u0000", "\uFEFF", "\u00a0", "SUCCESS", "FAILURE",
            "VIOLATION", "port", "return", "scenario", "miniport", "protocol", "init", "halt", "expect", "m1", "p1");
    private final EngineEnvironment env = new EngineEnvironment();

    @Example
    void theShippedScenarioFilesParseWithoutError() {
        assertTrue(FILES.size() >= 10, "the scenario files were found");
        for (String text : FILES) {
            for (Scenario s : ScenarioParser.parse("shipped", text)) {
                assertNull(s.syntaxError(), s.name());
            }
        }
    }

    @Property(tries = 1000)
    void n50_aMutatedFileParsesOrNamesTheBrokenLine(@ForAll("mutatedFiles") String text) {
        int lines = text.split("\n", -1).length;
        for (Scenario s : ScenarioParser.parse("m.scn", text)) {
            if (s.syntaxError() != null) {
                Matcher m = LINE_ERROR.matcher(s.syntaxError());
                assertTrue(m.matches(), s.syntaxError());
                int line = Integer.parseInt(m.group(1));
                assertTrue(line >= 1 && line <= lines, s.syntaxError());
            }
            for (Step step : s.steps()) {
                assertTrue(step.line() >= s.line() && step.line() <= s.lastLine(), step.toString());
            }
        }
    }

    @Property(tries = 400)
    void n29_aMutatedScenarioRunsToAResultNeverAnException(@ForAll("mutatedScenarios") String text) throws Exception {
        List<String> out = new ArrayList<>();
        RunReport report = new ScenarioRunner(env, 0).run(ScenarioParser.parse("m.scn", text), out::add);
        for (ScenarioResult r : report.results()) {
            if (!r.passed()) {
                assertTrue(FAILURE.matcher(r.failure()).matches(), r.failure());
                assertFalse(r.failure().contains("the runner failed") || r.failure().contains("the call threw"),
                        r.failure());
            }
        }
        assertEquals(report.summary(), out.get(out.size() - 1));
        assertTrue(env.engine.adapters().isEmpty(), "every adapter torn down");
    }

    @Provide
    Arbitrary<String> mutatedFiles() {
        return mutants(Arbitraries.of(FILES));
    }

    @Provide
    Arbitrary<String> mutatedScenarios() {
        return mutants(Arbitraries.of(SCENARIOS));
    }

    private static Arbitrary<String> mutants(Arbitrary<String> seeds) {
        Arbitrary<Mutation> mutation = Combinators.combine(Arbitraries.integers().between(0, 8),
                Arbitraries.integers().greaterOrEqual(0), Arbitraries.integers().greaterOrEqual(0),
                Arbitraries.oneOf(Arbitraries.of(JUNK), Arbitraries.strings().withCharRange('\u0000', '\u00ff')
                        .ofMaxLength(6), Arbitraries.strings().all().ofMaxLength(3))).as(Mutation::new);
        return Combinators.combine(seeds, mutation.list().ofMinSize(1).ofMaxSize(6)).as((seed, all) -> {
            List<String> lines = new ArrayList<>(List.of(seed.split("\n", -1)));
            all.forEach(m -> m.apply(lines));
            return String.join("\n", lines);
        });
    }

    /** One edit, its positions taken modulo the sizes they index. */
    private record Mutation(int kind, int a, int b, String junk) {
        void apply(List<String> lines) {
            if (lines.isEmpty()) {
                lines.add(junk);
                return;
            }
            int i = a % lines.size();
            String line = lines.get(i);
            List<String> words = new ArrayList<>(List.of(line.split(" ", -1)));
            int w = b % words.size();
            switch (kind) {
                case 0 -> lines.remove(i);
                case 1 -> lines.add(i, line);
                case 2 -> {
                    int j = b % lines.size();
                    lines.set(i, lines.get(j));
                    lines.set(j, line);
                }
                case 3 -> {
                    words.remove(w);
                    lines.set(i, String.join(" ", words));
                }
                case 4 -> {
                    words.add(w, words.get(w));
                    lines.set(i, String.join(" ", words));
                }
                case 5 -> {
                    words.add(w, words.remove(words.size() - 1));
                    lines.set(i, String.join(" ", words));
                }
                case 6 -> {
                    words.set(w, junk);
                    lines.set(i, String.join(" ", words));
                }
                case 7 -> {
                    int at = b % (line.length() + 1);
                    lines.set(i, line.substring(0, at) + junk + line.substring(at));
                }
                default -> lines.add(i, junk);
            }
        }
    }

    private static List<String> files() {
        Path dir = Path.of(System.getProperty("ndisport.scenarios", "../scenarios"));
        try (Stream<Path> s = Files.list(dir)) {
            List<String> out = new ArrayList<>();
            for (Path p : s.filter(p -> p.toString().endsWith(".scn")).sorted().toList()) {
                out.add(Files.readString(p, StandardCharsets.UTF_8));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each scenario of the files as a text of its own, from its {@code scenario} line to the next. */
    private static List<String> scenarios(List<String> files) {
        List<String> out = new ArrayList<>();
        for (String text : files) {
            for (String part : text.split("\n(?=scenario )")) {
                if (part.startsWith("scenario ")) {
                    out.add(part);
                }
            }
        }
        return out;
    }
}
