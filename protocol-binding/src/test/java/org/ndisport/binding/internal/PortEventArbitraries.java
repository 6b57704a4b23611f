package org.ndisport.binding.internal;

import static org.ndisport.binding.internal.PortModelActions.anyAdapter;
import static org.ndisport.binding.internal.PortModelActions.portNumber;
import static org.ndisport.binding.internal.PortModelActions.ports;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.state.Transformer;
import org.ndisport.api.runtime.PortState;
import org.ndisport.binding.internal.ModelOps.Buffer;
import org.ndisport.binding.internal.ModelOps.EventSpec;
import org.ndisport.binding.internal.ModelOps.Hook;
import org.ndisport.binding.internal.ModelOps.HookKind;

/**
 * Port events for the model-based test: well formed with one or several ports, malformed per rows
 * A1–A7, X1–X6, D5–D11 and N5, other event codes (C3), each maybe with hooks run inside the protocols'
 * callbacks (sends, frees, repeated events, receives and allocations during delivery; not in FAIL_FAST,
 * where a violation inside a callback would throw out of the protocol).
 */
final class PortEventArbitraries {
    private PortEventArbitraries() {
    }

    /** A defect applied to a well-formed event. */
    enum Defect {
        NONE, NULL_BUFFER, ZERO_LENGTH, CYCLE, MISSING_CHARS, SHORT_LENGTH, LONGER_LENGTH, WRONG_TYPE,
        NOTIFICATION_PORT, RESERVED, ODD_CHARS, NOT_MULTIPLE_OF_4, BEYOND_ARRAY, TRAILING_ENTRIES, HUGE_LENGTH;

        EventSpec apply(EventSpec s) {
            int len = s.bufferLength();
            List<Integer> trailing = new ArrayList<>(s.numbers());
            trailing.addAll(List.of(s.numbers().get(0), 0, 77));
            return switch (this) {
                case NONE -> s;
                case NULL_BUFFER -> with(s, Buffer.NULL, s.numbers(), false, false, len, 0, false, false);
                case ZERO_LENGTH -> with(s, s.buffer(), s.numbers(), false, false, 0, 0, false, false);
                case CYCLE -> with(s, s.buffer(), s.numbers(), true, false, len, 0, false, false);
                case MISSING_CHARS -> with(s, s.buffer(), s.numbers(), false, true, len, 0, false, false);
                case SHORT_LENGTH -> with(s, s.buffer(), s.numbers(), false, false, len - 1, 0, false, false);
                case LONGER_LENGTH -> with(s, s.buffer(), s.numbers(), false, false, len + 96, 0, false, false);
                case WRONG_TYPE -> with(s, s.buffer() == Buffer.CHAIN ? Buffer.ARRAY : Buffer.CHAIN, s.numbers(),
                        false, false, len, 0, false, false);
                case NOTIFICATION_PORT -> with(s, s.buffer(), s.numbers(), false, false, len, 3, false, false);
                case RESERVED -> with(s, s.buffer(), s.numbers(), false, false, len, 0, true, false);
                case ODD_CHARS -> with(s, s.buffer(), s.numbers(), false, false, len, 0, false, true);
                case NOT_MULTIPLE_OF_4 -> with(s, s.buffer(), s.numbers(), false, false, len + 1, 0, false, false);
                case BEYOND_ARRAY -> with(s, s.buffer(), s.numbers(), false, false, len + 4, 0, false, false);
                case TRAILING_ENTRIES -> with(s, s.buffer(), trailing, false, false, len, 0, false, false);
                case HUGE_LENGTH -> with(s, s.buffer(), s.numbers(), false, false, 0xFFFFFFA0, 0, false, false);
            };
        }

        private static EventSpec with(EventSpec s, Buffer b, List<Integer> numbers, boolean cycle, boolean missing,
                int len, int notificationPort, boolean reserved, boolean odd) {
            return new EventSpec(s.code(), b, List.copyOf(numbers), cycle, missing, len, notificationPort, reserved,
                    odd);
        }
    }

    static Arbitrary<Transformer<PortModelWorld>> activation(PortModelWorld w) {
        Arbitrary<Defect> defects = Arbitraries.frequency(Tuple.of(50, Defect.NONE), Tuple.of(1, Defect.NULL_BUFFER),
                Tuple.of(1, Defect.ZERO_LENGTH), Tuple.of(1, Defect.CYCLE), Tuple.of(1, Defect.MISSING_CHARS),
                Tuple.of(2, Defect.SHORT_LENGTH), Tuple.of(1, Defect.LONGER_LENGTH), Tuple.of(1, Defect.WRONG_TYPE),
                Tuple.of(2, Defect.NOTIFICATION_PORT), Tuple.of(1, Defect.RESERVED), Tuple.of(2, Defect.ODD_CHARS),
                Tuple.of(1, Defect.HUGE_LENGTH));
        return event(w, 10, PortState.ALLOCATED, defects);
    }

    static Arbitrary<Transformer<PortModelWorld>> deactivation(PortModelWorld w) {
        Arbitrary<Defect> defects = Arbitraries.frequency(Tuple.of(50, Defect.NONE), Tuple.of(1, Defect.NULL_BUFFER),
                Tuple.of(1, Defect.ZERO_LENGTH), Tuple.of(1, Defect.NOT_MULTIPLE_OF_4),
                Tuple.of(1, Defect.BEYOND_ARRAY), Tuple.of(3, Defect.TRAILING_ENTRIES), Tuple.of(1, Defect.WRONG_TYPE),
                Tuple.of(2, Defect.NOTIFICATION_PORT), Tuple.of(1, Defect.RESERVED), Tuple.of(1, Defect.HUGE_LENGTH));
        return event(w, 11, PortState.ACTIVATED, defects);
    }

    /** Codes other than 10 and 11 (C3, D14): reserved to intermediate drivers, NDIS 6.50 ones, beyond. */
    static Arbitrary<Transformer<PortModelWorld>> otherCode(PortModelWorld w) {
        return Combinators.combine(anyAdapter(), Arbitraries.of(0, 5, 9, 12, 17, 18, 21, 22, 23, 99, -1),
                Arbitraries.of(0, 3)).as((a, code, port) -> {
                    EventSpec s = new EventSpec(code, Buffer.CHAIN, List.of(1), false, false, 96, port, false, false);
                    return Transformer.mutate(a + ": " + s, x -> x.portEvent(a, s, List.of()));
                });
    }

    /** Listed ports: mostly ports in the state the event needs, else port 0 alone or any numbers. */
    private static Arbitrary<Transformer<PortModelWorld>> event(PortModelWorld w, int code, PortState needed,
            Arbitrary<Defect> defects) {
        return anyAdapter().flatMap(a -> {
            ModelAdapter m = w.model.adapter(a);
            List<Integer> fitting = ports(m, needed);
            Arbitrary<List<Integer>> any = portNumber(new ArrayList<>(m.ports.keySet())).list().ofMinSize(1)
                    .ofMaxSize(3);
            Arbitrary<List<Integer>> zero = Arbitraries.just(List.of(0));
            Arbitrary<List<Integer>> numbers = fitting.isEmpty()
                    ? Arbitraries.frequencyOf(Tuple.of(1, zero), Tuple.of(3, any))
                    : Arbitraries.frequencyOf(Tuple.of(12, Arbitraries.subsetOf(fitting).ofMinSize(1)
                            .flatMap(s -> Arbitraries.shuffle(new ArrayList<>(s)))), Tuple.of(1, zero),
                            Tuple.of(2, any));
            return numbers.flatMap(ns -> Combinators.combine(defects, w.failFast ? Arbitraries.just(List.<Hook>of())
                    : hooks(m, ns)).as((d, hs) -> {
                EventSpec spec = d.apply(EventSpec.wellFormed(code, ns));
                return Transformer.mutate("miniport of " + a + " raises " + spec + (hs.isEmpty() ? "" : " " + hs),
                        x -> x.portEvent(a, spec, hs));
            }));
        });
    }

    /** Up to two hooks in the callbacks of protocols bound to the adapter. */
    private static Arbitrary<List<Hook>> hooks(ModelAdapter m, List<Integer> listed) {
        if (m.bindings.isEmpty()) {
            return Arbitraries.just(List.of());
        }
        Arbitrary<String> bound = Arbitraries.of(List.copyOf(m.bindings));
        Arbitrary<Integer> port = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of(listed)),
                Tuple.of(1, portNumber(new ArrayList<>(m.ports.keySet()))));
        Arbitrary<Hook> hook = Arbitraries.of(HookKind.values()).flatMap(k -> Combinators.combine(bound, bound,
                k == HookKind.REPEAT ? Arbitraries.of(listed) : port).as((at, sender, n) -> new Hook(at, k,
                        k == HookKind.SEND ? sender : "", n)));
        return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(List.<Hook>of())),
                Tuple.of(1, hook.list().ofMinSize(1).ofMaxSize(2)));
    }
}
