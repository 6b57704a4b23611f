package org.ndisport.binding.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.data.NetBufferList;
import org.ndisport.api.data.OidRequest;
import org.ndisport.api.miniport.HaltAction;
import org.ndisport.api.miniport.MiniportDriver;
import org.ndisport.api.miniport.MiniportInitParameters;
import org.ndisport.api.miniport.NdisMiniportHandle;
import org.ndisport.core.adapter.internal.ScriptedMiniport;

/** A {@link ScriptedMiniport} that also records the flags of every send it is given. */
final class FlagsMiniport implements MiniportDriver {
    final ScriptedMiniport scripted = new ScriptedMiniport();
    final List<Integer> sendFlags = new CopyOnWriteArrayList<>();

    @Override
    public NdisStatus initialize(NdisMiniportHandle h, MiniportInitParameters parameters) {
        return scripted.initialize(h, parameters);
    }

    @Override
    public void halt(NdisMiniportHandle h, HaltAction action) {
        scripted.halt(h, action);
    }

    @Override
    public void sendNetBufferLists(NdisMiniportHandle h, NetBufferList lists, int portNumber, int flags) {
        sendFlags.add(flags);
        scripted.sendNetBufferLists(h, lists, portNumber, flags);
    }

    @Override
    public NdisStatus oidRequest(NdisMiniportHandle h, OidRequest request) {
        return scripted.oidRequest(h, request);
    }

    @Override
    public void returnNetBufferLists(NdisMiniportHandle h, NetBufferList lists, int flags) {
        scripted.returnNetBufferLists(h, lists, flags);
    }
}
