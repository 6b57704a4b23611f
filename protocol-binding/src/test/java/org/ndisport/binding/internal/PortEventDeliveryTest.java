package org.ndisport.binding.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ndisport.binding.internal.BindingFixture.activate;
import static org.ndisport.binding.internal.BindingFixture.allocate;
import static org.ndisport.binding.internal.BindingFixture.deactivate;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.miniport.NdisMiniportHandle;
import org.ndisport.api.pnp.NetPnPEventNotification;
import org.ndisport.api.port.AuthStates;
import org.ndisport.api.port.NdisPort;
import org.ndisport.api.port.PortAuthorizationState;
import org.ndisport.api.port.PortCharacteristics;
import org.ndisport.api.port.PortControlState;
import org.ndisport.api.runtime.PortState;
import org.ndisport.api.runtime.Severity;
import org.ndisport.api.runtime.VerifierMode;
import org.ndisport.api.runtime.Violation;
import org.ndisport.core.adapter.internal.ScriptedMiniport;

/** Port events to bound protocols (O-3 to O-7, P-1 to P-5, D22, §4.1). */
class PortEventDeliveryTest {
    private final BindingFixture fx = new BindingFixture(VerifierMode.REPORT, 200);

    @Test
    @DisplayName("O-7 D22 events reach bound protocols serially in binding order, listing only the changed ports")
    void o7_serialInBindingOrder() {
        fx.protocol("p1");
        fx.protocol("p2");
        NdisMiniportHandle h = fx.adapter("A").handle;
        int a = allocate(h);
        int b = allocate(h);
        int c = allocate(h);
        activate(h, a);
        h.netPnPEvent(NetPnPEventNotification.portActivation(c, b));
        deactivate(h, b);
        assertEquals(List.of("p1 bind A [0]", "p2 bind A [0]",
                "p1 activate A [1]", "p2 activate A [1]",
                "p1 activate A [3, 2]", "p2 activate A [3, 2]",
                "p1 deactivate A [2]", "p2 deactivate A [2]"), fx.log);
        assertTrue(fx.records().isEmpty(), fx.records().toString());
    }

    @Test
    @DisplayName("§4.1 each protocol gets its own copy: BufferLength entries x 96 or 4 x count, PortNumber 0")
    void ownCopies() {
        RecordingProtocol p1 = fx.protocol("p1");
        RecordingProtocol p2 = fx.protocol("p2");
        p1.onPortEvent = (b, n) -> {
            if (n.netPnPEvent().buffer() instanceof int[] ports) {
                ports[0] = 99;
            } else {
                n.netPnPEvent().buffer(null);
            }
            return NdisStatus.SUCCESS;
        };
        NdisMiniportHandle h = fx.adapter("A").handle;
        int a = allocate(h);
        int b = allocate(h);
        activate(h, a, b);
        deactivate(h, a, b);
        NetPnPEventNotification act = p2.events.get(0);
        assertEquals(2 * NdisPort.SIZE, act.netPnPEvent().bufferLength());
        assertEquals(0, act.portNumber());
        assertEquals("[1, 2]", RecordingProtocol.ports((NdisPort) act.netPnPEvent().buffer()), "p1 changing its copy does not reach p2");
        NetPnPEventNotification deact = p2.events.get(1);
        assertEquals(8, deact.netPnPEvent().bufferLength());
        assertEquals(List.of(1, 2), java.util.Arrays.stream((int[]) deact.netPnPEvent().buffer()).boxed().toList(),
                "p1 changing its array does not reach p2");
        assertNotSame(p1.events.get(1).netPnPEvent().buffer(), deact.netPnPEvent().buffer());
    }

    @Test
    @DisplayName("R20 the activation copy carries the effective (default) auth states")
    void r20_effectiveAuthStatesInTheEvent() {
        RecordingProtocol p = fx.protocol("p1");
        NdisMiniportHandle h = fx.adapter("A").handle;
        int n = allocate(h);
        AuthStates passed = new AuthStates(PortControlState.CONTROLLED, PortControlState.CONTROLLED,
                PortAuthorizationState.AUTHORIZED, PortAuthorizationState.AUTHORIZED);
        PortCharacteristics chars = PortCharacteristics.forPort(n).authStates(passed);
        assertEquals(NdisStatus.SUCCESS, h.netPnPEvent(NetPnPEventNotification.portActivation(chars)));
        PortCharacteristics heard = ((NdisPort) p.events.get(0).netPnPEvent().buffer()).portCharacteristics();
        assertEquals(ScriptedMiniport.viewOf(h).port(n).authStates(), heard.authStates());
        assertEquals(AuthStates.UNCONTROLLED_UNKNOWN, heard.authStates(), "USE_DEFAULT_AUTH_SETTINGS replaced the passed states");
    }

    @Test
    @DisplayName("O-3 P-4 a PENDING event completed from another thread is awaited before NdisMNetPnPEvent returns")
    void o3_pendingAwaited() throws Exception {
        RecordingProtocol p1 = fx.protocol("p1");
        fx.protocol("p2");
        CountDownLatch release = new CountDownLatch(1);
        p1.onPortEvent = (b, n) -> {
            CompletableFuture.runAsync(() -> {
                await(release);
                b.completeNetPnPEvent(n, NdisStatus.SUCCESS);
            });
            return NdisStatus.PENDING;
        };
        NdisMiniportHandle h = fx.adapter("A").handle;
        int n = allocate(h);
        CompletableFuture<NdisStatus> call = CompletableFuture.supplyAsync(
                () -> h.netPnPEvent(NetPnPEventNotification.portActivation(n)));
        Thread.sleep(50);
        assertTrue(!call.isDone(), "still waiting for p1's completion");
        assertEquals(List.of("p1 bind A [0]", "p2 bind A [0]", "p1 activate A [1]"), fx.log, "p2 waits its turn (O-7)");
        release.countDown();
        assertEquals(NdisStatus.SUCCESS, call.get(5, TimeUnit.SECONDS));
        assertEquals("p2 activate A [1]", fx.log.get(3));
        assertTrue(fx.records().isEmpty(), fx.records().toString());
    }

    @Test
    @DisplayName("P-4 a completion made before the protocol returns PENDING is not lost")
    void p4_completionBeforePendingReturn() {
        RecordingProtocol p = fx.protocol("p1");
        p.onPortEvent = (b, n) -> {
            b.completeNetPnPEvent(n, NdisStatus.SUCCESS);
            return NdisStatus.PENDING;
        };
        NdisMiniportHandle h = fx.adapter("A").handle;
        activate(h, allocate(h));
        assertTrue(fx.records().isEmpty(), fx.records().toString());
    }

    @Test
    @DisplayName("D22 P-4 a PENDING event not completed in time records P-4 and delivery goes on")
    void p4_timeout() {
        RecordingProtocol p1 = fx.protocol("p1");
        fx.protocol("p2");
        p1.onPortEvent = (b, n) -> NdisStatus.PENDING;
        NdisMiniportHandle h = fx.adapter("A").handle;
        int n = allocate(h);
        assertEquals(NdisStatus.SUCCESS, h.netPnPEvent(NetPnPEventNotification.portActivation(n)));
        assertEquals("p2 activate A [1]", fx.log.get(3));
        assertEquals(PortState.ACTIVATED, ScriptedMiniport.viewOf(h).port(n).state());
        fx.assertOnlyRecord("P-4", Severity.VIOLATION, "A", Violation.NO_PORT, "p1");
    }

    @Test
    @DisplayName("D22 a late completion, after the timeout, is a warning and ignored")
    void d22_lateCompletion() {
        RecordingProtocol p = fx.protocol("p1");
        p.onPortEvent = (b, n) -> NdisStatus.PENDING;
        NdisMiniportHandle h = fx.adapter("A").handle;
        activate(h, allocate(h));
        fx.engine.verifier.clear();
        p.handle("A").completeNetPnPEvent(p.events.get(0), NdisStatus.SUCCESS);
        fx.assertOnlyRecord("D22", Severity.WARNING, "A", Violation.NO_PORT, "p1");
    }

    @Test
    @DisplayName("D22 completing a notification that is not the pending one is a warning; the event still waits")
    void d22_unmatchedCompletion() {
        RecordingProtocol p = fx.protocol("p1");
        p.onPortEvent = (b, n) -> {
            b.completeNetPnPEvent(NetPnPEventNotification.portActivation(1), NdisStatus.SUCCESS);
            b.completeNetPnPEvent(n, NdisStatus.SUCCESS);
            return NdisStatus.PENDING;
        };
        NdisMiniportHandle h = fx.adapter("A").handle;
        activate(h, allocate(h));
        fx.assertOnlyRecord("D22", Severity.WARNING, "A", Violation.NO_PORT, "p1");
    }

    @Test
    @DisplayName("P-5 D22 O-6 NOT_SUPPORTED from a protocol is a warning and the miniport still gets SUCCESS")
    void p5_notSupported() {
        RecordingProtocol p = fx.protocol("p1");
        p.onPortEvent = (b, n) -> NdisStatus.NOT_SUPPORTED;
        NdisMiniportHandle h = fx.adapter("A").handle;
        int n = allocate(h);
        assertEquals(NdisStatus.SUCCESS, h.netPnPEvent(NetPnPEventNotification.portActivation(n)));
        assertEquals(PortState.ACTIVATED, ScriptedMiniport.viewOf(h).port(n).state());
        Violation v = fx.assertOnlyRecord("D22", Severity.WARNING, "A", Violation.NO_PORT, "p1");
        assertTrue(v.message().contains("P-5"), v.message());
    }

    @Test
    @DisplayName("P-3 D22 O-6 a failure from a protocol is a warning; deactivation still succeeds")
    void p3_failure() {
        RecordingProtocol p = fx.protocol("p1");
        NdisMiniportHandle h = fx.adapter("A").handle;
        int n = allocate(h);
        activate(h, n);
        p.onPortEvent = (b, e) -> NdisStatus.FAILURE;
        assertEquals(NdisStatus.SUCCESS, h.netPnPEvent(NetPnPEventNotification.portDeactivation(n)));
        assertEquals(PortState.ALLOCATED, ScriptedMiniport.viewOf(h).port(n).state());
        Violation v = fx.assertOnlyRecord("D22", Severity.WARNING, "A", Violation.NO_PORT, "p1");
        assertTrue(v.message().contains("P-3"), v.message());
    }

    @Test
    @DisplayName("N1 a protocol throwing from its port-event callback is recorded; the next protocol still hears it")
    void n1_throwingEventCallback() {
        fx.protocol("p1").throwIn = "event";
        fx.protocol("p2");
        NdisMiniportHandle h = fx.adapter("A").handle;
        int n = allocate(h);
        assertEquals(NdisStatus.SUCCESS, h.netPnPEvent(NetPnPEventNotification.portActivation(n)));
        assertEquals("p2 activate A [1]", fx.log.get(3));
        fx.assertOnlyRecord("N1", Severity.VIOLATION, "A", Violation.NO_PORT, "p1");
    }

    @Test
    @DisplayName("R76 a protocol registering while a port event is pended is bound only after the event")
    void r76_lateBindWaitsForTheEvent() throws Exception {
        RecordingProtocol p1 = fx.protocol("p1");
        CountDownLatch inEvent = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        p1.onPortEvent = (b, n) -> {
            inEvent.countDown();
            await(release);
            return NdisStatus.SUCCESS;
        };
        NdisMiniportHandle h = fx.adapter("A").handle;
        int n = allocate(h);
        CompletableFuture<NdisStatus> event = CompletableFuture.supplyAsync(
                () -> h.netPnPEvent(NetPnPEventNotification.portActivation(n)));
        assertTrue(inEvent.await(5, TimeUnit.SECONDS));
        CompletableFuture<Void> late = CompletableFuture.runAsync(() -> fx.protocol("late"));
        Thread.sleep(50);
        assertTrue(!late.isDone(), "the bind waits for the event under way");
        release.countDown();
        event.get(5, TimeUnit.SECONDS);
        late.get(5, TimeUnit.SECONDS);
        assertEquals(List.of("p1 bind A [0]", "p1 activate A [1]", "late bind A [0, 1]"), fx.log);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
