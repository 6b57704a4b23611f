package org.ndisport.binding.internal;

import static org.ndisport.api.NdisStatus.CLOSING;
import static org.ndisport.api.NdisStatus.INVALID_PARAMETER;
import static org.ndisport.api.NdisStatus.INVALID_PORT;
import static org.ndisport.api.NdisStatus.INVALID_PORT_STATE;
import static org.ndisport.api.NdisStatus.NOT_SUPPORTED;
import static org.ndisport.api.NdisStatus.SUCCESS;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.runtime.PortState;
import org.ndisport.binding.internal.ModelOps.Buffer;
import org.ndisport.binding.internal.ModelOps.EventSpec;
import org.ndisport.binding.internal.ModelOps.Hook;
import org.ndisport.binding.internal.ModelAdapter.Phase;
import org.ndisport.binding.internal.ModelAdapter.Port;

/** The model of NdisMNetPnPEvent: common checks C1–C4, rows A1–A9 and X1–X8 (D5–D15), and delivery (§4.1, D22). */
final class PortEventModel {
    /** Codes reserved to intermediate drivers (§1.4). */
    private static final Set<Integer> IM_CODES = Set.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 13, 14, 15, 16, 17, 22);

    private final PortModel model;

    PortEventModel(PortModel model) {
        this.model = model;
    }

    /** The outcome of the checks: a status, the ports listed and whether the list could be read (N6). */
    private record Check(NdisStatus status, List<Integer> listed, boolean listRead) {
    }

    NdisStatus event(ModelAdapter a, EventSpec spec, List<Hook> hooks, Expected e) {
        if (a.phase == Phase.P0) {
            e.violation("R75", a.name, null);
            return NdisStatus.FAILURE;
        }
        if (a.phase == Phase.P4) {
            e.violation("R75", a.name, null);
            return CLOSING;
        }
        if (spec.code() != 10 && spec.code() != 11) {
            if (IM_CODES.contains(spec.code())) {
                e.violation("R23", a.name, null);
            }
            return NOT_SUPPORTED;
        }
        if (spec.notificationPort() != 0 || spec.reserved()) {
            e.warning("D11", a.name, null);
        }
        boolean activation = spec.code() == 10;
        Check c = activation ? activation(a, spec) : deactivation(a, spec);
        if (c.status() != SUCCESS) {
            if (activation && c.listRead()) {
                for (int n : c.listed()) {
                    Port p = a.ports.get(n);
                    if (p != null && p.formal == PortState.ALLOCATED) {
                        p.failed = true;
                    }
                }
            }
            return c.status();
        }
        if (c.listed().equals(List.of(0))) {
            port0(a, activation, e);
        } else {
            deliver(a, activation, c.listed(), hooks, e);
        }
        return SUCCESS;
    }

    private Check activation(ModelAdapter a, EventSpec spec) {
        if (spec.buffer() == Buffer.NULL || spec.bufferLength() == 0 || spec.buffer() != Buffer.CHAIN) {
            return new Check(INVALID_PARAMETER, List.of(), false); // A1, N5
        }
        if (spec.cycle() || spec.missingChars()) {
            return new Check(INVALID_PARAMETER, List.of(), false); // A2
        }
        List<Integer> listed = spec.numbers();
        if (Integer.toUnsignedLong(spec.bufferLength()) < (long) listed.size() * 96) {
            return new Check(INVALID_PARAMETER, listed, true); // A3
        }
        return new Check(common(a, listed, PortState.ALLOCATED), listed, true); // A4-A7
    }

    private Check deactivation(ModelAdapter a, EventSpec spec) {
        if (spec.buffer() == Buffer.NULL || spec.bufferLength() == 0 || spec.buffer() != Buffer.ARRAY) {
            return new Check(INVALID_PARAMETER, List.of(), false); // X1, N5
        }
        long length = Integer.toUnsignedLong(spec.bufferLength());
        if (length % 4 != 0 || length > 4L * spec.numbers().size()) {
            return new Check(INVALID_PARAMETER, List.of(), false); // X2
        }
        List<Integer> listed = spec.numbers().subList(0, (int) (length / 4)); // D8
        return new Check(common(a, listed, PortState.ACTIVATED), List.copyOf(listed), true); // X3-X6
    }

    /** D9 duplicates, R13/R26 existence, R15/R28 port-0 exclusivity, R14/R27/D13 state, in D10's order. */
    private static NdisStatus common(ModelAdapter a, List<Integer> listed, PortState required) {
        if (new HashSet<>(listed).size() != listed.size()) {
            return INVALID_PARAMETER;
        }
        for (int n : listed) {
            if (!a.ports.containsKey(n)) {
                return INVALID_PORT;
            }
        }
        if (listed.contains(0) && listed.size() > 1) {
            return INVALID_PORT;
        }
        for (int n : listed) {
            if (a.ports.get(n).formal != required || a.inFlight.contains(n)) {
                return INVALID_PORT_STATE;
            }
        }
        return SUCCESS;
    }

    /** A9 and X8: no port event; activation binds (D16), deactivation unbinds first (D15). */
    private void port0(ModelAdapter a, boolean activation, Expected e) {
        Port zero = a.ports.get(0);
        if (activation) {
            zero.formal = PortState.ACTIVATED;
            zero.failed = false;
            if (a.phase == Phase.P2) {
                model.bindAll(a, e);
            }
        } else {
            model.unbindAll(a, e);
            zero.formal = PortState.ALLOCATED;
        }
    }

    /** A8 and X7: each binding in binding order gets the event, then the ports change state. */
    private void deliver(ModelAdapter a, boolean activation, List<Integer> listed, List<Hook> hooks, Expected e) {
        a.activating = activation;
        a.inFlight = listed;
        List<String> order = List.copyOf(a.bindings);
        for (int i = 0; i < order.size(); i++) {
            String b = order.get(i);
            a.deliveringTo = i;
            e.log.add(b + (activation ? " activate " : " deactivate ") + a.name + " " + listed);
            e.callbacks.add(snapshot(a, b));
            for (Hook h : hooks) {
                if (h.at().equals(b)) {
                    hook(a, activation, h, e);
                }
            }
            if (model.styles.get(b).eventAnswer() != SUCCESS) {
                e.warningBy(b, "D22", a.name); // P-3, P-5; the outcome is unchanged (O-6)
            }
        }
        a.inFlight = List.of();
        a.deliveringTo = -1;
        for (int n : listed) {
            Port p = a.ports.get(n);
            p.formal = activation ? PortState.ACTIVATED : PortState.ALLOCATED;
            if (activation) {
                p.failed = false;
            }
        }
    }

    private void hook(ModelAdapter a, boolean activation, Hook h, Expected e) {
        switch (h.kind()) {
            case SEND -> DataPathModel.send(a, h.sender(), h.port(), e);
            case RECEIVE -> DataPathModel.receive(a, h.port(), e);
            case STATUS -> e.io.add(model.statusIn(a, new StatusSpec(h.port(), true,
                    StatusSpec.StatusBuffer.PORT_STATE), e));
            case FREE -> e.nested.add(model.free(a, h.port()));
            case ALLOCATE -> e.nested.add(model.allocateIn(a, e));
            case REPEAT -> e.nested.add(event(a, EventSpec.wellFormed(activation ? 10 : 11, List.of(h.port())),
                    List.of(), e));
        }
    }

    private static Expected.Snapshot snapshot(ModelAdapter a, String at) {
        Map<Integer, PortState> states = new TreeMap<>();
        a.ports.keySet().forEach(n -> states.put(n, a.shown(n)));
        Map<String, List<Integer>> open = new LinkedHashMap<>();
        for (int j = 0; j < a.bindings.size(); j++) {
            open.put(a.bindings.get(j), new ArrayList<>(a.openTo(j)));
        }
        return new Expected.Snapshot(at, states, open);
    }
}
