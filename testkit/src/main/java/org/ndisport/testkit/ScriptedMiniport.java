package org.ndisport.testkit;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.BiConsumer;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.data.NetBufferList;
import org.ndisport.api.data.OidRequest;
import org.ndisport.api.miniport.HaltAction;
import org.ndisport.api.miniport.MiniportAttributes;
import org.ndisport.api.miniport.MiniportDriver;
import org.ndisport.api.miniport.MiniportInitParameters;
import org.ndisport.api.miniport.NdisMiniportHandle;

/**
 * A miniport driver whose MiniportInitializeEx and MiniportHaltEx run what the test sets, and that
 * otherwise behaves as a simple correct driver: it completes every send with SUCCESS at once, answers
 * every OID with SUCCESS, and counts the lists it indicated and got back.
 *
 * <p>By default initialize sets registration attributes and returns SUCCESS, and halt does nothing
 * (right for a driver that allocated nothing). One instance drives one adapter. Thread safe.
 */
public final class ScriptedMiniport implements MiniportDriver {
    private volatile BiFunction<NdisMiniportHandle, MiniportInitParameters, NdisStatus> initializer =
            (handle, parameters) -> handle.setMiniportAttributes(MiniportAttributes.registration());
    private volatile BiConsumer<NdisMiniportHandle, HaltAction> halter = (handle, action) -> {
    };
    private volatile NdisMiniportHandle handle;
    private final AtomicLong indicated = new AtomicLong();
    private final AtomicLong returned = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();

    /** What MiniportInitializeEx does and returns; not null. */
    public ScriptedMiniport onInitialize(BiFunction<NdisMiniportHandle, MiniportInitParameters, NdisStatus> action) {
        this.initializer = Objects.requireNonNull(action, "action");
        return this;
    }

    /** What MiniportHaltEx does; not null. */
    public ScriptedMiniport onHalt(BiConsumer<NdisMiniportHandle, HaltAction> action) {
        this.halter = Objects.requireNonNull(action, "action");
        return this;
    }

    /** The handle given to initialize, or null before initialize ran. Stays set after halt (a stale handle). */
    public NdisMiniportHandle handle() {
        return handle;
    }

    @Override
    public NdisStatus initialize(NdisMiniportHandle adapterHandle, MiniportInitParameters parameters) {
        this.handle = adapterHandle;
        return initializer.apply(adapterHandle, parameters);
    }

    @Override
    public void halt(NdisMiniportHandle adapterHandle, HaltAction action) {
        halter.accept(adapterHandle, action);
    }

    @Override
    public void sendNetBufferLists(NdisMiniportHandle adapterHandle, NetBufferList lists, int portNumber,
            int sendFlags) {
        sent.addAndGet(lists.chainLength());
        lists.setChainStatus(NdisStatus.SUCCESS);
        adapterHandle.sendNetBufferListsComplete(lists, 0);
    }

    @Override
    public NdisStatus oidRequest(NdisMiniportHandle adapterHandle, OidRequest request) {
        return NdisStatus.SUCCESS;
    }

    /**
     * NdisMIndicateReceiveNetBufferLists of {@code count} 64-byte frames on {@code portNumber}, counted
     * so {@link #outstandingLists()} shows what has not come back yet.
     */
    public void indicateReceive(int portNumber, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1: " + count);
        }
        NetBufferList head = null;
        for (int i = count - 1; i >= 0; i--) {
            byte[] frame = new byte[64];
            frame[0] = (byte) i;
            head = NetBufferList.copyOf(frame).next(head);
        }
        indicated.addAndGet(count);
        handle.indicateReceiveNetBufferLists(head, portNumber, count, 0);
    }

    @Override
    public void returnNetBufferLists(NdisMiniportHandle adapterHandle, NetBufferList lists, int returnFlags) {
        returned.addAndGet(lists.chainLength());
    }

    /** Lists indicated through {@link #indicateReceive} and not yet returned. */
    public long outstandingLists() {
        return indicated.get() - returned.get();
    }

    /** Lists that reached MiniportSendNetBufferLists so far. */
    public long sentLists() {
        return sent.get();
    }
}
