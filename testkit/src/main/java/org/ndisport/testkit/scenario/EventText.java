package org.ndisport.testkit.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * One spelling for event and claim lines, so {@code [1,2]}, {@code [1, 2]} and {@code [0x1, 2]} compare
 * equal: numbers in decimal, lists as {@code [a, b]}, words split by one space; ranges written
 * {@code 0x300-0x31f} in lower-case hex.
 */
final class EventText {
    private EventText() {
    }

    static String normalize(String text) {
        List<String> out = new ArrayList<>();
        for (String w : Words.split(text)) {
            out.add(word(w));
        }
        return String.join(" ", out);
    }

    /** As {@link #normalize}, with the leading keyword (an event name) in lower case. */
    static String event(String text) {
        String n = normalize(text);
        int space = n.indexOf(' ');
        return space < 0 ? Words.keyword(n) : Words.keyword(n.substring(0, space)) + n.substring(space);
    }

    private static String word(String w) {
        if (Words.isList(w)) {
            List<String> items = new ArrayList<>();
            for (String item : Words.items(w)) {
                items.add(normalize(item));
            }
            return "[" + String.join(", ", items) + "]";
        }
        int dash = w.indexOf('-', 1);
        if (dash > 0 && isNumber(w.substring(0, dash)) && isNumber(w.substring(dash + 1))) {
            return "0x" + Long.toHexString(Words.number(w.substring(0, dash))) + "-0x"
                    + Long.toHexString(Words.number(w.substring(dash + 1)));
        }
        return isNumber(w) ? Long.toString(Words.number(w)) : w;
    }

    static boolean isNumber(String w) {
        try {
            Words.number(w);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The lines sorted, as one comparable text. */
    static String sorted(List<String> lines) {
        List<String> copy = new ArrayList<>(lines);
        copy.sort(null);
        return copy.toString();
    }
}
