package org.ndisport.core.adapter.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.ndisport.core.adapter.internal.PortEventTestSupport.activate;
import static org.ndisport.core.adapter.internal.PortEventTestSupport.allocate;
import static org.ndisport.core.adapter.internal.PortEventTestSupport.assertNoRecords;
import static org.ndisport.core.adapter.internal.PortEventTestSupport.assertOnlyRecord;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ndisport.api.NdisObjectHeader;
import org.ndisport.api.NdisVerifierException;
import org.ndisport.api.data.StatusCodes;
import org.ndisport.api.data.StatusIndication;
import org.ndisport.api.port.AuthStates;
import org.ndisport.api.port.LinkState;
import org.ndisport.api.port.MediaConnectState;
import org.ndisport.api.port.NdisPortState;
import org.ndisport.api.port.NetIfDirection;
import org.ndisport.api.port.PortAuthorizationState;
import org.ndisport.api.port.PortControlState;
import org.ndisport.api.runtime.PortView;
import org.ndisport.api.runtime.Severity;
import org.ndisport.api.runtime.VerifierMode;

/** NDIS_STATUS_PORT_STATE and adapter-wide status (spec §6.4, §2.5, R44, R50, D20). */
class StatusIndicationTest {
    private static final LinkState CONNECTED = new LinkState(MediaConnectState.CONNECTED, 1_000_000_000L,
            1_000_000_000L, NetIfDirection.SEND_RECEIVE);
    private static final AuthStates AUTHORIZED = new AuthStates(PortControlState.CONTROLLED,
            PortControlState.CONTROLLED, PortAuthorizationState.AUTHORIZED, PortAuthorizationState.AUTHORIZED);

    private final EngineFixture fx = new EngineFixture();
    private final RecordingSink sink = new RecordingSink();
    private final ScriptedMiniport m = new ScriptedMiniport();

    private AdapterRuntime startWithActivePort() {
        fx.context.sink(sink);
        AdapterRuntime a = fx.initialized("A", m);
        activate(m.handle, allocate(m.handle));
        sink.calls.clear();
        return a;
    }

    private static StatusIndication portState(int port, NdisPortState state, int size) {
        return new StatusIndication(port, StatusCodes.NDIS_STATUS_PORT_STATE, state, size);
    }

    @Test
    @DisplayName("D20 R50 a well-formed port-state indication overwrites the cache and reaches the bindings")
    void d20_validPortState_cachedAndDelivered() {
        AdapterRuntime a = startWithActivePort();
        m.handle.indicateStatus(portState(1, NdisPortState.of(CONNECTED, AUTHORIZED), NdisPortState.SIZE));
        PortView p = a.view().port(1);
        assertEquals(CONNECTED, p.linkState());
        assertEquals(AUTHORIZED, p.authStates());
        assertEquals(List.of("status A 1"), sink.calls);
        assertNoRecords(fx);
    }

    @Test
    @DisplayName("R50 header type 0x9D (NDIS_OBJECT_TYPE_PORT_STATE) is accepted too")
    void r50_portStateObjectType_accepted() {
        AdapterRuntime a = startWithActivePort();
        NdisPortState s = new NdisPortState(new NdisObjectHeader(0x9D, 1, 48), CONNECTED, AUTHORIZED, 0);
        m.handle.indicateStatus(portState(1, s, 48));
        assertEquals(CONNECTED, a.view().port(1).linkState());
        assertNoRecords(fx);
    }

    static Stream<Arguments> malformed() {
        NdisPortState good = NdisPortState.of(CONNECTED, AUTHORIZED);
        return Stream.of(
                Arguments.of("null buffer", null, 48),
                Arguments.of("buffer of another type", "not a port state", 48),
                Arguments.of("null header", new NdisPortState(null, CONNECTED, AUTHORIZED, 0), 48),
                Arguments.of("header type 0x9C", new NdisPortState(new NdisObjectHeader(0x9C, 1, 48), CONNECTED,
                        AUTHORIZED, 0), 48),
                Arguments.of("revision 0", new NdisPortState(new NdisObjectHeader(0x80, 0, 48), CONNECTED,
                        AUTHORIZED, 0), 48),
                Arguments.of("header size 47", new NdisPortState(new NdisObjectHeader(0x80, 1, 47), CONNECTED,
                        AUTHORIZED, 0), 48),
                Arguments.of("StatusBufferSize 47", good, 47));
    }

    @ParameterizedTest(name = "R50 malformed NDIS_STATUS_PORT_STATE ({0}): violation, dropped, cache unchanged")
    @MethodSource("malformed")
    void r50_malformed_recordedAndDropped(String what, Object buffer, int size) {
        AdapterRuntime a = startWithActivePort();
        PortView before = a.view().port(1);
        m.handle.indicateStatus(new StatusIndication(1, StatusCodes.NDIS_STATUS_PORT_STATE, buffer, size));
        assertOnlyRecord(fx, "R50", Severity.VIOLATION, "A", 1);
        assertEquals(before, a.view().port(1));
        assertEquals(List.of(), sink.calls);
        assertEquals(1, a.view().droppedIndications());
    }

    @Test
    @DisplayName("R50 FAIL_FAST: a malformed port-state indication throws and changes nothing")
    void r50_failFast_throws() {
        EngineFixture ff = new EngineFixture(VerifierMode.FAIL_FAST);
        ScriptedMiniport mm = new ScriptedMiniport();
        AdapterRuntime a = ff.initialized("A", mm);
        activate(mm.handle, allocate(mm.handle));
        NdisVerifierException e = assertThrows(NdisVerifierException.class,
                () -> mm.handle.indicateStatus(portState(1, null, 48)));
        assertEquals("R50", e.ruleId());
        assertEquals(0, a.view().droppedIndications());
    }

    @Test
    @DisplayName("R44 adapter-wide status on port 0 while port 0 is inactive: accepted, no record, no binding")
    void r44_adapterStatusWithInactivePort0_accepted() {
        ScriptedMiniport controlling = ScriptedMiniport.controllingDefaultPort();
        fx.context.sink(sink);
        AdapterRuntime a = fx.initialized("A", controlling);
        controlling.handle.indicateStatus(new StatusIndication(0, StatusCodes.NDIS_STATUS_LINK_STATE, null, 0));
        assertNoRecords(fx);
        assertEquals(List.of(), sink.calls);
        assertEquals(0, a.view().droppedIndications());
    }

    @Test
    @DisplayName("D21 dropped indications are counted per adapter and per port")
    void d21_droppedCountedPerPort() {
        AdapterRuntime a = startWithActivePort();
        int inactive = allocate(m.handle);
        m.handle.indicateReceiveNetBufferLists(new org.ndisport.api.data.NetBufferList(64), inactive, 1, 0);
        m.handle.indicateStatus(portState(inactive, NdisPortState.of(CONNECTED, AUTHORIZED), NdisPortState.SIZE));
        m.handle.indicateReceiveNetBufferLists(new org.ndisport.api.data.NetBufferList(64), 0x7777, 1, 0);
        assertEquals(2, a.view().port(inactive).droppedIndications());
        assertEquals(0, a.view().port(1).droppedIndications());
        assertEquals(3, a.view().droppedIndications());
        assertEquals(List.of("R11", "R48", "R11"), fx.ruleIds());
    }
}
