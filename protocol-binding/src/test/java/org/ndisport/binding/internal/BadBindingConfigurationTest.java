package org.ndisport.binding.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.ndisport.binding.internal.BindingFixture.activate;
import static org.ndisport.binding.internal.BindingFixture.allocate;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.data.NetBufferList;
import org.ndisport.api.runtime.PortState;
import org.ndisport.api.runtime.VerifierMode;
import org.ndisport.core.adapter.internal.ScriptedMiniport;

/**
 * The binding layer's configuration (PID {@code org.ndisport.binding}) with bad values: {@code
 * pnp.timeout.ms} zero, negative or so large that a deadline overflows (D22).
 */
class BadBindingConfigurationTest {

    @ParameterizedTest(name = "pnp.timeout.ms {0}")
    @ValueSource(longs = {0, -1, Long.MIN_VALUE})
    @DisplayName("P-4 D22 a zero or negative PnP timeout is taken as 1 ms: a pended event records P-4 and delivery goes on")
    void p4_nonPositiveTimeout_oneMillisecond(long timeout) {
        BindingFixture fx = new BindingFixture(VerifierMode.REPORT, timeout);
        RecordingProtocol p = fx.protocol("p1");
        ScriptedMiniport m = fx.adapter("A");
        p.onPortEvent = (b, e) -> NdisStatus.PENDING;
        int n = allocate(m.handle);
        activate(m.handle, n);
        assertEquals(List.of("P-4"), fx.ruleIds());
        assertEquals(PortState.ACTIVATED, ScriptedMiniport.viewOf(m.handle).port(n).state());
    }

    @ParameterizedTest(name = "pnp.timeout.ms {0}")
    @ValueSource(longs = {Long.MAX_VALUE, Long.MAX_VALUE / 1_000_000})
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    @DisplayName("D15 a PnP timeout so large its deadline overflows: the close still waits for the binding's outstanding send")
    void d15_hugeTimeout_closeStillWaits(long timeout) throws Exception {
        BindingFixture fx = new BindingFixture(VerifierMode.REPORT, timeout);
        RecordingProtocol p = fx.protocol("p1");
        ScriptedMiniport m = fx.adapter("A");
        m.sendCompletion = null;
        NetBufferList l = NetBufferList.copyOf(new byte[] {1});
        p.handle("A").sendNetBufferLists(l, 0, 0);
        Thread closer = new Thread(() -> fx.layer.unregister(p.entry), "closer");
        closer.start();
        while (closer.isAlive() && !(fx.log.contains("p1 unbind A") && closer.getState() == Thread.State.TIMED_WAITING)) {
            Thread.onSpinWait();
        }
        assertFalse(!closer.isAlive(), "the close returned with the send outstanding");
        m.handle.sendNetBufferListsComplete(l, 0);
        closer.join();
        assertEquals(List.of(l), p.sendCompletions);
    }
}
