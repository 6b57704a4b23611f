package org.ndisport.testkit.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses scenario text into {@link Scenario}s. A line that breaks the format makes its scenario carry a
 * syntax error (it fails without running); the other scenarios of the file are unaffected. Text before
 * the first {@code scenario} line is reported as a scenario named after the source, and so is a text with
 * no scenario at all (N52), so an empty or wrong file never passes. Parsing never throws: every problem
 * is a {@link Scenario#syntaxError()} starting {@code line N:}.
 */
public final class ScenarioParser {
    /** A UTF-8 byte-order mark, ignored at the start of a text (N50). */
    private static final String BOM = "\uFEFF";
    private final String source;
    private final List<Scenario> scenarios = new ArrayList<>();
    private String name;
    private int start;
    private int last;
    private List<Step> steps;
    private String error;
    private final Set<String> miniports = new HashSet<>();
    private final Set<String> protocols = new HashSet<>();
    private final Set<String> devices = new HashSet<>();
    private final Map<String, Integer> scenarioLines = new HashMap<>();
    private List<Step> block;
    private Step blockOwner;

    private ScenarioParser(String source) {
        this.source = source;
    }

    /** Every scenario of {@code text}, in order; {@code source} names the text in results. */
    public static List<Scenario> parse(String source, String text) {
        ScenarioParser p = new ScenarioParser(source);
        String[] lines = (text.startsWith(BOM) ? text.substring(1) : text).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            p.line(i + 1, line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
        }
        p.finish(lines.length);
        if (p.scenarios.isEmpty()) {
            p.scenarios.add(new Scenario(source, source, 1, 1, List.of(),
                    "line 1: no scenario in the text (expected a line 'scenario NAME')"));
        }
        return p.scenarios;
    }

    private void line(int number, String text) {
        List<String> words;
        try {
            words = Words.split(text);
        } catch (IllegalArgumentException e) {
            fail(number, e.getMessage());
            return;
        }
        if (words.isEmpty()) {
            return;
        }
        if (Words.keyword(words.get(0)).equals("scenario")) {
            finish(number - 1);
            begin(number, words);
            return;
        }
        if (name == null) {
            name = source;
            start = number;
            steps = new ArrayList<>();
            error = "line " + number + ": expected 'scenario NAME' first";
        }
        last = number;
        if (error != null) {
            return;
        }
        try {
            statement(number, words);
        } catch (IllegalArgumentException e) {
            fail(number, e.getMessage());
        }
    }

    private void begin(int number, List<String> words) {
        name = words.size() > 1 ? words.get(1) : "(unnamed)";
        start = number;
        last = number;
        steps = new ArrayList<>();
        error = null;
        miniports.clear();
        protocols.clear();
        devices.clear();
        block = null;
        if (words.size() != 2 || !Words.isName(words.get(1))) {
            error = "line " + number + ": expected 'scenario NAME' (letters, digits, '-', '_')";
        } else if (scenarioLines.putIfAbsent(name, number) != null) {
            error = "line " + number + ": scenario " + name + " is already defined at line " + scenarioLines.get(name);
        }
    }

    private void finish(int number) {
        if (name == null) {
            return;
        }
        if (block != null && error == null) {
            error = "line " + blockOwner.line() + ": block not closed with '}'";
        }
        scenarios.add(new Scenario(name, source, start, Math.max(last, start), steps, error));
        name = null;
    }

    private void fail(int number, String message) {
        if (name == null) {
            name = source;
            start = number;
            steps = new ArrayList<>();
        }
        last = number;
        if (error == null) {
            error = "line " + number + ": " + message;
        }
    }

    private void statement(int number, List<String> all) {
        int arrow = all.indexOf("=>");
        List<String> words = arrow < 0 ? all : all.subList(0, arrow);
        Expectation expectation = arrow < 0 ? null : Expectation.parse(all.subList(arrow + 1, all.size()));
        if (words.isEmpty()) {
            throw new IllegalArgumentException("nothing before '=>'");
        }
        if (block != null) {
            blockLine(number, words, expectation);
            return;
        }
        String first = Words.keyword(words.get(0));
        List<String> rest = words.subList(1, words.size());
        switch (first) {
            case "miniport", "device", "protocol", "option" -> declare(number, first, words, expectation);
            case "init", "halt" -> lifecycle(number, first, rest, expectation);
            case "expect" -> {
                noExpectation(expectation);
                Syntax.expect(rest, miniports, protocols);
                steps.add(new Step(number, Step.Kind.EXPECT, null, rest, null, List.of()));
            }
            default -> subjectStep(number, words, expectation);
        }
    }

    private void declare(int number, String keyword, List<String> words, Expectation expectation) {
        noExpectation(expectation);
        Syntax.declaration(keyword, words, devices);
        String declared = words.size() > 1 ? words.get(1) : "";
        switch (keyword) {
            case "miniport" -> unique(miniports, declared);
            case "protocol" -> unique(protocols, declared);
            case "device" -> unique(devices, declared);
            default -> {
            }
        }
        steps.add(new Step(number, Step.Kind.DECLARE, null, words, null, List.of()));
    }

    private void unique(Set<String> names, String declared) {
        if (miniports.contains(declared) || protocols.contains(declared) || devices.contains(declared)
                || !names.add(declared)) {
            throw new IllegalArgumentException("name '" + declared + "' is already declared");
        }
    }

    private void lifecycle(int number, String keyword, List<String> rest, Expectation expectation) {
        if (rest.isEmpty() || !miniports.contains(rest.get(0))) {
            throw new IllegalArgumentException(keyword + " needs a declared miniport adapter");
        }
        String adapter = rest.get(0);
        Step.Kind kind = keyword.equals("init") ? Step.Kind.INIT : Step.Kind.HALT;
        boolean opens = rest.size() == 2 && rest.get(1).equals("{");
        if (rest.size() > 1 && !opens) {
            throw new IllegalArgumentException("unexpected '" + rest.get(1) + "' after " + keyword + " " + adapter);
        }
        if (kind == Step.Kind.HALT && expectation != null) {
            throw new IllegalArgumentException("halt reports no status");
        }
        if (opens) {
            noExpectation(expectation);
            block = new ArrayList<>();
            blockOwner = new Step(number, kind, adapter, List.of(), null, List.of());
            return;
        }
        int block = kind == Step.Kind.INIT && expectation != null ? lastInitBlock(adapter) : -1;
        if (block >= 0) {
            steps.set(block, steps.get(block).withResultLater());
            steps.add(new Step(number, Step.Kind.INIT_RESULT, adapter, List.of(), expectation, List.of()));
            return;
        }
        steps.add(new Step(number, kind, adapter, List.of(), expectation, List.of()));
    }

    /** The index of A's latest init step if it is a block no result line checks yet, else -1. */
    private int lastInitBlock(String adapter) {
        for (int i = steps.size() - 1; i >= 0; i--) {
            Step s = steps.get(i);
            if (s.kind() == Step.Kind.INIT && s.subject().equals(adapter)) {
                return s.hasBlock() && !s.resultLater() && s.expectation() == null ? i : -1;
            }
        }
        return -1;
    }

    private void blockLine(int number, List<String> words, Expectation expectation) {
        String first = Words.keyword(words.get(0));
        if (first.equals("}")) {
            noExpectation(expectation);
            if (words.size() != 1) {
                throw new IllegalArgumentException("'}' stands alone on its line");
            }
            steps.add(new Step(blockOwner.line(), blockOwner.kind(), blockOwner.subject(), List.of("{"), null,
                    block));
            block = null;
            return;
        }
        if (first.equals("return")) {
            if (blockOwner.kind() != Step.Kind.INIT) {
                throw new IllegalArgumentException("'return' is only allowed inside init A { … }");
            }
            noExpectation(expectation);
            if (words.size() > 2) {
                throw new IllegalArgumentException("expected 'return STATUS'");
            }
            if (words.size() == 2) {
                Syntax.status(words.get(1));
            }
            block.add(new Step(number, Step.Kind.RETURN, null, words, null, List.of()));
            return;
        }
        Syntax.miniportStep(words);
        block.add(new Step(number, Step.Kind.MINIPORT, null, words, expectation, List.of()));
    }

    private void subjectStep(int number, List<String> words, Expectation expectation) {
        String subject = words.get(0);
        List<String> rest = words.subList(1, words.size());
        if (miniports.contains(subject)) {
            Syntax.miniportStep(rest);
            steps.add(new Step(number, Step.Kind.MINIPORT, subject, rest, expectation, List.of()));
        } else if (protocols.contains(subject)) {
            Syntax.protocolStep(rest, miniports);
            steps.add(new Step(number, Step.Kind.PROTOCOL, subject, rest, expectation, List.of()));
        } else if (subject.equals("}")) {
            throw new IllegalArgumentException("'}' without an open init or halt block");
        } else if (Words.keyword(subject).equals("return")) {
            throw new IllegalArgumentException("'return' is only allowed inside init A { … }");
        } else {
            throw new IllegalArgumentException("'" + subject + "' is neither a keyword nor a declared miniport or protocol");
        }
    }

    private static void noExpectation(Expectation expectation) {
        if (expectation != null) {
            throw new IllegalArgumentException("this line takes no '=>' expectation");
        }
    }
}
