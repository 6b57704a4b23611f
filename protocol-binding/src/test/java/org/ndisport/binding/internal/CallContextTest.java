package org.ndisport.binding.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.ndisport.binding.internal.BindingFixture.activate;
import static org.ndisport.binding.internal.BindingFixture.allocate;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ndisport.api.Irql;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.data.NetBufferList;
import org.ndisport.api.data.StatusCodes;
import org.ndisport.api.data.StatusIndication;
import org.ndisport.api.miniport.NdisMiniportHandle;
import org.ndisport.api.pnp.NetPnPEventNotification;
import org.ndisport.api.protocol.BindParameters;
import org.ndisport.api.protocol.ProtocolBindingHandle;
import org.ndisport.api.protocol.ProtocolDriver;
import org.ndisport.core.adapter.internal.ScriptedMiniport;

/** D31 R60: the IRQL protocol callbacks run at, read through the thread's modelled level. */
class CallContextTest {
    private final BindingFixture fx = new BindingFixture();

    @Test
    @DisplayName("R60 D31 bind, port events and late binds at PASSIVE; receive and status at DISPATCH")
    void r60_callbackLevels() {
        Map<String, Irql> seen = new ConcurrentHashMap<>();
        ScriptedMiniport m = fx.adapter("A");
        NdisMiniportHandle h = m.handle;
        fx.layer.register(new ProtocolDriver() {
            @Override
            public NdisStatus bindAdapter(ProtocolBindingHandle b,
                    BindParameters parameters) {
                seen.put("bind", h.currentIrql());
                return NdisStatus.SUCCESS;
            }

            @Override
            public void unbindAdapter(ProtocolBindingHandle b) {
                seen.put("unbind", h.currentIrql());
            }

            @Override
            public NdisStatus netPnPEvent(ProtocolBindingHandle b,
                    NetPnPEventNotification n) {
                seen.put("event", h.currentIrql());
                return NdisStatus.SUCCESS;
            }

            @Override
            public void receiveNetBufferLists(ProtocolBindingHandle b, NetBufferList lists,
                    int port, int count, int flags) {
                seen.put("receive", h.currentIrql());
                b.returnNetBufferLists(lists, 0);
            }

            @Override
            public void status(ProtocolBindingHandle b, StatusIndication indication) {
                seen.put("status", h.currentIrql());
            }
        }, "p1", BindingFixture.bundleOf("p1"), 0);
        activate(h, allocate(h));
        h.indicateReceiveNetBufferLists(NetBufferList.copyOf(new byte[1]), 0, 1, 0);
        h.indicateStatus(new StatusIndication(0, StatusCodes.NDIS_STATUS_LINK_STATE, null, 0));
        BindingFixture.deactivate(h, 0);
        assertEquals(Map.of("bind", Irql.PASSIVE_LEVEL, "event", Irql.PASSIVE_LEVEL, "receive", Irql.DISPATCH_LEVEL,
                "status", Irql.DISPATCH_LEVEL, "unbind", Irql.PASSIVE_LEVEL), seen);
        assertEquals(List.of(), fx.ruleIds());
    }
}
