package org.ndisport.testkit.scenario;

import java.util.List;

/**
 * One line of a scenario, already checked against the format.
 *
 * @param line        the line number in its file
 * @param kind        what the line is
 * @param subject     the adapter or protocol it names first, or null
 * @param words       the words after the subject (or after the keyword), before {@code =>}
 * @param expectation what it expects, or null when the line gave none
 * @param block       the steps of an {@code init A {…}} or {@code halt A {…}} block, else empty
 */
public record Step(int line, Kind kind, String subject, List<String> words, Expectation expectation, List<Step> block) {
    /** Line kinds. */
    public enum Kind {
        /** miniport, device, protocol or option. */
        DECLARE,
        /** init A, with or without a block. */
        INIT,
        /** init A => STATUS after a block: the expectation of that block's initialize. */
        INIT_RESULT,
        /** halt A, with or without a block. */
        HALT,
        /** A miniport step (subject null inside a block). */
        MINIPORT,
        /** {@code return STATUS} inside an init block. */
        RETURN,
        /** A protocol step. */
        PROTOCOL,
        /** An expect line. */
        EXPECT
    }

    /** Copies the lists. */
    public Step {
        words = List.copyOf(words);
        block = List.copyOf(block);
    }

    /** The expectation, or SUCCESS when the line gave none. */
    Expectation expected() {
        return expectation == null ? Expectation.SUCCESS : expectation;
    }

    /** True for {@code init A {…}} and {@code halt A {…}}: the driver runs exactly {@link #block()}. */
    public boolean hasBlock() {
        return (kind == Kind.INIT || kind == Kind.HALT) && words.contains("{");
    }

    /** True for a block whose status a later {@code init A => STATUS} line checks. */
    boolean resultLater() {
        return words.contains("result-later");
    }

    /** This block step, marked as checked by a later {@code init A => STATUS} line. */
    Step withResultLater() {
        return new Step(line, kind, subject, List.of("{", "result-later"), expectation, block);
    }

    /** The first word in lower case, or "". */
    String verb() {
        return words.isEmpty() ? "" : Words.keyword(words.get(0));
    }
}
