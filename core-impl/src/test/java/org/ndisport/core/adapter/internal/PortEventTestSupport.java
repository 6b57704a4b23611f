package org.ndisport.core.adapter.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.data.NetBufferList;
import org.ndisport.api.miniport.AllocatePortResult;
import org.ndisport.api.miniport.NdisMiniportHandle;
import org.ndisport.api.pnp.NetPnPEventNotification;
import org.ndisport.api.port.PortCharacteristics;
import org.ndisport.api.runtime.AdapterView;
import org.ndisport.api.runtime.PortState;
import org.ndisport.api.runtime.PortView;
import org.ndisport.api.runtime.Severity;
import org.ndisport.api.runtime.Violation;

/** Shared helpers of the port-event and indication tests: allocation, state and record assertions. */
public final class PortEventTestSupport {
    private PortEventTestSupport() {
    }

    /** Allocates a port with the everyday characteristics and returns its number. */
    public static int allocate(NdisMiniportHandle h) {
        AllocatePortResult r = h.allocatePort(PortCharacteristics.forAllocation());
        assertEquals(NdisStatus.SUCCESS, r.status(), "allocation");
        return r.portNumber();
    }

    /** Activates the ports one event at a time, asserting SUCCESS. */
    public static void activate(NdisMiniportHandle h, int... ports) {
        assertEquals(NdisStatus.SUCCESS, h.netPnPEvent(NetPnPEventNotification.portActivation(ports)),
                "activation of " + java.util.Arrays.toString(ports));
    }

    /** The port's state as the view shows it (with the transition flag); NONEXISTENT when absent. */
    static PortState state(AdapterView view, int port) {
        PortView p = view.port(port);
        return p == null ? PortState.NONEXISTENT : p.state();
    }

    /** Asserts every listed port is in {@code expected}. */
    static void assertStates(AdapterView view, PortState expected, int... ports) {
        for (int p : ports) {
            assertEquals(expected, state(view, p), "state of port " + p);
        }
    }

    /** Asserts a record's id, severity, adapter, port and calling bundle. */
    static void assertRecord(Violation v, String ruleId, Severity severity, String adapter, long port) {
        assertEquals(ruleId, v.ruleId(), "ruleId of " + v);
        assertEquals(severity, v.severity(), "severity of " + v);
        assertEquals(adapter, v.adapter(), "adapter of " + v);
        assertEquals(port, v.port(), "port of " + v);
        assertEquals(EngineFixture.BUNDLE, v.bundle(), "bundle of " + v);
    }

    /** Asserts the verifier holds exactly one record, with those fields, and returns it. */
    static Violation assertOnlyRecord(EngineFixture fx, String ruleId, Severity severity, String adapter, long port) {
        List<Violation> all = fx.verifier.violations();
        assertEquals(1, all.size(), "records: " + all);
        assertRecord(all.get(0), ruleId, severity, adapter, port);
        return all.get(0);
    }

    /** Asserts the verifier holds no record. */
    static void assertNoRecords(EngineFixture fx) {
        assertTrue(fx.verifier.violations().isEmpty(), "records: " + fx.verifier.violations());
    }

    /** Counts how often {@code list} (by identity) is in {@code returned}. */
    static long timesReturned(List<NetBufferList> returned, NetBufferList list) {
        return returned.stream().filter(l -> l == list).count();
    }
}
