package org.ndisport.testkit.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The lexical rules of the scenario format: {@code #} comments, words split by spaces (or tabs, N50),
 * lists in brackets kept as one word (nested lists included, up to {@link #MAX_DEPTH} deep), decimal or
 * {@code 0x} numbers (unsigned 32-bit values allowed), case-insensitive keywords. Outside comments the
 * text is printable ASCII (N50).
 */
public final class Words {
    /** How deep lists may nest (the format needs two: {@code [bind m1 [0]]}). */
    public static final int MAX_DEPTH = 8;
    private static final Pattern NUMBER = Pattern.compile("[0-9]+|0[xX][0-9a-fA-F]+");
    private static final Pattern LEADING_ZEROS = Pattern.compile("^0+(?=.)");

    private Words() {
    }

    /**
     * The words of one line, comment removed; a bracketed list is one word. Throws naming the column on
     * unbalanced or too deeply nested brackets and on a character other than printable ASCII, space or tab.
     */
    public static List<String> split(String line) {
        int hash = line.indexOf('#');
        String text = hash < 0 ? line : line.substring(0, hash);
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int depth = 0;
        int open = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '[' && depth == 0) {
                open = i;
            }
            if ((c < 0x20 && c != '\t') || c > 0x7E) {
                throw new IllegalArgumentException(String.format("character U+%04X at column %d: outside comments "
                        + "a scenario is printable ASCII, spaces and tabs", (int) c, i + 1));
            }
            if (c == '[' && ++depth > MAX_DEPTH) {
                throw new IllegalArgumentException("lists nested more than " + MAX_DEPTH + " deep at column " + (i + 1));
            } else if (c == ']' && --depth < 0) {
                throw new IllegalArgumentException("unbalanced ']' at column " + (i + 1));
            }
            if ((c == ' ' || c == '\t') && depth == 0) {
                flush(word, out);
            } else {
                word.append(c);
            }
        }
        if (depth != 0) {
            throw new IllegalArgumentException("unbalanced '[' at column " + (open + 1));
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
        if (!NUMBER.matcher(w).matches()) {
            throw new IllegalArgumentException("expected a number (decimal or 0x hex), got '" + word + "'");
        }
        boolean hex = w.startsWith("0x");
        String digits = LEADING_ZEROS.matcher(hex ? w.substring(2) : w).replaceFirst("");
        long value = digits.length() > (hex ? 8 : 10) ? Long.MAX_VALUE : Long.parseLong(digits, hex ? 16 : 10);
        if (value > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("number " + word + " is above 0xFFFFFFFF");
        }
        return value;
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

    /** A name: ASCII letters, digits, '-' and '_' (N50). */
    public static boolean isName(String word) {
        return !word.isEmpty() && word.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9') || c == '-' || c == '_');
    }

    /** A keyword, compared lower case. */
    public static String keyword(String word) {
        return word.toLowerCase(Locale.ROOT);
    }
}
