package org.ndisport.binding.internal;

import static org.ndisport.binding.internal.PortModelActions.anyAdapter;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.state.Transformer;
import org.ndisport.binding.internal.IoModel.Claim;
import org.ndisport.binding.internal.IoOps.IoCall;
import org.ndisport.binding.internal.StatusSpec.StatusBuffer;
import org.ndisport.binding.internal.ModelOps.DriverCall;

/**
 * I/O calls and status indications for the model-based test: registrations of the cards' ranges, of
 * overlapping, empty, out-of-space and unassigned ones; exact and mismatched deregistrations; raw,
 * immediate and buffer accesses of every width around the cards (own, other's, formerly owned, unclaimed
 * and beyond the space); status indications on every kind of port, well formed or not (§6.4).
 */
final class IoArbitraries {
    /** Built once: jqwik memoizes generators per arbitrary, and a new arbitrary per step costs more than its values. */
    private static final Arbitrary<IoCall> REGISTER = registrations();
    private static final Arbitrary<IoCall> ACCESS = accesses();
    private static final Arbitrary<StatusBuffer> BUFFER = Arbitraries.frequency(Tuple.of(12, StatusBuffer.PORT_STATE),
            Tuple.of(2, StatusBuffer.PORT_STATE_9D), Tuple.of(1, StatusBuffer.NULL),
            Tuple.of(1, StatusBuffer.WRONG_TYPE), Tuple.of(1, StatusBuffer.HEADER_TYPE),
            Tuple.of(1, StatusBuffer.REVISION_0), Tuple.of(1, StatusBuffer.SIZE_47),
            Tuple.of(1, StatusBuffer.BUFFER_SIZE_47));
    private static final Arbitrary<Boolean> PORT_STATE = Arbitraries.frequency(Tuple.of(3, true), Tuple.of(1, false));

    private IoArbitraries() {
    }

    /** An I/O call of the miniport at a step boundary (P2, or P4 after a halt). */
    static Arbitrary<Transformer<PortModelWorld>> io(PortModelWorld w) {
        return anyAdapter().flatMap(a -> call(w, a).map(c -> Transformer.mutate("miniport of " + a + ": " + c,
                x -> x.io(a, c))));
    }

    /** An I/O call on the stale handle of a halted instance. */
    static Arbitrary<Transformer<PortModelWorld>> retiredHandle(PortModelWorld w) {
        return Arbitraries.of(List.copyOf(w.retired.keySet())).flatMap(a -> Combinators.combine(
                Arbitraries.integers().between(0, w.retired.get(a).size() - 1), call(w, a)).as((i, c) ->
                        Transformer.mutate("stale handle #" + i + " of " + a + ": " + c,
                                x -> x.ioOnRetiredHandle(a, i, c))));
    }

    /** A status indication at a step boundary. */
    static Arbitrary<Transformer<PortModelWorld>> status(PortModelWorld w) {
        return anyAdapter().flatMap(a -> status(w.model.adapter(a)).map(s -> Transformer.mutate(
                "miniport of " + a + " indicates " + s, x -> x.status(a, s))));
    }

    /** A status on a port of the adapter (any state), port 0, or one that never existed; mostly well formed. */
    static Arbitrary<StatusSpec> status(ModelAdapter m) {
        Arbitrary<Integer> port = PortModelActions.portNumber(new ArrayList<>(m.ports.keySet()));
        return Combinators.combine(port, PORT_STATE, BUFFER)
                .as((n, state, b) -> new StatusSpec(n, state, state ? b : StatusBuffer.NULL));
    }

    /** An I/O call by adapter {@code a}'s current instance, any kind. */
    static Arbitrary<IoCall> call(PortModelWorld w, String a) {
        return Arbitraries.frequencyOf(Tuple.of(2, register()), Tuple.of(2, deregister(w, a)), Tuple.of(8, access()));
    }

    /** A call inside initialize: mostly registrations and port calls, sometimes the rest. */
    static Arbitrary<DriverCall> initCall(PortModelWorld w, String a) {
        return Arbitraries.frequencyOf(Tuple.of(4, register().map(DriverCall::io)),
                Tuple.of(1, deregister(w, a).map(DriverCall::io)), Tuple.of(2, access().map(DriverCall::io)),
                Tuple.of(1, status(w.model.adapter(a)).map(DriverCall::status)));
    }

    /**
     * The I/O part of a halt: per range the instance holds, leave it (R70), deregister it exactly or with a
     * wrong argument (R67); maybe one more call.
     */
    static Arbitrary<List<DriverCall>> haltCalls(PortModelWorld w, String a) {
        String instance = w.model.io.current(a);
        List<Claim> mine = w.model.io.claims.stream().filter(k -> k.instance().equals(instance)).toList();
        Arbitrary<List<Integer>> plans = Arbitraries.frequency(Tuple.of(2, 0), Tuple.of(5, 1), Tuple.of(1, 2)).list()
                .ofSize(mine.size());
        Arbitrary<List<DriverCall>> extra = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(List.<DriverCall>of())),
                Tuple.of(1, call(w, a).map(c -> List.of(DriverCall.io(c)))),
                Tuple.of(1, status(w.model.adapter(a)).map(s -> List.of(DriverCall.status(s)))));
        return Combinators.combine(plans, extra, wrongDeregistration()).as((plan, more, wrong) -> {
            List<DriverCall> ops = new ArrayList<>(more);
            for (int i = 0; i < mine.size(); i++) {
                Claim k = mine.get(i);
                if (plan.get(i) == 1) {
                    ops.add(DriverCall.io(IoCall.deregister((int) k.base(), (int) k.count(), k.base())));
                } else if (plan.get(i) == 2) {
                    ops.add(DriverCall.io(wrong.apply(k)));
                }
            }
            return ops;
        });
    }

    /** Registration ranges: the cards, parts and unions of them, nothing, out of the space, unassigned. */
    static Arbitrary<IoCall> register() {
        return REGISTER;
    }

    /** Accesses of every width around the cards and at the end of the space; single, immediate and buffer calls. */
    static Arbitrary<IoCall> access() {
        return ACCESS;
    }

    private static Arbitrary<IoCall> registrations() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of(IoCall.register(IoModel.CARD_A, IoModel.CARD_A_SIZE),
                        IoCall.register(IoModel.CARD_B, IoModel.CARD_B_SIZE))),
                Tuple.of(4, Arbitraries.of(IoCall.register(0x300, 8), IoCall.register(0x308, 8),
                        IoCall.register(0x308, 16), IoCall.register(0x318, 8), IoCall.register(0x30C, 8),
                        IoCall.register(0x314, 4), IoCall.register(0x2FC, 8))),
                Tuple.of(1, Arbitraries.of(IoCall.register(0x300, 0), IoCall.register(0xFFF8, 16),
                        IoCall.register(0xFFFF, 1), IoCall.register(-1, 4), IoCall.register(0x300, -1),
                        IoCall.register(0x10000, 1))));
    }

    /** Deregistrations: exact ones of a range the adapter holds, wrong base, count or offset, never registered. */
    static Arbitrary<IoCall> deregister(PortModelWorld w, String a) {
        String instance = w.model.io.current(a);
        List<Claim> mine = w.model.io.claims.stream().filter(k -> k.instance().equals(instance)).toList();
        Arbitrary<IoCall> never = register().map(r -> IoCall.deregister((int) r.port(), r.count(), r.port()));
        if (mine.isEmpty()) {
            return never;
        }
        Arbitrary<Claim> held = Arbitraries.of(mine);
        return Arbitraries.frequencyOf(
                Tuple.of(4, held.map(k -> IoCall.deregister((int) k.base(), (int) k.count(), k.base()))),
                Tuple.of(3, Combinators.combine(held, wrongDeregistration()).as((k, f) -> f.apply(k))),
                Tuple.of(1, never));
    }

    private static Arbitrary<java.util.function.Function<Claim, IoCall>> wrongDeregistration() {
        return Arbitraries.of(
                k -> IoCall.deregister((int) k.base() + 1, (int) k.count() - 1, k.base() + 1),
                k -> IoCall.deregister((int) k.base(), (int) k.count() - 1, k.base()),
                k -> IoCall.deregister((int) k.base(), (int) k.count() + 1, k.base()),
                k -> IoCall.deregister((int) k.base(), (int) k.count(), k.base() + 0x1000),
                k -> IoCall.deregister((int) k.base(), 0, k.base()),
                k -> IoCall.deregister((int) k.base() - 4, (int) k.count() + 8, k.base() - 4));
    }

    private static Arbitrary<IoCall> accesses() {
        Arbitrary<Long> address = Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.longs().between(0x2FE, 0x321)),
                Tuple.of(1, Arbitraries.of(0xFFFEL, 0xFFFFL, 0x10000L, 0x7FFFFFFFL, 0x1_0000_0300L, -1L,
                        Long.MAX_VALUE)));
        Arbitrary<Integer> width = Arbitraries.of(1, 2, 4);
        Arbitrary<Integer> value = Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.integers().between(0, 0xFF)),
                Tuple.of(2, Arbitraries.integers()));
        Arbitrary<IoCall> single = Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(true, false),
                address, width, value).as((immediate, write, p, wd, v) -> write ? IoCall.write(immediate, p, wd, v)
                        : IoCall.read(immediate, p, wd));
        Arbitrary<IoCall> buffer = Combinators.combine(Arbitraries.of(true, false), address, width, value,
                Arbitraries.frequency(Tuple.of(1, 0), Tuple.of(3, 1), Tuple.of(2, 2), Tuple.of(1, 3), Tuple.of(1, -1)),
                Arbitraries.integers().between(0, 4), Arbitraries.frequency(Tuple.of(6, 0), Tuple.of(2, 1),
                        Tuple.of(1, -1))).as((write, p, wd, v, len, size, start) -> IoCall.buffer(write, p, wd, v, len,
                                size, start));
        return Arbitraries.frequencyOf(Tuple.of(5, single), Tuple.of(2, buffer));
    }
}
