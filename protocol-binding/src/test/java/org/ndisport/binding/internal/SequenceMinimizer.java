package org.ndisport.binding.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.state.Transformer;
import org.ndisport.api.runtime.VerifierMode;

/**
 * Delta debugging (ddmin) over the steps of a failing sequence, after jqwik's own (time-bounded)
 * shrinking: replays subsequences on a fresh {@link PortModelWorld} and keeps the shortest that still
 * fails the same way (the same kind of step and the same mismatch labels). Each step carries its
 * concrete arguments, so any subsequence is replayable.
 */
final class SequenceMinimizer {
    private static final Pattern LABEL = Pattern.compile("(?:^|; )([^;:]+): expected");

    private SequenceMinimizer() {
    }

    /** The shortest subsequence of {@code steps} failing like they do, with its failure. */
    record Minimal(List<Transformer<PortModelWorld>> steps, Throwable failure) {
        String describe() {
            StringBuilder b = new StringBuilder("minimal failing sequence (" + steps.size() + " steps):");
            steps.forEach(t -> b.append("\n    ").append(t.transformation()));
            return b.append("\nfails with: ").append(failure.getMessage()).toString();
        }
    }

    static Optional<Minimal> minimize(List<Transformer<PortModelWorld>> steps, VerifierMode mode) {
        Optional<Throwable> original = replay(steps, mode);
        if (original.isEmpty()) {
            return Optional.empty();
        }
        String key = key(original.get());
        List<Transformer<PortModelWorld>> current = new ArrayList<>(steps);
        int n = 2;
        while (current.size() >= 2) {
            boolean reduced = false;
            int chunk = (int) Math.ceil(current.size() / (double) n);
            for (int start = 0; start < current.size(); start += chunk) {
                List<Transformer<PortModelWorld>> complement = new ArrayList<>(current.subList(0, start));
                complement.addAll(current.subList(Math.min(current.size(), start + chunk), current.size()));
                if (fails(complement, key, mode)) {
                    current = complement;
                    n = Math.max(n - 1, 2);
                    reduced = true;
                    break;
                }
            }
            if (!reduced) {
                if (n >= current.size()) {
                    break;
                }
                n = Math.min(current.size(), n * 2);
            }
        }
        return Optional.of(new Minimal(current, replay(current, mode).orElseThrow()));
    }

    private static boolean fails(List<Transformer<PortModelWorld>> steps, String key, VerifierMode mode) {
        return replay(steps, mode).map(t -> key(t).equals(key)).orElse(false);
    }

    private static Optional<Throwable> replay(List<Transformer<PortModelWorld>> steps, VerifierMode mode) {
        try {
            PortModelWorld w = new PortModelWorld(mode);
            for (Transformer<PortModelWorld> t : steps) {
                w = t.apply(w);
            }
            return Optional.empty();
        } catch (PortModelWorld.PreconditionFailed e) {
            return Optional.empty();
        } catch (AssertionError | RuntimeException e) {
            return Optional.of(e);
        }
    }

    /** The failing step's kind and the labels of what differed. */
    static String key(Throwable t) {
        String message = String.valueOf(t.getMessage());
        StringBuilder key = new StringBuilder(t.getClass().getName()).append(' ');
        int colon = message.indexOf(": ");
        key.append(colon < 0 ? message : message.substring(0, message.indexOf(' ') < colon ? message.indexOf(' ')
                : colon));
        Matcher m = LABEL.matcher(colon < 0 ? "" : message.substring(colon + 2));
        while (m.find()) {
            key.append('|').append(m.group(1));
        }
        return key.toString();
    }
}
