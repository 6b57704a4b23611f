package org.ndisport.binding.internal;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.ndisport.api.Irql;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.capture.FrameDirection;
import org.ndisport.api.data.NetBufferList;
import org.ndisport.api.data.OidRequest;
import org.ndisport.api.data.Oids;
import org.ndisport.api.pnp.NetPnPEventNotification;
import org.ndisport.api.protocol.ProtocolBindingHandle;
import org.ndisport.api.runtime.Violation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One binding between a protocol and an adapter: the handle the protocol calls the runtime with.
 * Requests are counted, then checked against the ports open to this binding (spec §2.5), then passed
 * down; a refused request records its rule (throwing in FAIL_FAST before any effect) and completes
 * with INVALID_PORT. Counting first means a deactivation that completes concurrently either sees the
 * request (P-2 outstanding) or the request sees the completed deactivation (refused).
 */
final class Binding implements ProtocolBindingHandle {
    private static final Logger LOG = LoggerFactory.getLogger(Binding.class);

    private final AdapterBindings owner;
    private final ProtocolEntry protocol;
    private final BindingLayer layer;
    private final int slot;
    private final OutstandingRequests outstanding = new OutstandingRequests();
    /** What this binding's sends and OIDs carry as their SourceHandle: no capability, only a route back (N56). */
    private final Source source = new Source(this);
    private final AtomicInteger indicating = new AtomicInteger();
    private final AtomicInteger passingDown = new AtomicInteger();
    private volatile boolean detached;
    /** Paused until bindAdapter returned SUCCESS (N37), then running, closed after unbind: one read per send. */
    private volatile Lifecycle lifecycle = Lifecycle.PAUSED;

    private enum Lifecycle { PAUSED, RUNNING, CLOSED }
    private volatile long heard = -1;
    private volatile long returned = -1;
    private volatile PendingEvent pending;

    Binding(AdapterBindings owner, ProtocolEntry protocol, BindingLayer layer, int slot) {
        this.owner = owner;
        this.protocol = protocol;
        this.layer = layer;
        this.slot = slot;
    }

    /**
     * A SourceHandle the miniport sees on lists and requests: it names the binding to the binding layer
     * but gives nothing to call, so the miniport never holds the protocol's handle (N56).
     */
    static final class Source {
        private final Binding binding;

        private Source(Binding binding) {
            this.binding = binding;
        }

        Binding binding() {
            return binding;
        }

        @Override
        public String toString() {
            return "SourceHandle";
        }
    }

    ProtocolEntry protocol() {
        return protocol;
    }

    AdapterBindings owner() {
        return owner;
    }

    /** This binding's bit in the holders of a received list. */
    int slot() {
        return slot;
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

    /** bindAdapter returned SUCCESS: sends are accepted from now on (N37). */
    void run() {
        if (lifecycle == Lifecycle.PAUSED) {
            lifecycle = Lifecycle.RUNNING;
        }
    }

    boolean closed() {
        return lifecycle == Lifecycle.CLOSED;
    }

    /** After unbind: sends complete with CLOSING, OIDs return CLOSING. */
    void close() {
        lifecycle = Lifecycle.CLOSED;
    }

    /**
     * Marks the start of a receive or status indication to this binding on the calling thread; false
     * (and nothing to end) once it is detached, so no indication starts after {@link #detach}.
     */
    boolean beginIndication(ThreadMarks marks) {
        indicating.incrementAndGet();
        if (detached) {
            indicating.decrementAndGet();
            return false;
        }
        marks.indicating.push(this);
        return true;
    }

    void endIndication(ThreadMarks marks) {
        marks.indicating.pop();
        indicating.decrementAndGet();
    }

    /**
     * No indication starts after this; waits for those in progress on other threads (D33 for a binding
     * closing). The caller's own indications are not waited for.
     */
    void detach() {
        detached = true;
        ThreadMarks marks = ThreadMarks.current();
        while (indicating.get() > marks.indicating.count(this)) {
            LockSupport.parkNanos(10_000);
        }
    }

    /**
     * Waits, up to {@code timeoutNanos}, until no request of this binding is between its port check and
     * its hand-off to the miniport on another thread; after a deactivation return this fences requests
     * that passed the check before it (O-5) from the commit.
     */
    void awaitRequestsPassedDown(long timeoutNanos) {
        ThreadMarks marks = ThreadMarks.current();
        long deadline = System.nanoTime() + timeoutNanos;
        while (passingDown.get() > marks.requesting.count(this) && deadline - System.nanoTime() > 0) {
            LockSupport.parkNanos(10_000);
        }
    }

    /** True when every send and OID of this binding has completed. */
    boolean idle() {
        return outstanding.total() == 0;
    }

    @Override
    public String adapterName() {
        return owner.adapter().name();
    }

    @Override
    public void sendNetBufferLists(NetBufferList lists, int portNumber, int sendFlags) {
        Objects.requireNonNull(lists, "lists");
        int count = SendChains.length(lists);
        if (count < 0) {
            violation("N44", portNumber,
                    "send of " + SendChains.refusal(count) + ": refused, nothing sent or completed");
            return;
        }
        Lifecycle now = lifecycle;
        if (now == Lifecycle.CLOSED) {
            completeRefused(lists, NdisStatus.CLOSING);
            return;
        }
        if (now == Lifecycle.PAUSED) {
            violation("N37", portNumber, "send before bindAdapter returned: the binding is not running yet");
            completeRefused(lists, NdisStatus.PAUSED);
            return;
        }
        checkIrql(portNumber);
        ThreadMarks marks = ThreadMarks.current();
        beginPassingDown(marks);
        try {
            outstanding.add(portNumber, count);
            PortAccess access = owner.access(this, portNumber);
            if (access != PortAccess.OPEN) {
                outstanding.remove(portNumber, count);
                violation(access.rule(), portNumber, "send on a port not open to this binding");
                completeRefused(lists, NdisStatus.INVALID_PORT);
                return;
            }
            for (NetBufferList l = lists; l != null; l = l.next()) {
                l.sourceHandle(source);
            }
            layer.taps().observe(owner.adapter(), portNumber, FrameDirection.OUTBOUND, lists, count);
            owner.adapter().sendNetBufferLists(lists, portNumber, sendFlags);
        } finally {
            endPassingDown(marks);
        }
    }

    @Override
    public NdisStatus oidRequest(OidRequest request) {
        Objects.requireNonNull(request, "request");
        if (closed()) {
            return NdisStatus.CLOSING;
        }
        int port = request.portNumber();
        if (request.ndisSourceHandle() != null) {
            violation("N55", port, "OID request object already pending (issued and not completed yet); refused");
            return NdisStatus.INVALID_PARAMETER;
        }
        if (request.oid() == Oids.OID_GEN_ENUMERATE_PORTS) {
            return RuntimeOids.enumeratePorts(this, request);
        }
        if (request.oid() == Oids.OID_GEN_PORT_STATE) {
            return RuntimeOids.portState(this, request, owner.access(this, port));
        }
        ThreadMarks marks = ThreadMarks.current();
        beginPassingDown(marks);
        try {
            outstanding.add(port, 1);
            PortAccess access = owner.access(this, port);
            if (access != PortAccess.OPEN) {
                outstanding.remove(port, 1);
                violation(access.rule(), port, String.format("OID 0x%08X on a port not open to this binding", request.oid()));
                return NdisStatus.INVALID_PORT;
            }
            request.ndisSourceHandle(source);
            NdisStatus status = owner.adapter().oidRequest(request);
            if (status != NdisStatus.PENDING) {
                request.ndisSourceHandle(null);
                outstanding.remove(port, 1);
            }
            return status;
        } finally {
            endPassingDown(marks);
        }
    }

    @Override
    public void returnNetBufferLists(NetBufferList lists, int returnFlags) {
        Objects.requireNonNull(lists, "lists");
        IndicationPath.returnLists(this, lists, returnFlags);
    }

    @Override
    public void completeNetPnPEvent(NetPnPEventNotification notification, NdisStatus status) {
        Objects.requireNonNull(notification, "notification");
        Objects.requireNonNull(status, "status");
        PendingEvent p = pending;
        if (p == null || !p.complete(notification, status)) {
            warning("D22", Violation.NO_PORT, "NdisCompleteNetPnPEvent for an event not pending (late or unmatched); ignored");
        }
    }

    private void beginPassingDown(ThreadMarks marks) {
        passingDown.incrementAndGet();
        marks.requesting.push(this);
    }

    private void endPassingDown(ThreadMarks marks) {
        marks.requesting.pop();
        passingDown.decrementAndGet();
    }

    /** A refused or closed send: each list completes to the protocol with {@code status}. */
    private void completeRefused(NetBufferList lists, NdisStatus status) {
        lists.setChainStatus(status);
        Completions.toProtocol(this, lists, 0);
    }

    /** R60 (D31): a send is made at IRQL at most DISPATCH. */
    private void checkIrql(int port) {
        if (owner.adapter().currentIrql() == Irql.DIRQL) {
            violation("R60", port, "send at DIRQL");
        }
    }

    /**
     * N1: a callback of the protocol threw (any exception or error: a bundle refreshed under its caller
     * throws NoClassDefFoundError); logged with the protocol and recorded, nothing else changes. Only a
     * VirtualMachineError is rethrown: the JVM itself is in trouble.
     */
    void callbackThrew(String callback, long port, Throwable e) {
        callbackThrew(callback, port, e, "");
    }

    /** As {@link #callbackThrew(String, long, Throwable)}, saying what the runtime did about it. */
    void callbackThrew(String callback, long port, Throwable e, String aftermath) {
        if (e instanceof VirtualMachineError fatal) {
            throw fatal;
        }
        LOG.warn("protocol {} threw from {} on {}", protocol.name(), callback, adapterName(), e);
        finding("N1", port, callback + " threw " + e + aftermath);
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
