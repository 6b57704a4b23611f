package org.ndisport.core.adapter.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.data.NetBufferList;
import org.ndisport.api.data.OidRequest;
import org.ndisport.api.miniport.HaltAction;
import org.ndisport.api.miniport.MiniportAttributes;
import org.ndisport.api.miniport.MiniportDriver;
import org.ndisport.api.miniport.MiniportInitParameters;
import org.ndisport.api.miniport.NdisMiniportHandle;
import org.ndisport.api.pnp.NetPnPEventNotification;
import org.ndisport.api.runtime.PortState;
import org.ndisport.api.runtime.PortView;

/**
 * A miniport whose initialize and halt run scripts. By default initialize sets plain registration
 * attributes and succeeds; halt behaves well: deactivates active ports (port 0 too if it controls it),
 * frees them. Records returned lists, sends and OIDs.
 */
public final class ScriptedMiniport implements MiniportDriver {
    public volatile Function<NdisMiniportHandle, NdisStatus> onInitialize = h -> {
        h.setMiniportAttributes(MiniportAttributes.registration());
        return NdisStatus.SUCCESS;
    };
    public volatile Consumer<NdisMiniportHandle> onHalt = ScriptedMiniport::wellBehavedHalt;
    public volatile Function<OidRequest, NdisStatus> onOid = r -> NdisStatus.SUCCESS;
    /** Status each sent list completes with; null means the test completes sends itself. */
    public volatile NdisStatus sendCompletion = NdisStatus.SUCCESS;
    /** Runs first in sendNetBufferLists (it may complete lists itself, or throw). */
    public volatile java.util.function.BiConsumer<NdisMiniportHandle, NetBufferList> onSend;

    public volatile NdisMiniportHandle handle;
    public volatile MiniportInitParameters initParameters;
    public final List<NetBufferList> returned = new CopyOnWriteArrayList<>();
    public final List<Integer> sendPorts = new CopyOnWriteArrayList<>();
    public final List<OidRequest> oids = new CopyOnWriteArrayList<>();
    public final List<HaltAction> halts = new CopyOnWriteArrayList<>();

    /** Initialize that sets CONTROLS_DEFAULT_PORT and succeeds. */
    public static ScriptedMiniport controllingDefaultPort() {
        ScriptedMiniport m = new ScriptedMiniport();
        m.onInitialize = h -> {
            h.setMiniportAttributes(MiniportAttributes.registrationControllingDefaultPort());
            return NdisStatus.SUCCESS;
        };
        return m;
    }

    @Override
    public NdisStatus initialize(NdisMiniportHandle h, MiniportInitParameters parameters) {
        this.handle = h;
        this.initParameters = parameters;
        return onInitialize.apply(h);
    }

    @Override
    public void halt(NdisMiniportHandle h, HaltAction action) {
        halts.add(action);
        onHalt.accept(h);
    }

    @Override
    public void sendNetBufferLists(NdisMiniportHandle h, NetBufferList lists, int portNumber, int sendFlags) {
        sendPorts.add(portNumber);
        java.util.function.BiConsumer<NdisMiniportHandle, NetBufferList> hook = onSend;
        if (hook != null) {
            hook.accept(h, lists);
        }
        NdisStatus s = sendCompletion;
        if (s != null) {
            lists.setChainStatus(s);
            h.sendNetBufferListsComplete(lists, 0);
        }
    }

    @Override
    public NdisStatus oidRequest(NdisMiniportHandle h, OidRequest request) {
        oids.add(request);
        return onOid.apply(request);
    }

    @Override
    public void returnNetBufferLists(NdisMiniportHandle h, NetBufferList lists, int returnFlags) {
        for (NetBufferList l = lists; l != null; l = l.next()) {
            returned.add(l);
        }
    }

    /** Deactivates every active port (port 0 only if controlled), then frees every port but 0. */
    public static void wellBehavedHalt(NdisMiniportHandle h) {
        List<PortView> ports = viewOf(h).ports();
        for (PortView p : ports) {
            if (p.portNumber() != 0 && p.state() == PortState.ACTIVATED) {
                h.netPnPEvent(NetPnPEventNotification.portDeactivation(p.portNumber()));
            }
        }
        PortView port0 = viewOf(h).port(0);
        if (port0 != null && port0.state() == PortState.ACTIVATED && viewOf(h).controlsDefaultPort()) {
            h.netPnPEvent(NetPnPEventNotification.portDeactivation(0));
        }
        for (PortView p : ports) {
            if (p.portNumber() != 0) {
                h.freePort(p.portNumber());
            }
        }
    }

    /** The adapter view behind a handle of this engine (test access to the package-private handle). */
    public static org.ndisport.api.runtime.AdapterView viewOf(NdisMiniportHandle h) {
        return ((MiniportHandle) h).adapterView();
    }
}
