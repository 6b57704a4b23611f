package org.ndisport.binding.internal;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.ndisport.api.Irql;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.binding.BindableAdapter;
import org.ndisport.api.data.NetBufferList;
import org.ndisport.api.data.OidRequest;
import org.ndisport.api.data.Oids;
import org.ndisport.api.pnp.NetPnPEventNotification;
import org.ndisport.api.protocol.ProtocolBindingHandle;
import org.ndisport.api.runtime.Violation;

/**
 * One binding between a protocol and an adapter: the handle the protocol calls the runtime with.
 * Requests are checked against the ports open to this binding (spec §2.5) before they go down; a refused
 * request records its rule (throwing in FAIL_FAST before any effect) and completes with INVALID_PORT.
 */
final class Binding implements ProtocolBindingHandle {
    private final AdapterBindings owner;
    private final ProtocolEntry protocol;
    private final BindingLayer layer;
    private final OutstandingRequests outstanding = new OutstandingRequests();
    private final AtomicInteger indicating = new AtomicInteger();
    private final AtomicInteger returnCalls = new AtomicInteger();
    private volatile boolean detached;
    private volatile boolean closed;
    private volatile long heard = -1;
    private volatile long returned = -1;
    private volatile PendingEvent pending;

    Binding(AdapterBindings owner, ProtocolEntry protocol, BindingLayer layer) {
        this.owner = owner;
        this.protocol = protocol;
        this.layer = layer;
    }

    ProtocolEntry protocol() {
        return protocol;
    }

    AdapterBindings owner() {
        return owner;
    }

    OutstandingRequests outstanding() {
        return outstanding;
    }

    /** Sequence of the latest activation event this binding was handed. */
    long heard() {
        return heard;
    }

    void heard(long sequence) {
        this.heard = sequence;
    }

    /** Sequence of the latest deactivation event this binding returned from (or completed). */
    long returned() {
        return returned;
    }

    void returned(long sequence) {
        this.returned = sequence;
    }

    void pending(PendingEvent value) {
        this.pending = value;
    }

    boolean closed() {
        return closed;
    }

    /**
     * Marks the start of a receive or status indication to this binding; false (and nothing to end)
     * once it is detached, so no indication starts after {@link #detach}.
     */
    boolean beginIndication() {
        indicating.incrementAndGet();
        if (detached) {
            indicating.decrementAndGet();
            return false;
        }
        return true;
    }

    /** How many times the protocol has called returnNetBufferLists so far. */
    int returnCalls() {
        return returnCalls.get();
    }

    void endIndication() {
        indicating.decrementAndGet();
    }

    /** No indication starts after this; waits for those in progress (D33 for a protocol leaving). */
    void detach() {
        detached = true;
        while (indicating.get() > 0) {
            LockSupport.parkNanos(10_000);
        }
    }

    /** After unbind: sends complete with CLOSING, OIDs return CLOSING. */
    void close() {
        closed = true;
    }

    @Override
    public String adapterName() {
        return owner.adapter().name();
    }

    @Override
    public void sendNetBufferLists(NetBufferList lists, int portNumber, int sendFlags) {
        Objects.requireNonNull(lists, "lists");
        BindableAdapter adapter = owner.adapter();
        if (closed) {
            completeRefused(lists, NdisStatus.CLOSING);
            return;
        }
        checkIrql("send", portNumber);
        PortAccess access = owner.access(this, portNumber);
        if (access != PortAccess.OPEN) {
            violation(access.rule(), portNumber, "send on a port not open to this binding");
            completeRefused(lists, NdisStatus.INVALID_PORT);
            return;
        }
        int count = 0;
        for (NetBufferList l = lists; l != null; l = l.next()) {
            l.sourceHandle(this);
            count++;
        }
        outstanding.add(portNumber, count);
        adapter.sendNetBufferLists(lists, portNumber, sendFlags);
    }

    @Override
    public NdisStatus oidRequest(OidRequest request) {
        Objects.requireNonNull(request, "request");
        if (closed) {
            return NdisStatus.CLOSING;
        }
        int port = request.portNumber();
        checkIrql("OID", port);
        if (request.oid() == Oids.OID_GEN_ENUMERATE_PORTS) {
            return RuntimeOids.enumeratePorts(this, request);
        }
        PortAccess access = owner.access(this, port);
        if (request.oid() == Oids.OID_GEN_PORT_STATE) {
            return RuntimeOids.portState(this, request, access);
        }
        if (access != PortAccess.OPEN) {
            violation(access.rule(), port, String.format("OID 0x%08X on a port not open to this binding", request.oid()));
            return NdisStatus.INVALID_PORT;
        }
        outstanding.add(port, 1);
        layer.oidIssued(request, this);
        NdisStatus status = owner.adapter().oidRequest(request);
        if (status != NdisStatus.PENDING) {
            layer.oidFinished(request);
            outstanding.remove(port, 1);
        }
        return status;
    }

    @Override
    public void returnNetBufferLists(NetBufferList lists, int returnFlags) {
        Objects.requireNonNull(lists, "lists");
        returnCalls.incrementAndGet();
        IndicationPath.release(this, lists, returnFlags);
    }

    @Override
    public void completeNetPnPEvent(NetPnPEventNotification notification, NdisStatus status) {
        Objects.requireNonNull(notification, "notification");
        PendingEvent p = pending;
        if (p == null || !p.complete(notification, status)) {
            warning("D22", Violation.NO_PORT, "NdisCompleteNetPnPEvent for an event not pending (late or unmatched); ignored");
        }
    }

    /** A refused or closed send: each list completes to the protocol with {@code status}. */
    private void completeRefused(NetBufferList lists, NdisStatus status) {
        lists.setChainStatus(status);
        layer.completeSends(this, lists, 0);
    }

    private void checkIrql(String what, int port) {
        if (owner.adapter().currentIrql() == Irql.DIRQL) {
            violation("R60", port, what + " at DIRQL");
        }
    }

    /** Records the protocol's breach inside its call; throws in FAIL_FAST. */
    Violation violation(String rule, int port, String message) {
        return owner.adapter().violation(rule, Integer.toUnsignedLong(port), protocol.bundle(), message);
    }

    /** Records the protocol's breach found after a callback; never throws. */
    Violation finding(String rule, long port, String message) {
        return owner.adapter().finding(rule, port, protocol.bundle(), message);
    }

    /** Records a warning about the protocol; never throws. */
    Violation warning(String rule, long port, String message) {
        return owner.adapter().warning(rule, port, protocol.bundle(), message);
    }

    @Override
    public String toString() {
        return "Binding[" + protocol.name() + " -> " + adapterName() + "]";
    }
}
