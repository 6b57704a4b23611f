package org.ndisport.binding.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.Transformer;
import org.ndisport.api.runtime.PortState;
import org.ndisport.binding.internal.ModelOps.CharsSpec;
import org.ndisport.binding.internal.ModelOps.InitScript;
import org.ndisport.binding.internal.ModelOps.ProtocolStyle;
import org.ndisport.binding.internal.ModelOps.CallKind;
import org.ndisport.binding.internal.ModelOps.DriverCall;
import org.ndisport.binding.internal.ModelOps.StaleCall;
import org.ndisport.binding.internal.ModelOps.StaleKind;
import org.ndisport.binding.internal.ModelAdapter.Phase;

/**
 * The actions of the model-based test, each drawn from the model's current state: allocation, free,
 * port events ({@link PortEventArbitraries}), protocols arriving and leaving, sends, receives, halt with
 * leftovers and re-creation, I/O calls and status indications ({@link IoArbitraries}). Each transformer's description names its concrete arguments, so a shrunk
 * failure reads as a replayable sequence.
 */
final class PortModelActions {
    private PortModelActions() {
    }

    /** The actions with their weights. */
    static List<Tuple.Tuple2<Integer, Action<PortModelWorld>>> all() {
        return List.of(
                Tuple.of(6, action(w -> true, PortModelActions::allocate)),
                Tuple.of(4, action(w -> true, PortModelActions::free)),
                Tuple.of(8, action(w -> true, PortEventArbitraries::activation)),
                Tuple.of(5, action(w -> true, PortEventArbitraries::deactivation)),
                Tuple.of(1, action(w -> true, PortEventArbitraries::otherCode)),
                Tuple.of(3, action(w -> w.protocols.size() < 3, PortModelActions::register)),
                Tuple.of(1, action(w -> !w.protocols.isEmpty(), PortModelActions::unregister)),
                Tuple.of(4, action(PortModelActions::canSend, PortModelActions::send)),
                Tuple.of(4, action(w -> true, PortModelActions::receive)),
                Tuple.of(2, action(w -> !adapters(w, Phase.P2).isEmpty(), PortModelActions::halt)),
                Tuple.of(5, action(w -> !adapters(w, Phase.P4).isEmpty(), PortModelActions::recreate)),
                Tuple.of(2, action(w -> !w.retired.isEmpty(), PortModelActions::retiredHandle)),
                Tuple.of(5, action(w -> true, IoArbitraries::io)),
                Tuple.of(1, action(w -> !w.retired.isEmpty(), IoArbitraries::retiredHandle)),
                Tuple.of(3, action(w -> true, IoArbitraries::status)));
    }

    private static Action<PortModelWorld> action(Predicate<PortModelWorld> when,
            Function<PortModelWorld, Arbitrary<Transformer<PortModelWorld>>> transformer) {
        return new Action.Dependent<>() {
            @Override
            public boolean precondition(PortModelWorld w) {
                return when.test(w);
            }

            @Override
            public Arbitrary<Transformer<PortModelWorld>> transformer(PortModelWorld w) {
                return transformer.apply(w);
            }
        };
    }

    static Arbitrary<String> anyAdapter() {
        return Arbitraries.of(PortModelWorld.ADAPTERS);
    }

    static List<String> adapters(PortModelWorld w, Phase phase) {
        return PortModelWorld.ADAPTERS.stream().filter(a -> w.model.adapter(a).phase == phase).toList();
    }

    /** Non-zero ports of the adapter in the given formal state. */
    static List<Integer> ports(ModelAdapter a, PortState formal) {
        return a.ports.entrySet().stream().filter(e -> e.getKey() != 0 && e.getValue().formal == formal)
                .map(java.util.Map.Entry::getKey).toList();
    }

    /** A port number: mostly small ones (existing or not), sometimes port 0 or beyond 0xFFFFFF. */
    static Arbitrary<Integer> portNumber(List<Integer> favoured) {
        Arbitrary<Integer> small = Arbitraries.integers().between(0, PortModel.LIMIT + 1);
        Arbitrary<Integer> odd = Arbitraries.of(0xFFFFFF, 0x1000000, -1, Integer.MIN_VALUE);
        if (favoured.isEmpty()) {
            return Arbitraries.frequencyOf(Tuple.of(8, small), Tuple.of(1, odd));
        }
        return Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.of(favoured)), Tuple.of(3, small), Tuple.of(1, odd));
    }

    private static Arbitrary<Transformer<PortModelWorld>> allocate(PortModelWorld w) {
        Arbitrary<CharsSpec> valid = Combinators.combine(Arbitraries.of(0x80, 0x9C), Arbitraries.of(1, 2, 255),
                Arbitraries.of(60, 64, 0xFFFF), Arbitraries.of(1, 0), Arbitraries.of(0, 1, 2, 3, 4),
                Arbitraries.of(0, 1, 7, -1)).as((t, r, s, f, ty, in) -> new CharsSpec(false, t, r, s, f, ty, in));
        CharsSpec ok = new CharsSpec(false, 0x80, 1, 60, 1, 0, 0);
        Arbitrary<CharsSpec> invalid = Arbitraries.oneOf(
                Arbitraries.just(new CharsSpec(true, 0, 0, 0, 0, 0, 0)),
                Arbitraries.of(0x00, 0x9D, 0xFF).map(t -> new CharsSpec(false, t, 1, 60, 1, 0, 0)),
                Arbitraries.just(new CharsSpec(false, 0x80, 0, 60, 1, 0, 0)),
                Arbitraries.of(0, 59).map(s -> new CharsSpec(false, 0x80, 1, s, 1, 0, 0)),
                Arbitraries.of(5, 6, -1, Integer.MIN_VALUE).map(t -> new CharsSpec(false, 0x80, 1, 60, 1, t, 0)),
                Arbitraries.of(2, 3, 0x100, Integer.MIN_VALUE).map(f -> new CharsSpec(false, 0x80, 1, 60, f, 0, 0)));
        Arbitrary<CharsSpec> chars = Arbitraries.frequencyOf(Tuple.of(5, Arbitraries.just(ok)), Tuple.of(3, valid),
                Tuple.of(3, invalid));
        return Combinators.combine(anyAdapter(), chars).as((a, c) -> Transformer.mutate(
                "allocate " + a + " " + c, x -> x.allocate(a, c)));
    }

    private static Arbitrary<Transformer<PortModelWorld>> free(PortModelWorld w) {
        return anyAdapter().flatMap(a -> portNumber(new ArrayList<>(w.model.adapter(a).ports.keySet()))
                .map(n -> Transformer.mutate("free " + a + " " + n, x -> x.free(a, n))));
    }

    private static Arbitrary<Transformer<PortModelWorld>> register(PortModelWorld w) {
        String name = w.nextProtocolName();
        return Arbitraries.frequency(Tuple.of(6, ProtocolStyle.WELL_BEHAVED), Tuple.of(1, ProtocolStyle.DECLINES_BINDS),
                Tuple.of(1, ProtocolStyle.FAILS_PORT_EVENTS), Tuple.of(1, ProtocolStyle.PORT_EVENTS_NOT_SUPPORTED))
                .map(style -> Transformer.mutate("register protocol " + name + (style == ProtocolStyle.WELL_BEHAVED
                        ? "" : " " + style.name().toLowerCase().replace('_', ' ')), x -> x.register(name, style)));
    }

    private static Arbitrary<Transformer<PortModelWorld>> unregister(PortModelWorld w) {
        return Arbitraries.of(List.copyOf(w.protocols.keySet()))
                .map(p -> Transformer.mutate("unregister protocol " + p, x -> x.unregister(p)));
    }

    private static boolean canSend(PortModelWorld w) {
        return w.model.adapters.values().stream().anyMatch(a -> !a.bindings.isEmpty())
                || w.everRegistered.values().stream().anyMatch(p -> !p.closed.isEmpty());
    }

    private static Arbitrary<Transformer<PortModelWorld>> send(PortModelWorld w) {
        List<String[]> bound = new ArrayList<>();
        w.model.forEach(a -> a.bindings.forEach(p -> bound.add(new String[] {p, a.name})));
        List<Object[]> closed = new ArrayList<>();
        w.everRegistered.values().forEach(p -> {
            for (int i = 0; i < p.closed.size(); i++) {
                closed.add(new Object[] {p.name, i, p.closed.get(i).adapterName()});
            }
        });
        List<Tuple.Tuple2<Integer, Arbitrary<Transformer<PortModelWorld>>>> choices = new ArrayList<>();
        if (!bound.isEmpty()) {
            choices.add(Tuple.of(9, Arbitraries.of(bound).flatMap(b -> portNumber(ports(w.model.adapter(b[1]),
                    PortState.ACTIVATED)).map(n -> Transformer.mutate("protocol " + b[0] + " sends on " + b[1]
                            + " port " + n, x -> x.send(b[0], b[1], n))))));
            choices.add(Tuple.of(3, Arbitraries.of(bound).flatMap(b -> portNumber(ports(w.model.adapter(b[1]),
                    PortState.ACTIVATED)).map(n -> Transformer.mutate("protocol " + b[0] + " queries OID_GEN_PORT_STATE"
                            + " of " + b[1] + " port " + n, x -> x.queryPortState(b[0], b[1], n))))));
        }
        if (!closed.isEmpty()) {
            choices.add(Tuple.of(1, Arbitraries.of(closed).flatMap(c -> portNumber(List.of(0)).map(n ->
                    Transformer.mutate("protocol " + c[0] + " sends on its closed binding #" + c[1] + " to " + c[2]
                            + " port " + n, x -> x.sendOnClosedBinding((String) c[0], (Integer) c[1], n))))));
        }
        return Arbitraries.frequencyOf(choices.toArray(Tuple.Tuple2[]::new));
    }

    private static Arbitrary<Transformer<PortModelWorld>> receive(PortModelWorld w) {
        return anyAdapter().flatMap(a -> portNumber(ports(w.model.adapter(a), PortState.ACTIVATED))
                .map(n -> Transformer.mutate("miniport of " + a + " indicates a receive on port " + n,
                        x -> x.receive(a, n))));
    }

    /**
     * Halt: per port leave it, clean it up, only deactivate or only free; maybe allocate (not in FAIL_FAST)
     * or activate first; maybe allocate while the halt is scheduled.
     */
    private static Arbitrary<Transformer<PortModelWorld>> halt(PortModelWorld w) {
        return Arbitraries.of(adapters(w, Phase.P2)).flatMap(a -> {
            ModelAdapter m = w.model.adapter(a);
            List<Integer> numbers = m.ports.keySet().stream().filter(n -> n != 0).toList();
            Arbitrary<List<Integer>> plans = Arbitraries.integers().between(0, 3).list().ofSize(numbers.size());
            Arbitrary<Integer> extra = Arbitraries.frequency(Tuple.of(6, 0), Tuple.of(w.failFast ? 0 : 1, 1),
                    Tuple.of(1, 2));
            boolean port0Active = m.active(0);
            Arbitrary<Boolean> port0 = Arbitraries.frequency(Tuple.of(m.controlsDefault ? 3 : 6, false),
                    Tuple.of(m.controlsDefault ? 7 : 1, port0Active));
            Arbitrary<Boolean> probe = Arbitraries.of(false, true);
            return Combinators.combine(plans, extra, port0, probe, IoArbitraries.haltCalls(w, a)).as((plan, x, zero,
                    scheduled, io) -> {
                List<DriverCall> ops = new ArrayList<>(io);
                if (x == 1) {
                    ops.add(new DriverCall(CallKind.ALLOCATE, 0));
                }
                List<Integer> allocated = ports(m, PortState.ALLOCATED);
                if (x == 2 && !allocated.isEmpty()) {
                    ops.add(new DriverCall(CallKind.ACTIVATE, allocated.get(0)));
                }
                for (int i = 0; i < numbers.size(); i++) {
                    int n = numbers.get(i);
                    boolean active = m.active(n) || ops.contains(new DriverCall(CallKind.ACTIVATE, n));
                    switch (plan.get(i)) {
                        case 1 -> {
                            if (active) {
                                ops.add(new DriverCall(CallKind.DEACTIVATE, n));
                            }
                            ops.add(new DriverCall(CallKind.FREE, n));
                        }
                        case 2 -> ops.add(new DriverCall(CallKind.DEACTIVATE, n));
                        case 3 -> ops.add(new DriverCall(CallKind.FREE, n));
                        default -> {
                        }
                    }
                }
                if (zero) {
                    ops.add(new DriverCall(CallKind.DEACTIVATE, 0));
                }
                return Transformer.mutate("halt " + a + (scheduled ? " allocating while scheduled," : "")
                        + " doing " + ops, y -> y.halt(a, scheduled, ops));
            });
        });
    }

    /** A call on the handle of an adapter halted and since re-created under the same name. */
    private static Arbitrary<Transformer<PortModelWorld>> retiredHandle(PortModelWorld w) {
        return Arbitraries.of(List.copyOf(w.retired.keySet())).flatMap(a -> Combinators.combine(
                Arbitraries.integers().between(0, w.retired.get(a).size() - 1), Arbitraries.of(StaleKind.values()),
                portNumber(new ArrayList<>(w.model.adapter(a).ports.keySet()))).as((i, k, n) -> {
                    StaleCall c = new StaleCall(k, n);
                    return Transformer.mutate("stale handle #" + i + " of " + a + ": " + c,
                            x -> x.onRetiredHandle(a, i, c));
                }));
    }

    /**
     * Re-creation with a random initialize: calls in P0 (only I/O calls and status indications in FAIL_FAST,
     * where the driver catches their throw; a port call would throw out of initialize) and P1, and
     * sometimes a failing result.
     */
    private static Arbitrary<Transformer<PortModelWorld>> recreate(PortModelWorld w) {
        Arbitrary<DriverCall> early = Arbitraries.of(new DriverCall(CallKind.ALLOCATE, 0),
                new DriverCall(CallKind.ACTIVATE, 1), new DriverCall(CallKind.FREE, 1),
                new DriverCall(CallKind.DEACTIVATE, 0));
        Arbitrary<DriverCall> portCall = Combinators.combine(Arbitraries.of(CallKind.ALLOCATE, CallKind.ACTIVATE,
                CallKind.DEACTIVATE, CallKind.FREE), Arbitraries.integers().between(0, 3)).as(DriverCall::new);
        return Arbitraries.of(adapters(w, Phase.P4)).flatMap(a -> {
            Arbitrary<DriverCall> ioCall = IoArbitraries.initCall(w, a);
            Arbitrary<DriverCall> first = w.failFast ? ioCall : Arbitraries.oneOf(early, ioCall);
            Arbitrary<DriverCall> late = Arbitraries.frequencyOf(Tuple.of(1, portCall), Tuple.of(1, ioCall));
            Arbitrary<InitScript> script = Combinators.combine(first.list().ofMaxSize(1), Arbitraries.of(false, true),
                    late.list().ofMaxSize(4), Arbitraries.frequency(Tuple.of(6, true), Tuple.of(1, false)))
                    .as(InitScript::new);
            return script.map(s -> Transformer.mutate("re-create " + a + ", initialize doing " + s,
                    x -> x.create(a, s)));
        });
    }
}
