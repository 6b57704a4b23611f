package com.acme.loopback;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.data.NetBufferList;
import org.ndisport.api.miniport.AllocatePortResult;
import org.ndisport.api.miniport.HaltAction;
import org.ndisport.api.miniport.MiniportAttributes;
import org.ndisport.api.miniport.MiniportDriver;
import org.ndisport.api.miniport.MiniportInitParameters;
import org.ndisport.api.miniport.NdisMiniportHandle;
import org.ndisport.api.pnp.NetPnPEventNotification;
import org.ndisport.api.port.PortCharacteristics;

/**
 * A third-party miniport for virtual adapters, written against the ndisport API only: it allocates
 * and activates two ports besides the default one, completes every send at once and loops each sent
 * frame back as a receive on the port it was sent to. Its halt deactivates and frees the ports. It
 * logs initialize and halt calls, readable through its {@code Supplier<List<String>>} service.
 */
public final class LoopbackMiniport implements MiniportDriver, Supplier<List<String>> {
    public static final String DRIVER_NAME = "acme-loopback";
    static final int EXTRA_PORTS = 2;

    private final Map<NdisMiniportHandle, int[]> ports = new ConcurrentHashMap<>();
    private final List<String> log = new CopyOnWriteArrayList<>();

    @Override
    public List<String> get() {
        return List.copyOf(log);
    }

    @Override
    public NdisStatus initialize(NdisMiniportHandle handle, MiniportInitParameters parameters) {
        log.add("initialize " + handle.adapterName());
        NdisStatus status = handle.setMiniportAttributes(MiniportAttributes.registration());
        if (status != NdisStatus.SUCCESS) {
            return status;
        }
        int[] allocated = new int[EXTRA_PORTS];
        for (int i = 0; i < EXTRA_PORTS; i++) {
            AllocatePortResult r = handle.allocatePort(PortCharacteristics.forAllocation());
            if (r.status() != NdisStatus.SUCCESS) {
                free(handle, allocated, i);
                return r.status();
            }
            allocated[i] = r.portNumber();
        }
        status = handle.netPnPEvent(NetPnPEventNotification.portActivation(allocated));
        if (status != NdisStatus.SUCCESS) {
            free(handle, allocated, EXTRA_PORTS);
            return status;
        }
        ports.put(handle, allocated);
        return NdisStatus.SUCCESS;
    }

    @Override
    public void halt(NdisMiniportHandle handle, HaltAction action) {
        log.add("halt " + handle.adapterName() + " " + action);
        int[] allocated = ports.remove(handle);
        if (allocated != null) {
            handle.netPnPEvent(NetPnPEventNotification.portDeactivation(allocated));
            free(handle, allocated, allocated.length);
        }
    }

    private static void free(NdisMiniportHandle handle, int[] allocated, int count) {
        for (int i = 0; i < count; i++) {
            handle.freePort(allocated[i]);
        }
    }

    @Override
    public void sendNetBufferLists(NdisMiniportHandle handle, NetBufferList lists, int portNumber, int sendFlags) {
        NetBufferList echoes = null;
        NetBufferList last = null;
        int count = 0;
        for (NetBufferList l = lists; l != null; l = l.next()) {
            NetBufferList copy = NetBufferList.copyOf(l.frameBytes());
            if (last == null) {
                echoes = copy;
            } else {
                last.next(copy);
            }
            last = copy;
            count++;
        }
        lists.setChainStatus(NdisStatus.SUCCESS);
        handle.sendNetBufferListsComplete(lists, 0);
        handle.indicateReceiveNetBufferLists(echoes, portNumber, count, 0);
    }

    @Override
    public void returnNetBufferLists(NdisMiniportHandle handle, NetBufferList lists, int returnFlags) {
        // the echoes are garbage once returned
    }
}
