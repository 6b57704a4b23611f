package org.ndisport.binding.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ndisport.binding.internal.BindingFixture.activate;
import static org.ndisport.binding.internal.BindingFixture.allocate;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.pnp.NetPnPEventNotification;
import org.ndisport.api.protocol.ProtocolBindingHandle;
import org.ndisport.api.runtime.PortState;
import org.ndisport.api.runtime.Severity;
import org.ndisport.core.adapter.internal.ScriptedMiniport;

/**
 * Bad input to {@link ProtocolBindingHandle#completeNetPnPEvent} (P-4, D22): null arguments, a
 * notification never delivered or another binding's, a completion twice, after close. The event's
 * outcome never changes (O-6) and delivery goes on.
 */
class BadPnPCompletionTest {
    private final BindingFixture fx = new BindingFixture();
    private final RecordingProtocol p = fx.protocol("p1");
    private final ScriptedMiniport m = fx.adapter("A");
    private final List<Throwable> thrown = new ArrayList<>();

    /** Runs {@code call} inside the port-event callback, keeping what it throws. */
    private void inside(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            thrown.add(e);
        }
    }

    /** Activates a new port; p1 runs {@code answer} for the event. */
    private int activateWith(java.util.function.BiFunction<ProtocolBindingHandle, NetPnPEventNotification, NdisStatus> answer) {
        p.onPortEvent = answer;
        int n = allocate(m.handle);
        activate(m.handle, n);
        p.onPortEvent = (b, e) -> NdisStatus.SUCCESS;
        assertEquals(PortState.ACTIVATED, ScriptedMiniport.viewOf(m.handle).port(n).state(), "outcome unchanged (O-6)");
        return n;
    }

    @Test
    @DisplayName("P-4 a null notification throws NullPointerException naming notification; the event is still completed properly")
    void p4_nullNotification_throwsNamingIt() {
        activateWith((b, e) -> {
            inside(() -> b.completeNetPnPEvent(null, NdisStatus.SUCCESS));
            b.completeNetPnPEvent(e, NdisStatus.SUCCESS);
            return NdisStatus.PENDING;
        });
        assertEquals(1, thrown.size());
        assertTrue(thrown.get(0) instanceof NullPointerException && thrown.get(0).getMessage().contains("notification"),
                thrown.toString());
        assertEquals(List.of(), fx.ruleIds());
    }

    @Test
    @DisplayName("P-4 a null status throws NullPointerException naming status and completes nothing; a later completion counts")
    void p4_nullStatus_throwsNamingIt() {
        activateWith((b, e) -> {
            inside(() -> b.completeNetPnPEvent(e, null));
            b.completeNetPnPEvent(e, NdisStatus.SUCCESS);
            return NdisStatus.PENDING;
        });
        assertEquals(1, thrown.size());
        assertTrue(thrown.get(0) instanceof NullPointerException && thrown.get(0).getMessage().contains("status"),
                thrown.toString());
        assertEquals(List.of(), fx.ruleIds(), "no P-4: the event was completed; no D22: the completion was not refused");
    }

    @Test
    @DisplayName("P-4 D22 a completion twice: the second is a warning D22 and changes nothing")
    void d22_completedTwice_warning() {
        activateWith((b, e) -> {
            b.completeNetPnPEvent(e, NdisStatus.SUCCESS);
            b.completeNetPnPEvent(e, NdisStatus.FAILURE);
            return NdisStatus.PENDING;
        });
        fx.assertOnlyRecord("D22", Severity.WARNING, "A", -1, "p1");
    }

    @Test
    @DisplayName("P-4 D22 a notification never delivered (a look-alike) is a warning D22; the real one pended past the timeout is P-4")
    void d22_neverDelivered_warningThenP4() {
        BindingFixture quick = new BindingFixture(org.ndisport.api.runtime.VerifierMode.REPORT, 1);
        RecordingProtocol q = quick.protocol("q");
        ScriptedMiniport mm = quick.adapter("B");
        q.onPortEvent = (b, e) -> {
            b.completeNetPnPEvent(NetPnPEventNotification.portActivation(1), NdisStatus.SUCCESS);
            return NdisStatus.PENDING;
        };
        int n = allocate(mm.handle);
        activate(mm.handle, n);
        assertEquals(List.of("D22", "P-4"), quick.ruleIds());
        assertEquals(PortState.ACTIVATED, ScriptedMiniport.viewOf(mm.handle).port(n).state());
    }

    @Test
    @DisplayName("D22 a completion when nothing is pending, with any status, and one after close: warnings D22 only")
    void d22_nothingPendingOrClosed_warnings() {
        NetPnPEventNotification[] saved = new NetPnPEventNotification[1];
        activateWith((b, e) -> {
            saved[0] = e;
            return NdisStatus.SUCCESS;
        });
        ProtocolBindingHandle h = p.handle("A");
        h.completeNetPnPEvent(saved[0], NdisStatus.SUCCESS);
        h.completeNetPnPEvent(saved[0], NdisStatus.INVALID_PORT);
        fx.layer.unregister(p.entry);
        h.completeNetPnPEvent(saved[0], NdisStatus.SUCCESS);
        assertEquals(List.of("D22", "D22", "D22"), fx.ruleIds());
        assertThrows(NullPointerException.class, () -> h.completeNetPnPEvent(null, NdisStatus.SUCCESS));
        assertThrows(NullPointerException.class, () -> h.completeNetPnPEvent(saved[0], null));
        assertEquals(3, fx.records().size());
    }

    @Test
    @DisplayName("D22 a binding completing another binding's copy is refused with a warning D22; its own completion counts")
    void d22_anotherBindingsCopy_warning() {
        RecordingProtocol q = fx.protocol("q");
        NetPnPEventNotification[] firstCopy = new NetPnPEventNotification[1];
        p.onPortEvent = (b, e) -> {
            firstCopy[0] = e;
            return NdisStatus.SUCCESS;
        };
        q.onPortEvent = (b, e) -> {
            b.completeNetPnPEvent(firstCopy[0], NdisStatus.SUCCESS);
            b.completeNetPnPEvent(e, NdisStatus.SUCCESS);
            return NdisStatus.PENDING;
        };
        int n = allocate(m.handle);
        activate(m.handle, n);
        fx.assertOnlyRecord("D22", Severity.WARNING, "A", -1, "q");
    }
}
