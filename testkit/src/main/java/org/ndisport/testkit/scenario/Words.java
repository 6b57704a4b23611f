package org.ndisport.testkit.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The lexical rules of the scenario format: {@code #} comments, words split by spaces, lists in
 * brackets kept as one word (nested lists included), decimal or {@code 0x} numbers (unsigned 32-bit
 * values allowed), case-insensitive keywords.
 */
public final class Words {
    private Words() {
    }

    /** The words of one line, comment removed; a bracketed list is one word. Throws on unbalanced brackets. */
    public static List<String> split(String line) {
        int hash = line.indexOf('#');
        String text = hash < 0 ? line : line.substring(0, hash);
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '[') {
                depth++;
            } else if (c == ']' && --depth < 0) {
                throw new IllegalArgumentException("unbalanced ']'");
            }
            if (Character.isWhitespace(c) && depth == 0) {
                flush(word, out);
            } else {
                word.append(c);
            }
        }
        if (depth != 0) {
            throw new IllegalArgumentException("unbalanced '['");
        }
        flush(word, out);
        return out;
    }

    private static void flush(StringBuilder word, List<String> out) {
        if (word.length() > 0) {
            out.add(word.toString());
            word.setLength(0);
        }
    }

    /** True for a word written {@code [ … ]}. */
    public static boolean isList(String word) {
        return word.startsWith("[") && word.endsWith("]");
    }

    /** The items of a list word, split at top-level commas and trimmed; {@code []} gives none. */
    public static List<String> items(String word) {
        if (!isList(word)) {
            throw new IllegalArgumentException("expected a list [ … ], got '" + word + "'");
        }
        String body = word.substring(1, word.length() - 1).trim();
        List<String> out = new ArrayList<>();
        if (body.isEmpty()) {
            return out;
        }
        int depth = 0;
        int start = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            depth += c == '[' ? 1 : c == ']' ? -1 : 0;
            if (c == ',' && depth == 0) {
                out.add(nonEmpty(body.substring(start, i).trim(), word));
                start = i + 1;
            }
        }
        out.add(nonEmpty(body.substring(start).trim(), word));
        return out;
    }

    private static String nonEmpty(String item, String word) {
        if (item.isEmpty()) {
            throw new IllegalArgumentException("empty item in list " + word);
        }
        return item;
    }

    /** A decimal or {@code 0x} hexadecimal number up to 0xFFFFFFFF, as a long; throws on anything else. */
    public static long number(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        try {
            long value = w.startsWith("0x") ? Long.parseLong(w.substring(2), 16) : Long.parseLong(w);
            if (value < 0 || value > 0xFFFFFFFFL || w.startsWith("-") || w.startsWith("+")) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a number (decimal or 0x hex), got '" + word + "'");
        }
    }

    /** {@link #number} as a Java int (values above 0x7FFFFFFF become negative, as NDIS ULONGs do). */
    public static int uint(String word) {
        return (int) number(word);
    }

    /** The numbers of a list word. */
    public static List<Long> numbers(String word) {
        List<Long> out = new ArrayList<>();
        for (String item : items(word)) {
            out.add(number(item));
        }
        return out;
    }

    /** A name: letters, digits, '-' and '_'. */
    public static boolean isName(String word) {
        return !word.isEmpty() && word.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_');
    }

    /** A keyword, compared lower case. */
    public static String keyword(String word) {
        return word.toLowerCase(Locale.ROOT);
    }
}
