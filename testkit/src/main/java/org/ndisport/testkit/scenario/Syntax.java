package org.ndisport.testkit.scenario;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.pnp.NetPnPEventCode;

/** Checks the words of each kind of line against the format before anything runs. */
final class Syntax {
    static final List<String> PHASES = List.of("initializing", "running", "halting", "halted");
    static final List<String> PORT_STATES = List.of("nonexistent", "allocated", "activated");
    static final List<String> DEVICE_TYPES = List.of("ne2000", "latch");
    /** The most frames a {@code count=K} and the most elements a buffer step may name (N51). */
    static final int MAX_COUNT = 65_536;
    /** The I/O space a {@code device} range must lie in (N51). */
    static final long IO_SPACE = 0x10000;

    private Syntax() {
    }

    static void declaration(String keyword, List<String> w, Set<String> devices) {
        require(keyword.equals("option") || (w.size() >= 2 && Words.isName(w.get(1))), keyword + " needs a NAME");
        switch (keyword) {
            case "miniport" -> require(w.size() == 2 || (w.size() == 4 && Words.keyword(w.get(2)).equals("on")
                    && devices.contains(w.get(3))), "expected 'miniport A' or 'miniport A on D' with D declared");
            case "device" -> {
                require(w.size() == 5 && DEVICE_TYPES.contains(Words.keyword(w.get(2))),
                        "expected 'device D ne2000|latch io=BASE len=COUNT'");
                long base = Words.number(value(w.get(3), "io"));
                long length = Words.number(value(w.get(4), "len"));
                require(length >= 1 && base + length <= IO_SPACE, "device I/O range io=" + w.get(3).substring(3)
                        + " len=" + w.get(4).substring(4) + " is empty or leaves the I/O space (0x0-0xffff)");
            }
            case "protocol" -> {
                require(w.size() <= 3, "expected 'protocol P [port-events=STATUS|pending]'");
                if (w.size() == 3) {
                    String answer = value(w.get(2), "port-events");
                    if (!answer.equalsIgnoreCase("pending")) {
                        status(answer);
                    }
                }
            }
            default -> {
                require(w.size() == 2, "expected 'option verifier=report|fail-fast'");
                String mode = Words.keyword(value(w.get(1), "verifier"));
                require(mode.equals("report") || mode.equals("fail-fast"), "verifier mode is report or fail-fast");
            }
        }
    }

    static void miniportStep(List<String> w) {
        require(!w.isEmpty(), "missing miniport step");
        String verb = Words.keyword(w.get(0));
        if (verb.startsWith("notify-port=")) {
            Words.number(w.get(0).substring("notify-port=".length()));
            require(w.size() >= 3 && (Words.keyword(w.get(1)).equals("activate")
                    || Words.keyword(w.get(1)).equals("deactivate")), "expected 'notify-port=N activate|deactivate M…'");
            numbers(w, 2);
            return;
        }
        switch (verb) {
            case "set-attributes" -> require(w.size() == 1 || (w.size() == 2
                    && Words.keyword(w.get(1)).equals("controls-default-port")), "expected 'set-attributes [controls-default-port]'");
            case "allocate" -> w.subList(1, w.size()).forEach(Syntax::allocateField);
            case "free", "io-read8", "io-read16", "io-read32" -> {
                arity(w, 2);
                Words.number(w.get(1));
            }
            case "activate", "deactivate" -> {
                require(w.size() >= 2, verb + " needs at least one port");
                numbers(w, 1);
            }
            case "activate-raw", "deactivate-raw" -> raw(verb, w);
            case "pnp-event" -> {
                arity(w, 2);
                require(NetPnPEventCode.fromName(w.get(1)).isPresent() || EventText.isNumber(w.get(1)),
                        "unknown PnP event code '" + w.get(1) + "'");
            }
            case "receive" -> {
                arity(w, 3);
                Words.number(w.get(1));
                count(value(w.get(2), "count"));
            }
            case "status" -> {
                arity(w, 4);
                Words.number(w.get(1));
                require(Words.keyword(w.get(2)).equals("port-state") && List.of("connected", "disconnected")
                        .contains(Words.keyword(w.get(3))), "expected 'status N port-state connected|disconnected'");
            }
            case "io-register" -> {
                arity(w, 3);
                numbers(w, 1);
            }
            case "io-write8", "io-write16", "io-write32" -> {
                arity(w, 3);
                Words.number(w.get(1));
                fits(verb, Words.number(w.get(2)), w.get(2));
            }
            case "io-read-buffer8", "io-read-buffer16", "io-read-buffer32" -> {
                arity(w, 3);
                Words.number(w.get(1));
                require(Words.number(w.get(2)) <= MAX_COUNT, "a buffer holds at most " + MAX_COUNT + " elements");
            }
            case "io-deregister" -> {
                arity(w, 4);
                numbers(w, 1);
            }
            case "io-write-buffer8", "io-write-buffer16", "io-write-buffer32" -> {
                arity(w, 3);
                Words.number(w.get(1));
                List<String> items = Words.items(w.get(2));
                require(items.size() <= MAX_COUNT, "a buffer holds at most " + MAX_COUNT + " elements");
                items.forEach(item -> fits(verb, Words.number(item), item));
            }
            default -> throw new IllegalArgumentException("unknown miniport step '" + w.get(0) + "'");
        }
    }

    static void protocolStep(List<String> w, Set<String> miniports) {
        require(w.size() >= 4, "expected 'P send A N count=K' or 'P oid A N enumerate-ports|port-state'");
        require(miniports.contains(w.get(1)), "'" + w.get(1) + "' is not a declared miniport adapter");
        Words.number(w.get(2));
        switch (Words.keyword(w.get(0))) {
            case "send" -> {
                arity(w, 4);
                count(value(w.get(3), "count"));
            }
            case "oid" -> {
                String what = Words.keyword(w.get(3));
                require(what.equals("enumerate-ports") || what.equals("port-state"),
                        "expected enumerate-ports or port-state");
                require(w.size() == 4 || (w.size() == 5 && what.equals("enumerate-ports")), "unexpected words after " + what);
                if (w.size() == 5) {
                    Words.number(value(w.get(4), "buffer"));
                }
            }
            default -> throw new IllegalArgumentException("unknown protocol step '" + w.get(0) + "' (send, oid)");
        }
    }

    static void expect(List<String> w, Set<String> miniports, Set<String> protocols) {
        require(w.size() >= 2, "incomplete expect line");
        String first = w.get(0);
        if (Words.keyword(first).equals("violations") || Words.keyword(first).equals("ioports")) {
            require(w.size() == 2, "expected 'expect " + first + " […]'");
            Words.items(w.get(1)).forEach(EventText::normalize);
            return;
        }
        if (protocols.contains(first)) {
            String what = Words.keyword(w.get(1));
            require(w.size() == 3, "expected 'expect P bound|unbound A' or 'expect P events […]'");
            if (what.equals("events")) {
                Words.items(w.get(2)).forEach(EventText::event);
            } else {
                require((what.equals("bound") || what.equals("unbound")) && miniports.contains(w.get(2)),
                        "expected 'expect P bound|unbound A' with A declared");
            }
            return;
        }
        require(miniports.contains(first), "'" + first + "' is not a declared adapter or protocol");
        switch (Words.keyword(w.get(1))) {
            case "phase" -> require(w.size() == 3 && PHASES.contains(Words.keyword(w.get(2))),
                    "expected 'expect A phase initializing|running|halting|halted'");
            case "port" -> {
                require(w.size() == 4 && PORT_STATES.contains(Words.keyword(w.get(3))),
                        "expected 'expect A port N nonexistent|allocated|activated'");
                Words.number(w.get(2));
            }
            case "ports" -> {
                require(w.size() == 6 && Words.keyword(w.get(2)).equals("activated")
                        && Words.keyword(w.get(4)).equals("allocated"), "expected 'expect A ports activated […] allocated […]'");
                Words.numbers(w.get(3));
                Words.numbers(w.get(5));
            }
            case "nbls-outstanding" -> {
                arity(w, 3);
                Words.number(w.get(2));
            }
            default -> throw new IllegalArgumentException("unknown expectation '" + w.get(1) + "'");
        }
    }

    static NdisStatus status(String word) {
        return NdisStatus.fromName(word).orElseThrow(() -> new IllegalArgumentException("unknown status '" + word + "'"));
    }

    /** The value of a {@code key=value} word; throws when the key differs. */
    static String value(String word, String key) {
        int eq = word.indexOf('=');
        require(eq > 0 && word.substring(0, eq).toLowerCase(Locale.ROOT).equals(key) && eq < word.length() - 1,
                "expected " + key + "=VALUE, got '" + word + "'");
        return word.substring(eq + 1);
    }

    private static void allocateField(String word) {
        int eq = word.indexOf('=');
        require(eq > 0, "expected FIELD=VALUE after allocate, got '" + word + "'");
        String key = Words.keyword(word.substring(0, eq));
        String v = word.substring(eq + 1);
        switch (key) {
            case "type" -> require(PortTypes.parse(v) != null, "unknown port type '" + v + "'");
            case "flags", "header-type", "revision", "size" -> Words.number(v);
            case "auth" -> require(v.equalsIgnoreCase("default"), "auth takes only 'default'");
            default -> throw new IllegalArgumentException("unknown allocate field '" + key + "'");
        }
    }

    private static void raw(String verb, List<String> w) {
        require(w.size() >= 2 && w.size() <= 3, "expected '" + verb + " null|chain=[…]|ports=[…]|cycle=[…] [length=L]'");
        String what = w.get(1);
        String key = Words.keyword(what.contains("=") ? what.substring(0, what.indexOf('=')) : what);
        boolean activation = verb.equals("activate-raw");
        require(key.equals("null") || (activation && (key.equals("chain") || key.equals("cycle")))
                || (!activation && key.equals("ports")), "unexpected '" + what + "' for " + verb);
        if (!key.equals("null")) {
            require(!Words.numbers(value(what, key)).isEmpty(), verb + " " + key + "=[…] needs at least one port");
        }
        if (w.size() == 3) {
            Words.number(value(w.get(2), "length"));
        }
    }

    private static void count(String word) {
        long count = Words.number(word);
        require(count >= 1 && count <= MAX_COUNT, "count must be 1 to " + MAX_COUNT + ", got " + word);
    }

    /** A value written by an 8, 16 or 32-bit step must fit its width (N51). */
    private static void fits(String verb, long value, String word) {
        int bits = verb.endsWith("8") ? 8 : verb.endsWith("16") ? 16 : 32;
        require(bits == 32 || value >>> bits == 0, "value " + word + " does not fit in " + bits + " bits");
    }

    private static void numbers(List<String> w, int from) {
        for (int i = from; i < w.size(); i++) {
            Words.number(w.get(i));
        }
    }


    private static void arity(List<String> w, int size) {
        require(w.size() == size, "wrong number of words in '" + String.join(" ", w) + "'");
    }

    static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
