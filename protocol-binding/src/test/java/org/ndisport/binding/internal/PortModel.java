package org.ndisport.binding.internal;

import static org.ndisport.api.NdisStatus.CLOSING;
import static org.ndisport.api.NdisStatus.INVALID_DATA;
import static org.ndisport.api.NdisStatus.INVALID_PORT;
import static org.ndisport.api.NdisStatus.INVALID_PORT_STATE;
import static org.ndisport.api.NdisStatus.RESOURCES;
import static org.ndisport.api.NdisStatus.SUCCESS;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.runtime.PortState;
import org.ndisport.binding.internal.ModelAdapter.Phase;
import org.ndisport.binding.internal.ModelAdapter.Port;
import org.ndisport.binding.internal.ModelOps.CharsSpec;
import org.ndisport.binding.internal.ModelOps.DriverCall;
import org.ndisport.binding.internal.ModelOps.Hook;

/**
 * The reference model of spec §1.1–§2.6 and §4.1, written from the tables alone: per adapter its phase,
 * its port table, the binding order and the event in flight; the registered protocols. Each method
 * applies one call to the model and says what the runtime must do ({@link Expected}).
 */
final class PortModel {
    /** The engine's port limit in the test (D3), low so that RESOURCES is reachable. */
    static final int LIMIT = 5;
    static final int MAX_PORT_NUMBER = 0xFFFFFF;

    final Map<String, ModelAdapter> adapters = new LinkedHashMap<>();
    final List<String> registered = new ArrayList<>();
    final Map<String, ModelOps.ProtocolStyle> styles = new LinkedHashMap<>();
    private final PortEventModel events = new PortEventModel(this);
    /** The I/O claims and cards (§5). */
    IoModel io = new IoModel();
    /** FAIL_FAST (D21): a call inside a driver callback that records a violation throws instead. */
    boolean failFast;

    /** A deep copy at a step boundary. */
    PortModel copy() {
        PortModel c = new PortModel();
        c.io = io.copy();
        c.failFast = failFast;
        adapters.forEach((n, a) -> c.adapters.put(n, a.copy()));
        c.registered.addAll(registered);
        c.styles.putAll(styles);
        return c;
    }

    ModelAdapter adapter(String name) {
        return adapters.get(name);
    }

    /**
     * A new adapter initialized with {@code script} (§1.1, §2.6): P0 calls, registration, P1 calls; on
     * success binding starts if port 0 is active (O-2), with warning R65 after a failed registration; on
     * failure leftover ports are R39 and ranges R71, then reclaimed.
     */
    Expected create(String name, ModelOps.InitScript script) {
        ModelAdapter a = adapters.computeIfAbsent(name, n -> new ModelAdapter(n, script.controlsDefault()));
        a.reset();
        io.created(name);
        String instance = io.current(name);
        Expected e = new Expected();
        script.beforeRegistration().forEach(c -> driverCall(a, c, e));
        a.register(script.controlsDefault());
        script.afterRegistration().forEach(c -> driverCall(a, c, e));
        if (script.succeeds()) {
            a.phase = Phase.P2;
            if (io.failedRegistration.remove(instance)) {
                e.warning("R65", a.name, null);
            }
            if (a.active(0)) {
                bindAll(a, e);
            }
            e.status = SUCCESS;
        } else {
            a.ports.keySet().stream().filter(n -> n != 0).forEach(n -> e.violation("R39", a.name, n));
            io.leftovers(instance, name, "R71", e);
            io.failedRegistration.remove(instance);
            a.ports.clear();
            a.phase = Phase.P4;
            e.status = NdisStatus.FAILURE;
        }
        return e;
    }

    /** §2.1. */
    Expected allocate(String adapter, CharsSpec c) {
        Expected e = new Expected();
        allocate(adapter(adapter), c, e);
        return e;
    }

    NdisStatus allocate(ModelAdapter a, CharsSpec c, Expected e) {
        if (a.phase == Phase.P0) {
            e.violation("R1", a.name, null);
            return e.status = NdisStatus.FAILURE;
        }
        if (a.phase == Phase.P3 || a.phase == Phase.P4) {
            e.violation("R2", a.name, null);
            return e.status = CLOSING;
        }
        if (!valid(c)) {
            return e.status = INVALID_DATA;
        }
        for (int n = 1; n <= LIMIT; n++) {
            if (!a.ports.containsKey(n)) {
                a.ports.put(n, new Port());
                e.portNumber = n;
                if (c.type() == 1 || c.type() == 4) {
                    e.warning("R10", a.name, null);
                }
                return e.status = SUCCESS;
            }
        }
        return e.status = RESOURCES;
    }

    /** D1. */
    static boolean valid(CharsSpec c) {
        return !c.nul() && (c.headerType() == 0x80 || c.headerType() == 0x9C) && c.revision() >= 1
                && c.size() >= 60 && Integer.compareUnsigned(c.type(), 5) < 0 && (c.flags() & ~1) == 0;
    }

    /** §2.2, D4. */
    Expected free(String adapter, int n) {
        Expected e = new Expected();
        e.status = free(adapter(adapter), n);
        return e;
    }

    NdisStatus free(ModelAdapter a, int n) {
        if (Integer.compareUnsigned(n, MAX_PORT_NUMBER) > 0) {
            return INVALID_DATA;
        }
        Port p = a.ports.get(n);
        if (n == 0 || p == null) {
            return INVALID_PORT;
        }
        if (p.formal == PortState.ACTIVATED || a.inFlight.contains(n)) {
            return INVALID_PORT_STATE;
        }
        a.ports.remove(n);
        return SUCCESS;
    }

    /** §2.3, §2.4 with the callbacks' hooks. */
    Expected portEvent(String adapter, ModelOps.EventSpec spec, List<Hook> hooks) {
        Expected e = new Expected();
        e.status = events.event(adapter(adapter), spec, hooks, e);
        return e;
    }

    /**
     * A call on the stale handle of a halted adapter whose name now belongs to a new adapter: P4 rules
     * (CLOSING with R2 or R75, frees and receives find no port), and the new adapter is untouched.
     */
    Expected onRetiredHandle(String adapter, ModelOps.StaleCall c) {
        ModelAdapter old = new ModelAdapter(adapter, false);
        old.ports.clear();
        old.phase = Phase.P4;
        Expected e = new Expected();
        switch (c.kind()) {
            case ALLOCATE -> allocate(old, new CharsSpec(false, 0x80, 1, 60, 1, 0, 0), e);
            case FREE -> e.status = free(old, c.port());
            case ACTIVATE -> e.status = events.event(old, ModelOps.EventSpec.wellFormed(10, List.of(c.port())),
                    List.of(), e);
            case DEACTIVATE -> e.status = events.event(old, ModelOps.EventSpec.wellFormed(11, List.of(c.port())),
                    List.of(), e);
            case RECEIVE -> DataPathModel.receive(old, c.port(), e);
            case STATUS -> DataPathModel.status(old, new StatusSpec(c.port(), false,
                    StatusSpec.StatusBuffer.PORT_STATE), e);
        }
        return e;
    }

    /** An I/O call on the stale handle of instance {@code index} of the name (P4, §5). */
    Expected ioOnRetiredHandle(String adapter, int index, IoOps.IoCall c) {
        Expected e = new Expected();
        e.io.add(io.call(adapter + "#" + index, adapter, Phase.P4, c, failFast, e));
        return e;
    }

    /** An I/O call of the miniport at a step boundary (§5): the adapter is in P2 or P4. */
    Expected io(String adapter, IoOps.IoCall c) {
        Expected e = new Expected();
        ModelAdapter a = adapter(adapter);
        e.io.add(io.call(io.current(adapter), adapter, a.phase, c, failFast, e));
        return e;
    }

    /** A status indication at a step boundary (§2.5, §6.4). */
    Expected status(String adapter, StatusSpec s) {
        return DataPathModel.status(adapter(adapter), s);
    }

    /** §2.5 receive at a step boundary. */
    Expected receive(String adapter, int n) {
        return DataPathModel.receive(adapter(adapter), n);
    }

    /** §2.5 send at a step boundary. */
    Expected send(String protocol, String adapter, int n) {
        Expected e = new Expected();
        DataPathModel.send(adapter(adapter), protocol, n, e);
        return e;
    }

    /** §6.2 OID_GEN_PORT_STATE at a step boundary. */
    Expected queryPortState(String protocol, String adapter, int n) {
        return DataPathModel.queryPortState(adapter(adapter), protocol, n);
    }

    /**
     * A protocol registers: bound at once to every operational adapter with port 0 active (§4.1, D17);
     * one that declines is asked each time binding runs and never bound.
     */
    Expected register(String protocol, ModelOps.ProtocolStyle style) {
        Expected e = new Expected();
        registered.add(protocol);
        styles.put(protocol, style);
        for (ModelAdapter a : adapters.values()) {
            if (a.phase == Phase.P2 && a.active(0)) {
                bind(a, protocol, e);
            }
        }
        return e;
    }

    /** A protocol leaves: only its own bindings close. */
    Expected unregister(String protocol) {
        Expected e = new Expected();
        registered.remove(protocol);
        for (ModelAdapter a : adapters.values()) {
            if (a.bindings.remove(protocol)) {
                e.log.add(protocol + " unbind " + a.name);
            }
        }
        return e;
    }

    /**
     * Halt (§2.6, D34): unbind (an allocation while the halt is scheduled: CLOSING, no record, D2), run the
     * handler's calls in P3, report leftovers (R40 per port, R41), reclaim.
     */
    Expected halt(String adapter, boolean allocateWhileScheduled, List<DriverCall> ops) {
        ModelAdapter a = adapter(adapter);
        Expected e = new Expected();
        if (allocateWhileScheduled && !a.bindings.isEmpty()) {
            e.nested.add(CLOSING);
        }
        unbindAll(a, e);
        a.phase = Phase.P3;
        ops.forEach(c -> driverCall(a, c, e));
        for (int n : a.ports.keySet()) {
            if (n != 0) {
                e.violation("R40", a.name, n);
            }
        }
        if (a.controlsDefault && a.active(0)) {
            e.violation("R41", a.name, 0);
        }
        io.leftovers(io.current(adapter), adapter, "R70", e);
        a.ports.clear();
        a.phase = Phase.P4;
        return e;
    }

    /**
     * A call of the initialize or halt handler; its records belong to {@code e}, its status to
     * {@code e.nested} (port calls) or its result to {@code e.io} (I/O and status calls, which the
     * miniport makes catching a FAIL_FAST throw).
     */
    private void driverCall(ModelAdapter a, DriverCall c, Expected e) {
        switch (c.kind()) {
            case ALLOCATE -> e.nested.add(allocateIn(a, e));
            case FREE -> e.nested.add(free(a, c.port()));
            case DEACTIVATE -> e.nested.add(events.event(a, ModelOps.EventSpec.wellFormed(11, List.of(c.port())),
                    List.of(), e));
            case ACTIVATE -> e.nested.add(events.event(a, ModelOps.EventSpec.wellFormed(10, List.of(c.port())),
                    List.of(), e));
            case IO -> e.io.add(io.call(io.current(a.name), a.name, a.phase, c.io(), failFast, e));
            case STATUS -> e.io.add(statusIn(a, c.status(), e));
        }
    }

    /** A status indication inside a driver or protocol callback: "done", or "threw" in FAIL_FAST on a violation. */
    String statusIn(ModelAdapter a, StatusSpec s, Expected e) {
        long dropped = a.dropped;
        if (DataPathModel.status(a, s, e) && failFast) {
            a.dropped = dropped; // no other effect (D21)
            return "threw";
        }
        return "done";
    }

    /** An everyday allocation made inside a callback or the halt handler; its records belong to {@code e}. */
    NdisStatus allocateIn(ModelAdapter a, Expected e) {
        Expected scratch = new Expected();
        NdisStatus s = allocate(a, new CharsSpec(false, 0x80, 1, 60, 1, 0, 0), scratch);
        e.records.addAll(scratch.records);
        return s;
    }

    void bindAll(ModelAdapter a, Expected e) {
        for (String p : registered) {
            bind(a, p, e);
        }
    }

    private void bind(ModelAdapter a, String protocol, Expected e) {
        List<Integer> active = new ArrayList<>();
        a.ports.forEach((n, p) -> {
            if (p.formal == PortState.ACTIVATED) {
                active.add(n);
            }
        });
        e.log.add(protocol + " bind " + a.name + " " + active);
        if (styles.get(protocol) != ModelOps.ProtocolStyle.DECLINES_BINDS) {
            a.bindings.add(protocol);
        }
    }

    void unbindAll(ModelAdapter a, Expected e) {
        a.bindings.forEach(p -> e.log.add(p + " unbind " + a.name));
        a.bindings.clear();
    }

    /** Everything but counters, to tell a step that changed nothing (for shrinking). */
    String fingerprint() {
        StringBuilder b = new StringBuilder(registered.toString());
        for (ModelAdapter a : adapters.values()) {
            b.append(a.name).append(a.phase).append(a.controlsDefault).append(a.bindings);
            a.ports.forEach((n, p) -> b.append(n).append(p.formal).append(p.failed));
        }
        return b.append(io.fingerprint()).toString();
    }

    /** Runs {@code body} for every adapter. */
    void forEach(Consumer<ModelAdapter> body) {
        adapters.values().forEach(body);
    }
}
