package org.ndisport.binding.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.NdisVerifierException;
import org.ndisport.api.data.OidRequest;
import org.ndisport.api.data.Oids;
import org.ndisport.api.port.NdisPortArray;
import org.ndisport.api.port.PortCharacteristics;
import org.ndisport.api.protocol.ProtocolBindingHandle;
import org.ndisport.api.runtime.AdapterPhase;
import org.ndisport.api.runtime.AdapterView;
import org.ndisport.api.runtime.BindingView;
import org.ndisport.api.runtime.PortState;
import org.ndisport.api.runtime.PortView;
import org.ndisport.api.runtime.Severity;
import org.ndisport.api.runtime.Violation;
import org.ndisport.binding.internal.ModelAdapter.Phase;
import org.ndisport.binding.internal.PortModelWorld.Slot;
import org.ndisport.core.adapter.internal.ScriptedMiniport;

/**
 * Compares one step of the engine with the model: status, protocol log per adapter, sends reaching each
 * miniport, nested call statuses, I/O and status call results, verifier records added, callbacks' views,
 * and then the whole state: I/O claims and card latches, phases, every port's state and failed-activation
 * flag, dropped counts, bindings and their open ports.
 */
final class StepCheck {
    private final PortModelWorld w;
    private final List<String> mismatches = new ArrayList<>();

    StepCheck(PortModelWorld w) {
        this.w = w;
    }

    void step(String what, Expected e, Supplier<NdisStatus> call) {
        mismatches.clear();
        w.nestedActual.clear();
        w.ioActual.clear();
        w.problems.clear();
        int records = w.fx.records().size();
        int logged = w.log.size();
        Map<ScriptedMiniport, Integer> sent = new IdentityHashMap<>();
        w.slots.values().forEach(s -> sent.put(s.miniport, s.miniport.sendPorts.size()));

        NdisStatus status = null;
        NdisVerifierException thrown = null;
        try {
            status = call.get();
        } catch (NdisVerifierException x) {
            thrown = x;
        }
        same("threw NdisVerifierException (FAIL_FAST, D21)", e.throwsViolation, thrown != null);

        if (e.status != null) {
            same("status", e.status, status);
        }
        List<String> lines = new ArrayList<>(w.log.subList(logged, w.log.size()));
        for (String adapter : w.slots.keySet()) {
            List<String> want = forAdapter(e.log, adapter, e.unorderedLog);
            List<String> got = forAdapter(lines, adapter, e.unorderedLog);
            same("protocol log for " + adapter, want, got);
            Slot s = w.slots.get(adapter);
            List<Integer> ports = s.miniport.sendPorts;
            same("sends reaching " + adapter + "'s miniport", e.sends.getOrDefault(adapter, List.of()),
                    ports.subList(sent.getOrDefault(s.miniport, 0), ports.size()));
        }
        same("statuses of calls inside callbacks or halt", e.nested, w.nestedActual);
        same("results of I/O calls and status indications", e.io, w.ioActual);
        records(e, w.fx.records().subList(records, w.fx.records().size()));
        mismatches.addAll(w.problems);
        state();
        if (!mismatches.isEmpty()) {
            throw new AssertionError(what + ": " + String.join("; ", mismatches));
        }
    }

    private static List<String> forAdapter(List<String> lines, String adapter, boolean sorted) {
        List<String> out = new ArrayList<>(lines.stream().filter(l -> l.split(" ")[2].equals(adapter)).toList());
        if (sorted) {
            out.sort(Comparator.naturalOrder());
        }
        return out;
    }

    /** Rule ids as a multiset; the port and severity where the model knows them. */
    private void records(Expected e, List<Violation> added) {
        List<String> want = new ArrayList<>(e.records.stream().map(Expected.Rec::rule).sorted().toList());
        List<String> got = new ArrayList<>(added.stream().map(Violation::ruleId).sorted().toList());
        if (!want.equals(got)) {
            mismatches.add("verifier records: expected " + e.records + " but got " + added);
            return;
        }
        List<Violation> left = new ArrayList<>(added);
        for (Expected.Rec r : e.records) {
            Violation match = left.stream().filter(v -> v.ruleId().equals(r.rule()) && v.adapter().equals(r.adapter())
                    && v.bundle().equals(r.bundle()) && (r.port() == null || r.port() == v.port())
                    && (v.severity() == Severity.WARNING) == r.warning()).findFirst().orElse(null);
            if (match == null) {
                mismatches.add("verifier records: expected " + e.records + " but got " + added);
                return;
            }
            left.remove(match);
        }
    }

    /** The whole state after the step. */
    private void state() {
        same("I/O claims (§5.1, §5.2)", w.model.io.listed(), w.space.claims().stream().map(c -> c.adapter() + " "
                + c.range()).toList());
        Map<Long, Integer> latches = new TreeMap<>();
        for (long p : w.model.io.latches.keySet()) {
            latches.put(p, w.cards.stream().filter(c -> c.decodes(p)).findFirst().orElseThrow().at(p));
        }
        same("card latches", w.model.io.latches, latches);
        List<BindingView> all = w.fx.layer.bindings();
        for (String name : w.slots.keySet()) {
            ModelAdapter a = w.model.adapter(name);
            AdapterView v = w.slots.get(name).runtime.view();
            AdapterPhase phase = a.phase == Phase.P4 ? AdapterPhase.P4_HALTED : AdapterPhase.P2_OPERATIONAL;
            same(name + " phase", phase, v.phase());
            same(name + " halt scheduled", false, v.haltScheduled());
            same(name + " ports", modelPorts(a), viewPorts(v));
            same(name + " ports whose latest activation failed", modelFailed(a), viewFailed(v));
            same(name + " dropped indications", a.dropped, v.droppedIndications());
            Map<String, List<Integer>> open = new LinkedHashMap<>();
            for (int j = 0; j < a.bindings.size(); j++) {
                open.put(a.bindings.get(j), a.openTo(j));
            }
            same(name + " bindings in binding order and their open ports (§1.2)", ordered(open), ordered(bindings(all, name)));
            same(name + " OID_GEN_ENUMERATE_PORTS per binding (§6.1)", open, enumerated(open.keySet(), name));
        }
    }

    /** Inside protocol {@code at}'s port-event callback: D32 states and §1.2 open ports. */
    void inCallback(Expected.Snapshot want, String at, Slot s, String adapter) {
        if (!want.at().equals(at)) {
            w.problems.add("port event reached " + at + " where the model expects " + want.at());
            return;
        }
        Map<Integer, PortState> states = viewPorts(s.runtime.view());
        if (!want.states().equals(states)) {
            w.problems.add("inside " + at + "'s callback ports " + states + " where the model expects "
                    + want.states());
        }
        Map<String, List<Integer>> open = bindings(w.fx.layer.bindings(), adapter);
        if (!ordered(want.open()).equals(ordered(open))) {
            w.problems.add("inside " + at + "'s callback open ports " + open + " where the model expects "
                    + want.open());
        }
        Map<String, List<Integer>> listed = enumerated(want.open().keySet(), adapter);
        if (!want.open().equals(listed)) {
            w.problems.add("inside " + at + "'s callback OID_GEN_ENUMERATE_PORTS gives " + listed
                    + " where the model expects " + want.open());
        }
    }

    /** What OID_GEN_ENUMERATE_PORTS answers each protocol's binding to the adapter (§6.1). */
    private Map<String, List<Integer>> enumerated(java.util.Collection<String> protocols, String adapter) {
        Map<String, List<Integer>> out = new LinkedHashMap<>();
        for (String name : protocols) {
            ProtocolBindingHandle h = w.everRegistered.get(name).handles.get(adapter);
            if (h == null) {
                out.put(name, null);
                continue;
            }
            OidRequest q = OidRequest.query(Oids.OID_GEN_ENUMERATE_PORTS, 0, 4096);
            NdisStatus s = h.oidRequest(q);
            out.put(name, s != NdisStatus.SUCCESS ? List.of() : ((NdisPortArray) q.informationBuffer()).ports()
                    .stream().map(PortCharacteristics::portNumber).toList());
        }
        return out;
    }

    private static Map<String, List<Integer>> bindings(List<BindingView> all, String adapter) {
        Map<String, List<Integer>> out = new LinkedHashMap<>();
        for (BindingView b : all) {
            if (b.adapter().equals(adapter)) {
                out.put(b.protocol(), b.openPorts());
            }
        }
        return out;
    }

    /** Map equality ignores order; the binding order matters. */
    private static List<Map.Entry<String, List<Integer>>> ordered(Map<String, List<Integer>> map) {
        return new ArrayList<>(map.entrySet());
    }

    private static Map<Integer, PortState> modelPorts(ModelAdapter a) {
        Map<Integer, PortState> out = new TreeMap<>();
        a.ports.keySet().forEach(n -> out.put(n, a.shown(n)));
        return out;
    }

    private static Map<Integer, PortState> viewPorts(AdapterView v) {
        Map<Integer, PortState> out = new TreeMap<>();
        for (PortView p : v.ports()) {
            out.put(p.portNumber(), p.state());
        }
        return out;
    }

    private static List<Integer> modelFailed(ModelAdapter a) {
        return a.ports.entrySet().stream().filter(en -> en.getValue().failed).map(Map.Entry::getKey).toList();
    }

    private static List<Integer> viewFailed(AdapterView v) {
        return v.ports().stream().filter(PortView::lastActivationFailed).map(PortView::portNumber).sorted().toList();
    }

    void same(String what, Object want, Object got) {
        if (!Objects.equals(want, got)) {
            mismatches.add(what + ": expected " + want + " but was " + got);
        }
    }
}
