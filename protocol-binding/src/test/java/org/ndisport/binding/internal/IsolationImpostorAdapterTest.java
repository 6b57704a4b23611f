package org.ndisport.binding.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.binding.BindableAdapter;
import org.ndisport.api.binding.UnbindReason;
import org.ndisport.api.data.NetBufferList;
import org.ndisport.api.data.OidRequest;
import org.ndisport.api.pnp.NetPnPEventNotification;
import org.ndisport.core.adapter.internal.ScriptedMiniport;

/**
 * Isolation (N54): a bundle's own {@link BindableAdapter}, named like a real adapter, handed to the
 * binding layer. It reaches no real binding: completions of the real adapter's sends and OIDs are not
 * delivered through it, and its receives, port events and unbinds touch nothing.
 */
class IsolationImpostorAdapterTest {
    private final BindingFixture fx = new BindingFixture();
    private final RecordingProtocol p = fx.protocol("p1");
    private final ScriptedMiniport a = fx.adapter("A");
    private final List<String> impostorCalls = new CopyOnWriteArrayList<>();
    private final BindableAdapter impostor = (BindableAdapter) Proxy.newProxyInstance(
            BindableAdapter.class.getClassLoader(), new Class<?>[] {BindableAdapter.class}, (proxy, m, args) -> {
                switch (m.getName()) {
                    case "name":
                        return "A";
                    case "hashCode":
                        return System.identityHashCode(proxy);
                    case "equals":
                        return proxy == args[0];
                    case "toString":
                        return "impostor A";
                    default:
                        impostorCalls.add(m.getName() + (m.getName().equals("finding") ? " " + args[0] : ""));
                        return null;
                }
            });

    @Test
    @DisplayName("N54 the real adapter's send and OID completions given with an impostor adapter reach no protocol; the real ones still do")
    void n54_completionsThroughImpostor_notDelivered() {
        a.sendCompletion = null;
        a.onOid = r -> NdisStatus.PENDING;
        NetBufferList sent = NetBufferList.copyOf(new byte[] {1});
        p.handle("A").sendNetBufferLists(sent, 0, 0);
        OidRequest request = OidRequest.query(0x00010202, 0, 6);
        assertEquals(NdisStatus.PENDING, p.handle("A").oidRequest(request));
        int from = fx.log.size();

        fx.layer.sendComplete(impostor, sent, 0);
        fx.layer.oidComplete(impostor, request, NdisStatus.SUCCESS);
        assertEquals(List.of(), fx.logFrom(from), "nothing reached the protocol");
        assertEquals(List.of("view", "finding N54", "view", "finding N54"), impostorCalls,
                "recorded through the impostor itself, not the real verifier");
        assertEquals(List.of(), fx.records());

        a.handle.sendNetBufferListsComplete(sent, 0);
        a.handle.oidRequestComplete(request, NdisStatus.SUCCESS);
        assertEquals(2, fx.logFrom(from).size(), fx.logFrom(from).toString());
        assertEquals(List.of(), fx.records());
    }

    @Test
    @DisplayName("N54 receives, port events and unbinds given with an impostor adapter reach no real binding")
    void n54_indicationsThroughImpostor_reachNothing() {
        int from = fx.log.size();
        NetBufferList l = NetBufferList.copyOf(new byte[] {1});
        fx.layer.receive(impostor, l, 0, 1, 0);
        fx.layer.portEvent(impostor, NetPnPEventNotification.portDeactivation(0));
        fx.layer.adapterUnavailable(impostor, UnbindReason.HALT_SCHEDULED);
        assertEquals(List.of(), fx.logFrom(from));
        assertEquals(List.of("returnNetBufferLists"), impostorCalls, "its own list went back to itself");
        p.handle("A").sendNetBufferLists(NetBufferList.copyOf(new byte[] {2}), 0, 0);
        assertEquals(List.of(0), a.sendPorts, "the real binding is open");
        assertEquals(List.of(), fx.records());
    }
}
