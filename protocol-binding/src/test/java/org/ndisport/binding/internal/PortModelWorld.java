package org.ndisport.binding.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Supplier;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.NdisVerifierException;
import org.ndisport.api.data.NetBufferList;
import org.ndisport.api.data.OidRequest;
import org.ndisport.api.data.Oids;
import org.ndisport.api.miniport.AllocatePortResult;
import org.ndisport.api.miniport.HaltAction;
import org.ndisport.api.miniport.MiniportAttributes;
import org.ndisport.api.miniport.NdisMiniportHandle;
import org.ndisport.api.pnp.NetPnPEventNotification;
import org.ndisport.api.port.NdisPortState;
import org.ndisport.api.port.PortCharacteristics;
import org.ndisport.api.protocol.ProtocolBindingHandle;
import org.ndisport.api.runtime.VerifierMode;
import org.ndisport.binding.internal.ModelAdapter.Phase;
import org.ndisport.binding.internal.ModelOps.CharsSpec;
import org.ndisport.binding.internal.ModelOps.EventSpec;
import org.ndisport.binding.internal.ModelOps.DriverCall;
import org.ndisport.binding.internal.ModelOps.Hook;
import org.ndisport.api.io.IoPortRange;
import org.ndisport.api.port.AuthStates;
import org.ndisport.api.runtime.AdapterSpec;
import org.ndisport.core.adapter.internal.AdapterRuntime;
import org.ndisport.core.adapter.internal.EngineFixture;
import org.ndisport.ioport.space.internal.PortSpace;
import org.ndisport.core.adapter.internal.ScriptedMiniport;

/**
 * The state of one generated sequence: the real engine with the real binding layer (synchronous,
 * {@link BindingFixture}), two adapters, the registered {@link ModelProtocol}s, and {@link PortModel}.
 * Each step applies one call to the model and to the engine, and {@link StepCheck} compares them.
 */
final class PortModelWorld {
    static final List<String> ADAPTERS = List.of("A", "B");

    /** One adapter name: the adapter object and driver now behind it (a new one after re-creation). */
    static final class Slot {
        AdapterRuntime runtime;
        ScriptedMiniport miniport;

        NdisMiniportHandle handle() {
            return miniport.handle;
        }
    }

    final BindingFixture fx;
    final boolean failFast;
    PortModel model = new PortModel();
    final List<String> log = new CopyOnWriteArrayList<>();
    final Map<String, Slot> slots = new LinkedHashMap<>();
    final Map<String, ModelProtocol> protocols = new LinkedHashMap<>();
    /** Adapters halted and replaced by a new one of the same name, oldest first. */
    final Map<String, List<Slot>> retired = new LinkedHashMap<>();
    final Map<String, ModelProtocol> everRegistered = new LinkedHashMap<>();
    final StepCheck check = new StepCheck(this);
    private int nextProtocol = 1;
    private final CallbackHooks callbacks = new CallbackHooks(this);
    final List<NdisStatus> nestedActual = new ArrayList<>();
    final List<String> ioActual = new ArrayList<>();
    /** The real I/O port space with the two latch cards of {@link IoModel}. */
    final PortSpace space = new PortSpace();
    final List<LatchCard> cards = List.of(new LatchCard(IoModel.CARD_A, IoModel.CARD_A_SIZE),
            new LatchCard(IoModel.CARD_B, IoModel.CARD_B_SIZE));
    final List<String> problems = new ArrayList<>();

    PortModelWorld() {
        this(VerifierMode.REPORT);
    }

    PortModelWorld(VerifierMode mode) {
        fx = new BindingFixture(mode, 30_000);
        failFast = mode == VerifierMode.FAIL_FAST;
        fx.engine.context.portLimit(PortModel.LIMIT);
        fx.engine.context.ioPortSpace(space);
        cards.forEach(c -> space.attach("latch" + c.decodedRanges().get(0), c));
        model.failFast = failFast;
        create("A", ModelOps.InitScript.claiming(false, IoModel.CARD_A, IoModel.CARD_A_SIZE));
        create("B", ModelOps.InitScript.claiming(true, IoModel.CARD_B, IoModel.CARD_B_SIZE));
    }

    /** The model's state and the closed bindings, for {@link PortModelTest.StateChange}. */
    String fingerprint() {
        StringBuilder b = new StringBuilder(model.fingerprint());
        everRegistered.values().forEach(p -> b.append(p.closed.size()));
        return b.toString();
    }

    String nextProtocolName() {
        return "p" + nextProtocol;
    }

    // ---- the steps ----

    void create(String adapter, ModelOps.InitScript script) {
        require(!slots.containsKey(adapter) || model.adapter(adapter).phase == Phase.P4, "adapter halted");
        ScriptedMiniport m = new ScriptedMiniport();
        m.onInitialize = h -> {
            script.beforeRegistration().forEach(c -> call(h, c));
            h.setMiniportAttributes(script.controlsDefault() ? MiniportAttributes.registrationControllingDefaultPort()
                    : MiniportAttributes.registration());
            script.afterRegistration().forEach(c -> call(h, c));
            return script.succeeds() ? NdisStatus.SUCCESS : NdisStatus.FAILURE;
        };
        Slot s = slots.computeIfAbsent(adapter, n -> new Slot());
        if (s.runtime != null) {
            Slot old = new Slot();
            old.runtime = s.runtime;
            old.miniport = s.miniport;
            retired.computeIfAbsent(adapter, n -> new ArrayList<>()).add(old);
        }
        s.miniport = m;
        s.runtime = adapter.equals("B") ? new AdapterRuntime(new AdapterSpec("B", m, "ScriptedMiniport",
                EngineFixture.BUNDLE, AuthStates.UNCONTROLLED_UNKNOWN, List.of(new IoPortRange(IoModel.ASSIGNED_B,
                        IoModel.ASSIGNED_B_SIZE)), -1, false), fx.engine.context) : fx.engine.adapter(adapter, m);
        run("create " + adapter, model.create(adapter, script), () -> s.runtime.initialize());
    }

    void allocate(String adapter, CharsSpec c) {
        PortCharacteristics chars = c.toApi();
        Expected e = expect(m -> m.allocate(adapter, c));
        run("allocate " + adapter, e, () -> {
            AllocatePortResult r = slots.get(adapter).handle().allocatePort(chars);
            if (r.status() == NdisStatus.SUCCESS) {
                check.same("allocated number", e.portNumber, r.portNumber());
                check.same("number written to the characteristics (R4)", e.portNumber, chars.portNumber());
            }
            return r.status();
        });
    }

    void free(String adapter, int n) {
        run("free " + adapter, expect(m -> m.free(adapter, n)), () -> slots.get(adapter).handle().freePort(n));
    }

    void portEvent(String adapter, EventSpec spec, List<Hook> stepHooks) {
        List<String> bound = model.adapter(adapter).bindings;
        require(stepHooks.stream().allMatch(h -> bound.contains(h.at()) && (h.sender().isEmpty()
                || bound.contains(h.sender()))), "hooks' protocols bound");
        NetPnPEventNotification notification = spec.toApi();
        Expected e = expect(m -> m.portEvent(adapter, spec, stepHooks));
        callbacks.hooks = stepHooks;
        run("event " + adapter, e, () -> slots.get(adapter).handle().netPnPEvent(notification));
    }

    void onRetiredHandle(String adapter, int index, ModelOps.StaleCall c) {
        require(retired.containsKey(adapter) && index < retired.get(adapter).size(), "retired handle exists");
        Slot old = retired.get(adapter).get(index);
        NdisMiniportHandle h = old.handle();
        run("stale handle of " + adapter, expect(m -> m.onRetiredHandle(adapter, c)), () -> switch (c.kind()) {
            case ALLOCATE -> h.allocatePort(PortCharacteristics.forAllocation()).status();
            case FREE -> h.freePort(c.port());
            case ACTIVATE -> h.netPnPEvent(NetPnPEventNotification.portActivation(c.port()));
            case DEACTIVATE -> h.netPnPEvent(NetPnPEventNotification.portDeactivation(c.port()));
            case RECEIVE -> {
                indicate(old, c.port());
                yield null;
            }
            case STATUS -> {
                h.indicateStatus(new StatusSpec(c.port(), false, StatusSpec.StatusBuffer.PORT_STATE).toApi());
                yield null;
            }
        });
    }

    /** An I/O call on the stale handle of instance {@code index} of the name. */
    void ioOnRetiredHandle(String adapter, int index, IoOps.IoCall c) {
        require(retired.containsKey(adapter) && index < retired.get(adapter).size(), "retired handle exists");
        NdisMiniportHandle h = retired.get(adapter).get(index).handle();
        run("I/O on stale handle of " + adapter, expect(m -> m.ioOnRetiredHandle(adapter, index, c)), () -> {
            ioActual.add(c.perform(h));
            return null;
        });
    }

    /** An I/O call of the miniport outside its initialize and halt handlers. */
    void io(String adapter, IoOps.IoCall c) {
        NdisMiniportHandle h = slots.get(adapter).handle();
        run("I/O " + adapter, expect(m -> m.io(adapter, c)), () -> {
            ioActual.add(c.perform(h));
            return null;
        });
    }

    /** A status indication of the miniport at a step boundary. */
    void status(String adapter, StatusSpec spec) {
        NdisMiniportHandle h = slots.get(adapter).handle();
        run("status " + adapter, expect(m -> m.status(adapter, spec)), () -> {
            h.indicateStatus(spec.toApi());
            return null;
        });
    }

    void receive(String adapter, int n) {
        run("receive " + adapter, expect(m -> m.receive(adapter, n)), () -> {
            indicate(slots.get(adapter), n);
            return null;
        });
    }

    void send(String protocol, String adapter, int n) {
        require(model.adapter(adapter).bindings.contains(protocol), "protocol bound");
        run("send", expect(m -> m.send(protocol, adapter, n)), () -> {
            ModelProtocol p = protocols.get(protocol);
            p.send(p.handles.get(adapter), n);
            return null;
        });
    }

    void queryPortState(String protocol, String adapter, int n) {
        require(model.adapter(adapter).bindings.contains(protocol), "protocol bound");
        OidRequest q = OidRequest.query(Oids.OID_GEN_PORT_STATE, n, NdisPortState.SIZE);
        run("OID_GEN_PORT_STATE", expect(m -> m.queryPortState(protocol, adapter, n)),
                () -> protocols.get(protocol).handles.get(adapter).oidRequest(q));
    }

    void sendOnClosedBinding(String protocol, int index, int n) {
        require(everRegistered.containsKey(protocol) && index < everRegistered.get(protocol).closed.size(),
                "closed binding exists");
        ProtocolBindingHandle h = everRegistered.get(protocol).closed.get(index);
        run("send on closed binding", DataPathModel.sendOnClosedBinding(protocol, h.adapterName(), n), () -> {
            everRegistered.get(protocol).send(h, n);
            return null;
        });
    }

    void register(String protocol, ModelOps.ProtocolStyle style) {
        require(!everRegistered.containsKey(protocol), "new protocol");
        ModelProtocol p = new ModelProtocol(protocol, log, callbacks, style);
        nextProtocol++;
        protocols.put(protocol, p);
        everRegistered.put(protocol, p);
        run("register " + protocol, model.register(protocol, style), () -> {
            p.entry = fx.layer.register(p, protocol, BindingFixture.bundleOf(protocol), nextProtocol);
            return null;
        });
    }

    void unregister(String protocol) {
        require(protocols.containsKey(protocol), "protocol registered");
        ModelProtocol p = protocols.remove(protocol);
        run("unregister " + protocol, model.unregister(protocol), () -> {
            fx.layer.unregister(p.entry);
            return null;
        });
    }

    /**
     * Halt; with {@code allocateWhileScheduled} the miniport allocates from the first unbind callback, while
     * the halt is scheduled and MiniportHaltEx not yet called.
     */
    void halt(String adapter, boolean allocateWhileScheduled, List<DriverCall> ops) {
        require(model.adapter(adapter).phase == Phase.P2, "adapter operational");
        Slot s = slots.get(adapter);
        s.miniport.onHalt = h -> ops.forEach(op -> call(h, op));
        callbacks.haltScheduledProbe = allocateWhileScheduled ? adapter : null;
        run("halt " + adapter, model.halt(adapter, allocateWhileScheduled, ops), () -> {
            s.runtime.halt(HaltAction.DEVICE_DISABLED);
            return null;
        });
    }

    /**
     * A call of the initialize or halt handler: a port call's status goes to {@link #nestedActual}; an I/O
     * call's or status indication's result to {@link #ioActual}, "threw" when it throws (FAIL_FAST).
     */
    private void call(NdisMiniportHandle h, DriverCall op) {
        switch (op.kind()) {
            case ALLOCATE -> nestedActual.add(h.allocatePort(PortCharacteristics.forAllocation()).status());
            case FREE -> nestedActual.add(h.freePort(op.port()));
            case DEACTIVATE -> nestedActual.add(h.netPnPEvent(NetPnPEventNotification.portDeactivation(op.port())));
            case ACTIVATE -> nestedActual.add(h.netPnPEvent(NetPnPEventNotification.portActivation(op.port())));
            case IO, STATUS -> ioActual.add(guarded(() -> {
                if (op.kind() == ModelOps.CallKind.IO) {
                    return op.io().perform(h);
                }
                h.indicateStatus(op.status().toApi());
                return "done";
            }));
        }
    }

    /** The result of a call inside a callback, or "threw" for the FAIL_FAST exception, which the driver catches. */
    static String guarded(Supplier<String> call) {
        try {
            return call.get();
        } catch (NdisVerifierException x) {
            return "threw";
        }
    }

    /**
     * The model's expectation for a call into the runtime. In FAIL_FAST a call the model says records a
     * violation throws instead, with no other effect (D21): the model stays as it was.
     */
    private Expected expect(Function<PortModel, Expected> step) {
        if (!failFast) {
            return step.apply(model);
        }
        PortModel trial = model.copy();
        Expected e = step.apply(trial);
        if (e.records.stream().anyMatch(r -> !r.warning())) {
            return Expected.thrown(e.records);
        }
        model = trial;
        return e;
    }

    /** A step replayed out of its generated context whose precondition no longer holds (see {@link SequenceMinimizer}). */
    static final class PreconditionFailed extends RuntimeException {
        PreconditionFailed(String what) {
            super(what, null, false, false);
        }
    }

    private static void require(boolean holds, String what) {
        if (!holds) {
            throw new PreconditionFailed(what);
        }
    }

    private void run(String what, Expected e, Supplier<NdisStatus> call) {
        callbacks.start(e);
        try {
            check.step(what, e, call);
        } finally {
            callbacks.end();
        }
    }

    /** Indicates one frame on {@code n}; it must come back to the miniport exactly once, or never when refused in FAIL_FAST (D21, D33). */
    void indicate(Slot s, int n) {
        NetBufferList l = NetBufferList.copyOf(new byte[] {9});
        try {
            s.handle().indicateReceiveNetBufferLists(l, n, 1, 0);
        } catch (NdisVerifierException x) {
            if (s.miniport.returned.contains(l)) {
                problems.add("receive on " + n + " threw (FAIL_FAST) yet its list went back to the miniport");
            }
            throw x;
        }
        long back = s.miniport.returned.stream().filter(x -> x == l).count();
        if (back != 1) {
            problems.add("receive on " + n + " came back to the miniport " + back + " times");
        }
    }
}
