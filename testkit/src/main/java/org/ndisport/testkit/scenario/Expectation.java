package org.ndisport.testkit.scenario;

import java.util.List;
import java.util.Locale;
import org.ndisport.api.NdisStatus;

/**
 * What a step expects after {@code =>}: a status with an optional detail ({@code port N},
 * {@code offset X}, {@code ports […]}, {@code needed X}), {@code VIOLATION R…}, {@code value V} or
 * {@code values […]}.
 *
 * @param kind   which form
 * @param status the status for {@link Kind#STATUS}, else null
 * @param detail the detail keyword ({@code port}, {@code offset}, {@code ports}, {@code needed}) or null
 * @param value  the detail or value word (a number or a list), or the rule id for {@link Kind#VIOLATION}
 */
public record Expectation(Kind kind, NdisStatus status, String detail, String value) {
    /** The forms of an expectation. */
    public enum Kind {
        /** A status, maybe with a detail. */
        STATUS,
        /** The call threw the verifier's exception for a rule id (fail-fast mode). */
        VIOLATION,
        /** A value read. */
        VALUE,
        /** Values read into a buffer. */
        VALUES
    }

    private static final List<String> DETAILS = List.of("port", "offset", "ports", "needed");

    /** SUCCESS with no detail: what a step without {@code =>} expects. */
    public static final Expectation SUCCESS = new Expectation(Kind.STATUS, NdisStatus.SUCCESS, null, null);

    /** Parses the words after {@code =>}; throws IllegalArgumentException naming what is wrong. */
    public static Expectation parse(List<String> words) {
        if (words.isEmpty()) {
            throw new IllegalArgumentException("nothing after '=>'");
        }
        String first = Words.keyword(words.get(0));
        switch (first) {
            case "violation":
                requireSize(words, 2);
                return new Expectation(Kind.VIOLATION, null, null, words.get(1));
            case "value":
                requireSize(words, 2);
                Words.number(words.get(1));
                return new Expectation(Kind.VALUE, null, null, words.get(1));
            case "values":
                requireSize(words, 2);
                Words.numbers(words.get(1));
                return new Expectation(Kind.VALUES, null, null, words.get(1));
            default:
                NdisStatus status = NdisStatus.fromName(words.get(0))
                        .orElseThrow(() -> new IllegalArgumentException("unknown status '" + words.get(0) + "'"));
                if (words.size() == 1) {
                    return new Expectation(Kind.STATUS, status, null, null);
                }
                requireSize(words, 3);
                String detail = Words.keyword(words.get(1));
                if (!DETAILS.contains(detail)) {
                    throw new IllegalArgumentException("unknown detail '" + words.get(1) + "' (port, offset, ports, needed)");
                }
                if (detail.equals("ports")) {
                    Words.numbers(words.get(2));
                } else {
                    Words.number(words.get(2));
                }
                return new Expectation(Kind.STATUS, status, detail, words.get(2));
        }
    }

    private static void requireSize(List<String> words, int size) {
        if (words.size() != size) {
            throw new IllegalArgumentException("malformed expectation '" + String.join(" ", words) + "'");
        }
    }

    @Override
    public String toString() {
        return switch (kind) {
            case STATUS -> status.name() + (detail == null ? "" : " " + detail + " " + value);
            case VIOLATION -> "VIOLATION " + value;
            case VALUE -> "value " + value;
            case VALUES -> "values " + value;
        };
    }

    /** The detail keyword in lower case, or "" when none. */
    String detailKey() {
        return detail == null ? "" : detail.toLowerCase(Locale.ROOT);
    }
}
