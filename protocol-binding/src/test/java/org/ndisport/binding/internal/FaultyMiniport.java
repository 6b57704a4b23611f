package org.ndisport.binding.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.data.NetBufferList;
import org.ndisport.api.data.OidRequest;
import org.ndisport.api.io.IoPortRange;
import org.ndisport.api.io.IoPortRangeResult;
import org.ndisport.api.miniport.HaltAction;
import org.ndisport.api.miniport.InterruptRecognition;
import org.ndisport.api.miniport.MiniportAttributes;
import org.ndisport.api.miniport.MiniportDriver;
import org.ndisport.api.miniport.MiniportInitParameters;
import org.ndisport.api.miniport.MiniportInterrupt;
import org.ndisport.api.miniport.NdisMiniportHandle;
import org.ndisport.core.adapter.internal.ScriptedMiniport;

/**
 * A miniport whose callbacks can be made to fail (one {@link Fault} per callback), logging to the log
 * shared with the test protocols as {@code "NAME CALLBACK …"}. Initialize sets registration attributes
 * and runs {@link #initScript}; halt undoes what initialize took (ports, its I/O range, its interrupt).
 * Every list it indicates and every list it gets back is kept, so each can be counted.
 */
final class FaultyMiniport implements MiniportDriver, MiniportInterrupt {
    final String name;
    final String bundle;
    final List<String> log;
    final List<NetBufferList> indicated = new CopyOnWriteArrayList<>();
    final List<NetBufferList> returned = new CopyOnWriteArrayList<>();
    final List<OidRequest> pendedOids = new CopyOnWriteArrayList<>();
    volatile NdisMiniportHandle handle;
    volatile Consumer<NdisMiniportHandle> initScript = h -> { };
    /** What the DPC does after its injection point (by default nothing). */
    volatile Consumer<NdisMiniportHandle> dpcWork = h -> { };
    /** Runs at the start of halt, before any fault. */
    volatile Runnable beforeHalt = () -> { };
    volatile boolean completeSends = true;
    volatile boolean pendOids;
    volatile Fault initializeFault;
    volatile Fault haltFault;
    volatile Fault sendFault;
    volatile Fault oidFault;
    volatile Fault returnFault;
    volatile Fault isrFault;
    volatile Fault dpcFault;
    private volatile IoPortRange range;
    private volatile IoPortRangeResult registered;
    private volatile boolean interruptRegistered;

    FaultyMiniport(String name, String bundle, List<String> log) {
        this.name = name;
        this.bundle = bundle;
        this.log = log;
    }

    /** Makes initialize register {@code ioRange} and, for a hardware adapter, its interrupt. */
    FaultyMiniport claiming(IoPortRange ioRange, boolean interrupt) {
        this.range = ioRange;
        this.interruptRegistered = interrupt;
        return this;
    }

    @Override
    public NdisStatus initialize(NdisMiniportHandle h, MiniportInitParameters parameters) {
        handle = h;
        log.add(name + " initialize");
        h.setMiniportAttributes(MiniportAttributes.registration());
        IoPortRange r = range;
        if (r != null) {
            registered = h.registerIoPortRange(r.base(), r.count());
            assertEquals(NdisStatus.SUCCESS, registered.status(), "I/O range of " + name);
        }
        if (interruptRegistered) {
            assertEquals(NdisStatus.SUCCESS, h.registerInterrupt(this), "interrupt of " + name);
        }
        initScript.accept(h);
        strike(initializeFault, "initialize");
        log.add(name + " initialized");
        return NdisStatus.SUCCESS;
    }

    @Override
    public void halt(NdisMiniportHandle h, HaltAction action) {
        log.add(name + " halt");
        beforeHalt.run();
        strike(haltFault, "halt");
        ScriptedMiniport.wellBehavedHalt(h);
        if (interruptRegistered) {
            h.deregisterInterrupt();
        }
        IoPortRangeResult r = registered;
        if (r != null) {
            h.deregisterIoPortRange(range.base(), range.count(), r.portOffset());
        }
        log.add(name + " halted");
    }

    @Override
    public void sendNetBufferLists(NdisMiniportHandle h, NetBufferList lists, int portNumber, int sendFlags) {
        log.add(name + " send port=" + portNumber);
        strike(sendFault, "sendNetBufferLists");
        if (completeSends) {
            log.add(name + " complete port=" + portNumber);
            lists.setChainStatus(NdisStatus.SUCCESS);
            h.sendNetBufferListsComplete(lists, 0);
        }
        log.add(name + " sent port=" + portNumber);
    }

    @Override
    public NdisStatus oidRequest(NdisMiniportHandle h, OidRequest request) {
        log.add(name + " oid port=" + request.portNumber());
        strike(oidFault, "oidRequest");
        log.add(name + " oid answered");
        if (pendOids) {
            pendedOids.add(request);
            return NdisStatus.PENDING;
        }
        return NdisStatus.SUCCESS;
    }

    @Override
    public void returnNetBufferLists(NdisMiniportHandle h, NetBufferList lists, int returnFlags) {
        for (NetBufferList l = lists; l != null; l = l.next()) {
            returned.add(l);
        }
        strike(returnFault, "returnNetBufferLists");
    }

    @Override
    public InterruptRecognition isr(NdisMiniportHandle h) {
        log.add(name + " isr");
        strike(isrFault, "isr");
        return InterruptRecognition.RECOGNIZED_QUEUE_DPC;
    }

    @Override
    public void dpc(NdisMiniportHandle h) {
        log.add(name + " dpc");
        strike(dpcFault, "dpc");
        dpcWork.accept(h);
        log.add(name + " dpc done");
    }

    /** Indicates a chain of {@code count} new lists on {@code port} and returns its head. */
    NetBufferList indicate(int port, int count) {
        NetBufferList head = null;
        for (int i = 0; i < count; i++) {
            NetBufferList l = NetBufferList.copyOf(new byte[] {(byte) i, 2, 3});
            indicated.add(l);
            l.next(head);
            head = l;
        }
        handle.indicateReceiveNetBufferLists(head, port, count, 0);
        return head;
    }

    /** How often {@code list} came back to this miniport. */
    long timesReturned(NetBufferList list) {
        return returned.stream().filter(l -> l == list).count();
    }

    /** Every list this miniport indicated came back to it exactly once, and nothing else did. */
    void assertEveryListReturnedOnce() {
        for (NetBufferList l : indicated) {
            assertEquals(1, timesReturned(l), name + ": times a list came back");
        }
        assertEquals(indicated.size(), returned.size(), name + ": lists returned");
    }

    private void strike(Fault fault, String callback) {
        if (fault != null) {
            fault.strike(name + " " + callback);
        }
    }
}
