package org.ndisport.core.adapter.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.ndisport.core.adapter.internal.PortEventTestSupport.activate;
import static org.ndisport.core.adapter.internal.PortEventTestSupport.allocate;
import static org.ndisport.core.adapter.internal.PortEventTestSupport.assertNoRecords;
import static org.ndisport.core.adapter.internal.PortEventTestSupport.assertOnlyRecord;
import static org.ndisport.core.adapter.internal.PortEventTestSupport.timesReturned;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ndisport.api.NdisVerifierException;
import org.ndisport.api.binding.BindableAdapter;
import org.ndisport.api.data.NetBufferList;
import org.ndisport.api.data.StatusCodes;
import org.ndisport.api.data.StatusIndication;
import org.ndisport.api.runtime.AdapterView;
import org.ndisport.api.runtime.Severity;
import org.ndisport.api.runtime.VerifierMode;

/** Bad arguments to NdisMIndicateReceiveNetBufferLists and NdisMIndicateStatusEx (spec §2.5, N38). */
class BadIndicationInputTest {
    private final EngineFixture fx = new EngineFixture();
    private final ScriptedMiniport m = new ScriptedMiniport();
    private final CountingSink sink = new CountingSink();

    /** A binding layer that also records the count and flags each receive carries. */
    static final class CountingSink extends RecordingSink {
        final List<String> receives = new CopyOnWriteArrayList<>();

        @Override
        public void receive(BindableAdapter adapter, NetBufferList lists, int port, int count, int flags) {
            receives.add("port " + port + " count " + count + " flags 0x" + Integer.toHexString(flags));
            super.receive(adapter, lists, port, count, flags);
        }
    }

    private AdapterRuntime start(EngineFixture f) {
        f.context.sink(sink);
        AdapterRuntime a = f.initialized("A", m);
        activate(m.handle, allocate(m.handle));
        return a;
    }

    private static NetBufferList chain(int n) {
        NetBufferList head = null;
        for (int i = 0; i < n; i++) {
            head = NetBufferList.copyOf(new byte[] {(byte) i}).next(head);
        }
        return head;
    }

    private static long received(AdapterView v, int port) {
        return v.port(port).framesReceived();
    }

    @Test
    @DisplayName("N38 a null list throws naming it, before any record, count or delivery")
    void n38_nullLists_throwsBeforeAnyEffect() {
        AdapterRuntime a = start(fx);
        assertEquals("lists", assertThrows(NullPointerException.class,
                () -> m.handle.indicateReceiveNetBufferLists(null, 1, 1, 0)).getMessage());
        assertEquals("lists", assertThrows(NullPointerException.class,
                () -> m.handle.indicateReceiveNetBufferLists(null, -1, -1, -1)).getMessage());
        assertEquals(0, received(a.view(), 1));
        assertEquals(0, a.view().droppedIndications());
        assertNoRecords(fx);
        assertEquals(List.of(), sink.receives);
    }

    @ParameterizedTest(name = "numberOfLists {0} for a chain of 3")
    @ValueSource(ints = {0, -1, 2, 4, Integer.MAX_VALUE, Integer.MIN_VALUE})
    @DisplayName("N38 a NumberOfNetBufferLists other than the chain's: violation N38; the chain is delivered with its own count")
    void n38_countMismatch_recordedAndCorrected(int count) {
        AdapterRuntime a = start(fx);
        NetBufferList lists = chain(3);
        m.handle.indicateReceiveNetBufferLists(lists, 1, count, 0);
        assertOnlyRecord(fx, "N38", Severity.VIOLATION, "A", 1);
        assertEquals(List.of("port 1 count 3 flags 0x0"), sink.receives);
        assertEquals(3, received(a.view(), 1));
        assertEquals(3, m.returned.size(), "each list went back once");
    }

    @Test
    @DisplayName("N38 FAIL_FAST: a wrong count throws and the call has no effect; the lists stay the caller's")
    void n38_countMismatch_failFast_noEffect() {
        EngineFixture ff = new EngineFixture(VerifierMode.FAIL_FAST);
        AdapterRuntime a = start(ff);
        NetBufferList lists = chain(2);
        assertEquals("N38", assertThrows(NdisVerifierException.class,
                () -> m.handle.indicateReceiveNetBufferLists(lists, 1, 5, 0)).ruleId());
        assertEquals(List.of(), sink.receives);
        assertEquals(0, received(a.view(), 1));
        assertEquals(List.of(), m.returned);
        m.handle.indicateReceiveNetBufferLists(lists, 1, 2, 0);
        assertEquals(List.of("port 1 count 2 flags 0x0"), sink.receives);
    }

    @Test
    @DisplayName("N38 a cyclic chain (a self-loop, a longer loop) is refused: violation N38, neither delivered nor returned")
    void n38_cyclicChain_refusedWithoutHanging() {
        AdapterRuntime a = start(fx);
        NetBufferList self = NetBufferList.copyOf(new byte[1]);
        self.next(self);
        m.handle.indicateReceiveNetBufferLists(self, 1, 1, 0);
        NetBufferList loop = chain(5);
        loop.next().next().next().next().next(loop.next());
        m.handle.indicateReceiveNetBufferLists(loop, 1, 5, 0);
        m.handle.indicateReceiveNetBufferLists(loop, 7, 5, 0);
        assertEquals(List.of("N38", "N38", "N38"), fx.ruleIds());
        assertEquals(List.of(), sink.receives);
        assertEquals(List.of(), m.returned);
        assertEquals(0, received(a.view(), 1));
        m.handle.indicateReceiveNetBufferLists(chain(2), 1, 2, 0);
        assertEquals(List.of("port 1 count 2 flags 0x0"), sink.receives);
    }

    @ParameterizedTest(name = "port {0}")
    @ValueSource(ints = {-1, Integer.MIN_VALUE, Integer.MAX_VALUE, 0x1000000, 0xFFFFFF, 2})
    @DisplayName("R11 receives on negative, huge or unknown ports: dropped, counted, R11, lists returned once")
    void r11_receiveOnHugePort_droppedAndReturned(int port) {
        AdapterRuntime a = start(fx);
        NetBufferList lists = chain(2);
        m.handle.indicateReceiveNetBufferLists(lists, port, 2, 0);
        assertOnlyRecord(fx, "R11", Severity.VIOLATION, "A", Integer.toUnsignedLong(port));
        assertEquals(1, a.view().droppedIndications());
        assertEquals(1, timesReturned(m.returned, lists));
        assertEquals(1, timesReturned(m.returned, lists.next()));
        assertEquals(List.of(), sink.receives);
    }

    @Test
    @DisplayName("R77 receive flags with unknown bits reach the bindings unchanged, as the port does")
    void r77_unknownFlags_passedUnchanged() {
        start(fx);
        m.handle.indicateReceiveNetBufferLists(chain(1), 1, 1, -1);
        m.handle.indicateReceiveNetBufferLists(chain(1), 1, 1, Integer.MIN_VALUE);
        assertEquals(List.of("port 1 count 1 flags 0xffffffff", "port 1 count 1 flags 0x80000000"), sink.receives);
        assertNoRecords(fx);
    }

    @Test
    @DisplayName("R48 R50 status: null throws naming it; huge ports record R48; a wrong buffer type records R50")
    void r48_badStatusIndications_recorded() {
        AdapterRuntime a = start(fx);
        assertEquals("indication", assertThrows(NullPointerException.class, () -> m.handle.indicateStatus(null))
                .getMessage());
        assertNoRecords(fx);
        m.handle.indicateStatus(new StatusIndication(-1, 0x40010000, null, 0));
        m.handle.indicateStatus(new StatusIndication(Integer.MAX_VALUE, 0x40010000, null, -1));
        m.handle.indicateStatus(new StatusIndication(1, StatusCodes.NDIS_STATUS_PORT_STATE, "not a port state", -1));
        m.handle.indicateStatus(new StatusIndication(1, StatusCodes.NDIS_STATUS_PORT_STATE, null, 48));
        assertEquals(List.of("R48", "R48", "R50", "R50"), fx.ruleIds());
        assertEquals(4294967295L, fx.verifier.violations().get(0).port());
        assertEquals(4, a.view().droppedIndications());
        m.handle.indicateStatus(new StatusIndication(1, 0x40010000, new Object(), Integer.MIN_VALUE));
        assertEquals(List.of("status A 1"), sink.calls.stream().filter(c -> c.startsWith("status")).toList());
    }
}
