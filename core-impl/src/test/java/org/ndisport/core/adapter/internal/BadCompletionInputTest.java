package org.ndisport.core.adapter.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ndisport.core.adapter.internal.PortEventTestSupport.allocate;
import static org.ndisport.core.adapter.internal.PortEventTestSupport.assertNoRecords;
import static org.ndisport.core.adapter.internal.PortEventTestSupport.assertOnlyRecord;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.NdisVerifierException;
import org.ndisport.api.data.NetBufferList;
import org.ndisport.api.data.OidRequest;
import org.ndisport.api.miniport.HaltAction;
import org.ndisport.api.miniport.NdisMiniportHandle;
import org.ndisport.api.pnp.NetPnPEventNotification;
import org.ndisport.api.runtime.Severity;
import org.ndisport.api.runtime.VerifierMode;
import org.ndisport.api.runtime.Violation;

/** Bad arguments to NdisMSendNetBufferListsComplete and NdisMOidRequestComplete (N39). */
class BadCompletionInputTest {
    private static final int OID = 0x00010101;

    private EngineFixture fx = new EngineFixture();
    private final ScriptedMiniport m = new ScriptedMiniport();
    private final RecordingSink sink = new RecordingSink();
    private AdapterRuntime a;

    private NdisMiniportHandle start() {
        fx.context.sink(sink);
        a = fx.initialized("A", m);
        m.onOid = r -> NdisStatus.PENDING;
        m.sendCompletion = null;
        return m.handle;
    }

    private List<String> oidCompletions() {
        return sink.calls.stream().filter(c -> c.startsWith("oidComplete")).toList();
    }

    @Test
    @DisplayName("N39 null request or status throws naming it, before any effect; the pended request then completes")
    void n39_nullArguments_throwBeforeAnyEffect() {
        NdisMiniportHandle h = start();
        OidRequest request = OidRequest.query(OID, 0, 6);
        assertEquals(NdisStatus.PENDING, sink.lastAdapter.oidRequest(request));
        assertEquals("request", assertThrows(NullPointerException.class,
                () -> h.oidRequestComplete(null, NdisStatus.SUCCESS)).getMessage());
        assertEquals("status", assertThrows(NullPointerException.class,
                () -> h.oidRequestComplete(request, null)).getMessage());
        assertEquals("lists", assertThrows(NullPointerException.class,
                () -> h.sendNetBufferListsComplete(null, 0)).getMessage());
        assertEquals(List.of(), oidCompletions());
        h.oidRequestComplete(request, NdisStatus.SUCCESS);
        assertEquals(List.of("oidComplete A SUCCESS"), oidCompletions());
        assertNoRecords(fx);
    }

    @Test
    @DisplayName("N39 completing a request never given: violation N39, not delivered; a pended one still counts for R57")
    void n39_requestNeverGiven_recordedNoEffect() {
        NdisMiniportHandle h = start();
        int port = allocate(h);
        OidRequest pended = OidRequest.query(OID, 0, 6);
        assertEquals(NdisStatus.PENDING, sink.lastAdapter.oidRequest(pended));
        h.oidRequestComplete(OidRequest.query(OID, 0, 6), NdisStatus.SUCCESS);
        h.oidRequestComplete(OidRequest.query(OID, -1, -1), NdisStatus.FAILURE);
        assertEquals(List.of("N39", "N39"), fx.ruleIds());
        assertEquals(4294967295L, fx.verifier.violations().get(1).port());
        assertEquals(List.of(), oidCompletions());
        fx.verifier.clear();
        assertEquals(NdisStatus.SUCCESS, h.netPnPEvent(NetPnPEventNotification.portActivation(port)));
        assertOnlyRecord(fx, "R57", Severity.VIOLATION, "A", Violation.NO_PORT);
    }

    @Test
    @DisplayName("N39 completing a request twice, or one answered synchronously: the extra completion records N39 only")
    void n39_completedTwiceOrAnswered_recordedNoEffect() {
        NdisMiniportHandle h = start();
        OidRequest request = OidRequest.query(OID, 0, 6);
        assertEquals(NdisStatus.PENDING, sink.lastAdapter.oidRequest(request));
        h.oidRequestComplete(request, NdisStatus.SUCCESS);
        h.oidRequestComplete(request, NdisStatus.SUCCESS);
        m.onOid = r -> NdisStatus.SUCCESS;
        OidRequest answered = OidRequest.query(OID, 0, 6);
        assertEquals(NdisStatus.SUCCESS, sink.lastAdapter.oidRequest(answered));
        h.oidRequestComplete(answered, NdisStatus.SUCCESS);
        assertEquals(List.of("oidComplete A SUCCESS"), oidCompletions());
        assertEquals(List.of("N39", "N39"), fx.ruleIds());
        a.halt(HaltAction.DEVICE_DISABLED);
        assertEquals(List.of("N39", "N39"), fx.ruleIds(), "nothing counted as outstanding at halt (no N3)");
    }

    @Test
    @DisplayName("N39 FAIL_FAST: an unmatched completion throws; the real completion afterwards is delivered")
    void n39_failFast_throwsWithoutEffect() {
        fx = new EngineFixture(VerifierMode.FAIL_FAST);
        NdisMiniportHandle h = start();
        OidRequest request = OidRequest.query(OID, 0, 6);
        assertEquals(NdisStatus.PENDING, sink.lastAdapter.oidRequest(request));
        assertEquals("N39", assertThrows(NdisVerifierException.class,
                () -> h.oidRequestComplete(OidRequest.query(OID, 0, 6), NdisStatus.SUCCESS)).ruleId());
        h.oidRequestComplete(request, NdisStatus.SUCCESS);
        assertEquals(List.of("oidComplete A SUCCESS"), oidCompletions());
    }

    @Test
    @DisplayName("N58 N3 a send completion for lists never sent must not hide a real outstanding send from halt")
    void n58_sendCompleteNeverSent_haltStillWaits() {
        NdisMiniportHandle h = start();
        fx.context.drainTimeoutMillis(0);
        h.sendNetBufferListsComplete(NetBufferList.copyOf(new byte[1]), 0);
        sink.lastAdapter.sendNetBufferLists(NetBufferList.copyOf(new byte[1]), 0, 0);
        a.halt(HaltAction.DEVICE_DISABLED);
        assertTrue(fx.ruleIds().contains("N58"), "the stray completion is recorded: " + fx.ruleIds());
        assertTrue(fx.ruleIds().contains("N3"), "halt must see the real send outstanding: " + fx.ruleIds());
    }
}
