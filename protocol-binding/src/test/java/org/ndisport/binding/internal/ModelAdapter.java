package org.ndisport.binding.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.ndisport.api.runtime.PortState;

/**
 * One adapter of {@link PortModel}: phase, port table, binding order, dropped indications and the port
 * event in flight.
 */
final class ModelAdapter {
    /** The phases (§1.1); a step leaves an adapter in P2 or P4, the others exist only inside its callbacks. */
    enum Phase { P0, P1, P2, P3, P4 }

    /** A port: formal state (ALLOCATED or ACTIVATED) and "latest activation attempt failed" (§2.5, N6). */
    static final class Port {
        PortState formal = PortState.ALLOCATED;
        boolean failed;
    }

    final String name;
    boolean controlsDefault;
    Phase phase = Phase.P2;
    final TreeMap<Integer, Port> ports = new TreeMap<>();
    final List<String> bindings = new ArrayList<>();
    long dropped;
    /** The event in flight (D32): its kind, its ports and the binding whose callback runs. */
    boolean activating;
    List<Integer> inFlight = List.of();
    int deliveringTo = -1;

    ModelAdapter(String name, boolean controlsDefault) {
        this.name = name;
        reset();
        register(controlsDefault);
        phase = Phase.P2;
    }

    /** A deep copy at a step boundary (no event in flight). */
    ModelAdapter copy() {
        ModelAdapter c = new ModelAdapter(name, controlsDefault);
        c.phase = phase;
        c.ports.clear();
        ports.forEach((n, p) -> {
            Port q = new Port();
            q.formal = p.formal;
            q.failed = p.failed;
            c.ports.put(n, q);
        });
        c.bindings.addAll(bindings);
        c.dropped = dropped;
        return c;
    }

    /** A new adapter in P0: no port, no binding. */
    void reset() {
        phase = Phase.P0;
        ports.clear();
        bindings.clear();
        dropped = 0;
    }

    /** Registration attributes set (P0 to P1): port 0 created, active unless the miniport controls it (R21). */
    void register(boolean controls) {
        controlsDefault = controls;
        phase = Phase.P1;
        Port zero = new Port();
        zero.formal = controls ? PortState.ALLOCATED : PortState.ACTIVATED;
        ports.put(0, zero);
    }

    /** The state a view shows, transition flag included (D32). */
    PortState shown(int n) {
        Port p = ports.get(n);
        if (p == null) {
            return PortState.NONEXISTENT;
        }
        if (inFlight.contains(n)) {
            return p.formal == PortState.ALLOCATED ? PortState.ACTIVATING : PortState.DEACTIVATING;
        }
        return p.formal;
    }

    boolean active(int n) {
        Port p = ports.get(n);
        return p != null && p.formal == PortState.ACTIVATED;
    }

    /** Ports open to the binding at position {@code j} of the binding order (§1.2). */
    List<Integer> openTo(int j) {
        List<Integer> open = new ArrayList<>();
        for (int n : ports.keySet()) {
            if (n == 0 || isOpen(j, n)) {
                open.add(n);
            }
        }
        return open;
    }

    boolean isOpen(int j, int n) {
        if (n == 0) {
            return ports.containsKey(0);
        }
        if (inFlight.contains(n)) {
            return activating ? j <= deliveringTo : j >= deliveringTo;
        }
        return active(n);
    }
}
