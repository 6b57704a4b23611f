package org.ndisport.binding.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.data.OidRequest;
import org.ndisport.api.pnp.NetPnPEventNotification;
import org.ndisport.api.runtime.Severity;
import org.ndisport.api.runtime.Violation;
import org.ndisport.core.adapter.internal.ScriptedMiniport;

/**
 * Isolation: a protocol passing, through its own real handle, objects that belong to another protocol's
 * binding: a pended OidRequest (N55) and a port-event notification delivered to another protocol, or
 * never delivered (P-4, warning D22). The owner's request or event is unaffected and completes normally.
 */
class IsolationForeignRequestsTest {
    private static final int OID = 0x00010202;
    private final BindingFixture fx = new BindingFixture();
    private final RecordingProtocol p = fx.protocol("p1");
    private final RecordingProtocol q = fx.protocol("p2");
    private final ScriptedMiniport a = fx.adapter("A");

    @Test
    @DisplayName("N55 another protocol's pended OidRequest passed again is INVALID_PARAMETER, recorded against the caller; the owner's completes to it alone")
    void n55_oidRequestPendingForAnotherProtocol_refused() {
        a.onOid = r -> NdisStatus.PENDING;
        OidRequest request = OidRequest.query(OID, 0, 6);
        assertEquals(NdisStatus.PENDING, p.handle("A").oidRequest(request));

        assertEquals(NdisStatus.INVALID_PARAMETER, q.handle("A").oidRequest(request));
        fx.assertOnlyRecord("N55", Severity.VIOLATION, "A", 0, "p2");
        assertEquals(List.of(request), a.oids, "the miniport saw it once");
        assertEquals(0, ((Binding) q.handle("A")).outstanding().total());
        fx.engine.verifier.clear();

        int from = fx.log.size();
        a.handle.oidRequestComplete(request, NdisStatus.SUCCESS);
        assertEquals(List.of("p1 oidComplete A 0x00010202 " + NdisStatus.SUCCESS), fx.logFrom(from));
        assertEquals(List.of(), fx.records());

        a.onOid = r -> NdisStatus.SUCCESS;
        assertEquals(NdisStatus.SUCCESS, q.handle("A").oidRequest(request), "once completed it may be issued again");
        assertEquals(NdisStatus.SUCCESS, p.handle("A").oidRequest(request), "and again: a synchronous answer ends it");
        assertEquals(List.of(), fx.records());
    }

    @Test
    @DisplayName("N55 the same protocol passing its own pended OidRequest again is refused the same way")
    void n55_ownPendedOidRequestPassedAgain_refused() {
        a.onOid = r -> NdisStatus.PENDING;
        OidRequest request = OidRequest.query(OID, 0, 6);
        assertEquals(NdisStatus.PENDING, p.handle("A").oidRequest(request));
        assertEquals(NdisStatus.INVALID_PARAMETER, p.handle("A").oidRequest(request));
        fx.assertOnlyRecord("N55", Severity.VIOLATION, "A", 0, "p1");
        assertEquals(1, a.oids.size());
        assertEquals(1, ((Binding) p.handle("A")).outstanding().total());
    }

    @Test
    @DisplayName("P-4 D22 completing the port event delivered to another protocol is a warning against the caller; both events complete normally")
    void d22_completeAnotherProtocolsPortEvent_warningOnly() {
        int n = BindingFixture.allocate(a.handle);
        AtomicReference<NetPnPEventNotification> first = new AtomicReference<>();
        p.onPortEvent = (b, e) -> {
            first.set(e);
            b.completeNetPnPEvent(e, NdisStatus.SUCCESS);
            return NdisStatus.PENDING;
        };
        q.onPortEvent = (b, e) -> {
            b.completeNetPnPEvent(first.get(), NdisStatus.FAILURE);
            b.completeNetPnPEvent(e, NdisStatus.SUCCESS);
            return NdisStatus.PENDING;
        };
        BindingFixture.activate(a.handle, n);
        fx.assertOnlyRecord("D22", Severity.WARNING, "A", Violation.NO_PORT, "p2");
        assertEquals(List.of("p1 activate A [" + n + "]", "p2 activate A [" + n + "]"),
                fx.log.stream().filter(e -> e.contains("activate")).toList());
        assertEquals(org.ndisport.api.runtime.PortState.ACTIVATED,
                ScriptedMiniport.viewOf(a.handle).port(n).state());
    }

    @Test
    @DisplayName("P-4 D22 completing a notification never delivered to anyone is a warning against the caller and changes nothing")
    void d22_completeNeverDeliveredEvent_warningOnly() {
        p.handle("A").completeNetPnPEvent(NetPnPEventNotification.portDeactivation(0), NdisStatus.SUCCESS);
        fx.assertOnlyRecord("D22", Severity.WARNING, "A", Violation.NO_PORT, "p1");
        fx.engine.verifier.clear();
        int n = BindingFixture.allocate(a.handle);
        BindingFixture.activate(a.handle, n);
        assertEquals(List.of(), fx.records(), "the next event is delivered and completed normally");
    }
}
