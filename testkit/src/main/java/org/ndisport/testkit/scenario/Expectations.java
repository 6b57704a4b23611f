package org.ndisport.testkit.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.ndisport.api.io.IoClaim;
import org.ndisport.api.runtime.AdapterView;
import org.ndisport.api.runtime.PortState;
import org.ndisport.api.runtime.PortView;
import org.ndisport.testkit.RecordingProtocol;

/**
 * The {@code expect …} lines, checked at once: every effect but binding happens before the call that
 * causes it returns. Only {@code bound} and missing trailing {@code bind} events, which the engine's
 * bind thread delivers, are re-checked until the wait ends. What was seen last is the "got" of a failure.
 */
final class Expectations {
    private final ScenarioRun run;

    Expectations(ScenarioRun run) {
        this.run = run;
    }

    void check(Step step) {
        List<String> w = step.words();
        String first = w.get(0);
        switch (Words.keyword(first)) {
            case "violations" -> run.findings().expect(step, Words.items(w.get(1)));
            case "ioports" -> hold(step, EventText.sorted(normalizedItems(w.get(1))), this::ioports, false);
            default -> {
                RecordingProtocol p = run.protocol(first);
                if (p != null) {
                    protocol(step, p);
                } else {
                    adapter(step, run.adapter(first, step.line()));
                }
            }
        }
    }

    private void protocol(Step step, RecordingProtocol p) {
        List<String> w = step.words();
        switch (Words.keyword(w.get(1))) {
            case "events" -> {
                List<String> expected = new ArrayList<>();
                for (String item : Words.items(w.get(2))) {
                    expected.add(EventText.event(item));
                }
                String got = awaitEvents(p, expected);
                if (got != null) {
                    throw StepFailure.expected(step.line(), "events " + expected, "events " + got.replaceFirst("^!", ""));
                }
                p.takeEvents(expected.size());
            }
            case "bound" -> hold(step, "bound " + w.get(2),
                    () -> (p.binding(w.get(2)).isPresent() ? "bound " : "unbound ") + w.get(2), true);
            default -> hold(step, "unbound " + w.get(2),
                    () -> (p.binding(w.get(2)).isPresent() ? "bound " : "unbound ") + w.get(2), false);
        }
    }

    private void adapter(Step step, AdapterUnderTest a) {
        List<String> w = step.words();
        switch (Words.keyword(w.get(1))) {
            case "phase" -> hold(step, "phase " + Words.keyword(w.get(2)),
                    () -> "phase " + a.control.view().phase().label(), false);
            case "port" -> {
                long n = Words.number(w.get(2));
                hold(step, "port " + n + " " + Words.keyword(w.get(3)), () -> "port " + n + " " + state(a, (int) n), false);
            }
            case "ports" -> hold(step, "ports activated " + sortedNumbers(w.get(3)) + " allocated "
                    + sortedNumbers(w.get(5)), () -> ports(a.control.view()), false);
            default -> {
                long n = Words.number(w.get(2));
                hold(step, "nbls-outstanding " + n, () -> "nbls-outstanding " + a.driver.outstandingLists(), false);
            }
        }
    }

    /**
     * Checks that {@code actual} reads as {@code expected}: at once, or, with {@code poll}, re-checked until
     * the wait ends (only binding happens on another thread).
     */
    private void hold(Step step, String expected, Supplier<String> actual, boolean poll) {
        String got = Await.until(() -> {
            String now = actual.get();
            return now.equals(expected) ? null : now;
        }, poll ? run.timeoutMillis() : 0);
        if (got != null) {
            throw StepFailure.expected(step.line(), expected, got);
        }
    }

    /**
     * Null once the events are exactly {@code expected}, else what was seen. Every event but a bind is
     * delivered before the call that causes it returns, so only missing trailing binds are waited for.
     */
    private String awaitEvents(RecordingProtocol p, List<String> expected) {
        return Await.until(() -> {
            List<String> seen = events(p);
            if (seen.equals(expected)) {
                return null;
            }
            boolean bindsPending = seen.size() < expected.size() && expected.subList(0, seen.size()).equals(seen)
                    && expected.subList(seen.size(), expected.size()).stream().allMatch(e -> e.startsWith("bind "));
            return bindsPending ? seen.toString() : "!" + seen;
        }, run.timeoutMillis(), got -> got.startsWith("!"));
    }

    private static List<String> events(RecordingProtocol p) {
        List<String> out = new ArrayList<>();
        for (String e : p.events()) {
            out.add(EventText.event(e));
        }
        return out;
    }

    private static List<Long> sortedNumbers(String list) {
        List<Long> out = new ArrayList<>(Words.numbers(list));
        out.sort(null);
        return out;
    }

    private static List<String> normalizedItems(String list) {
        List<String> out = new ArrayList<>();
        for (String item : Words.items(list)) {
            out.add(EventText.normalize(item));
        }
        return out;
    }

    private String ioports() {
        List<String> out = new ArrayList<>();
        for (IoClaim c : run.environment().ioClaims()) {
            if (run.declares(c.adapter())) {
                int lo = c.range().base();
                out.add(EventText.normalize(String.format("0x%x-0x%x %s", lo, lo + c.range().count() - 1, c.adapter())));
            }
        }
        return EventText.sorted(out);
    }

    private static String state(AdapterUnderTest a, int n) {
        PortView p = a.control.view().port(n);
        return p == null ? "nonexistent" : p.state().formal().name().toLowerCase(Locale.ROOT);
    }

    private static String ports(AdapterView view) {
        List<Long> activated = new ArrayList<>();
        List<Long> allocated = new ArrayList<>();
        for (PortView p : view.ports()) {
            (p.state().formal() == PortState.ACTIVATED ? activated : allocated)
                    .add(Integer.toUnsignedLong(p.portNumber()));
        }
        return "ports activated " + activated + " allocated " + allocated;
    }
}
