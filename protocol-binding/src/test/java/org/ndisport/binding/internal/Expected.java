package org.ndisport.binding.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.runtime.PortState;
import org.ndisport.core.adapter.internal.EngineFixture;

/**
 * What {@link PortModel} says one step does: the status returned, the number allocated, the protocol
 * log lines (as {@link ModelProtocol} writes them), the sends reaching each adapter's miniport, the
 * statuses of the miniport calls made inside callbacks or the halt handler, the verifier records, and what protocols see from inside their port-event callbacks.
 */
final class Expected {
    /**
     * A verifier record: rule id, adapter, port (null when the spec does not say which), severity and the
     * calling bundle (the miniport's, or a protocol's for its requests).
     */
    record Rec(String rule, String adapter, Long port, boolean warning, String bundle) {
        @Override
        public String toString() {
            return rule + " " + adapter + (port == null ? "" : "@" + port) + (warning ? "(warning)" : "") + " by "
                    + bundle;
        }
    }

    /**
     * What the runtime shows while protocol {@code at} handles a port event: every port's state with the
     * transition flag (D32) and the ports open to each binding (§1.2).
     */
    record Snapshot(String at, Map<Integer, PortState> states, Map<String, List<Integer>> open) {
    }

    NdisStatus status;
    /** FAIL_FAST: the call throws NdisVerifierException and has no other effect (D21). */
    boolean throwsViolation;
    Integer portNumber;
    /** Receives reach bindings in no order the spec fixes. */
    boolean unorderedLog;
    final List<String> log = new ArrayList<>();
    final List<Rec> records = new ArrayList<>();
    final Map<String, List<Integer>> sends = new LinkedHashMap<>();
    final List<NdisStatus> nested = new ArrayList<>();
    /** The results of I/O calls and status indications, in call order, as {@link IoOps} writes them. */
    final List<String> io = new ArrayList<>();
    final List<Snapshot> callbacks = new ArrayList<>();

    /** A call that records {@code records} and throws (FAIL_FAST). */
    static Expected thrown(List<Rec> records) {
        Expected e = new Expected();
        e.throwsViolation = true;
        e.records.addAll(records);
        return e;
    }

    /** A violation by the miniport. */
    void violation(String rule, String adapter, Integer port) {
        records.add(new Rec(rule, adapter, unsigned(port), false, EngineFixture.BUNDLE));
    }

    /** A warning about the miniport. */
    void warning(String rule, String adapter, Integer port) {
        records.add(new Rec(rule, adapter, unsigned(port), true, EngineFixture.BUNDLE));
    }

    /** A violation by a protocol. */
    void violationBy(String protocol, String rule, String adapter, int port) {
        records.add(new Rec(rule, adapter, unsigned(port), false, BindingFixture.bundleOf(protocol)));
    }

    /** A warning about a protocol. */
    void warningBy(String protocol, String rule, String adapter) {
        records.add(new Rec(rule, adapter, null, true, BindingFixture.bundleOf(protocol)));
    }

    private static Long unsigned(Integer port) {
        return port == null ? null : Integer.toUnsignedLong(port);
    }

    void sent(String adapter, int port) {
        sends.computeIfAbsent(adapter, a -> new ArrayList<>()).add(port);
    }
}
