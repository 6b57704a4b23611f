package org.ndisport.core.adapter.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.binding.AdapterEventSink;
import org.ndisport.api.data.NetBufferList;
import org.ndisport.api.data.OidRequest;
import org.ndisport.api.data.Oids;
import org.ndisport.api.runtime.AdapterPhase;
import org.ndisport.api.runtime.PortState;
import org.ndisport.core.port.internal.PortEntry;

/**
 * Sends and OID requests from the binding layer down to the miniport and their completions back
 * (R77). They are counted before the halt check, so halt either waits for a request or the request sees
 * the halt and is refused with CLOSING: none reaches MiniportSendNetBufferLists or MiniportOidRequest
 * once a halt is scheduled (spec §1.1). Completions are checked against R17 and R33.
 */
final class Requests {
    private final Adapter adapter;
    private final DriverCalls driver;
    /** OID requests given to MiniportOidRequest and not yet answered, by identity. */
    private final Set<OidRequest> handedDown = ConcurrentHashMap.newKeySet();

    Requests(Adapter adapter, DriverCalls driver) {
        this.adapter = adapter;
        this.driver = driver;
    }

    void send(NetBufferList lists, int port, int flags) {
        int count = 0;
        for (NetBufferList l = lists; l != null; l = l.next()) {
            l.ndisPortNumber(port);
            l.ndisSent(adapter);
            count++;
        }
        adapter.outstandingRequests().addAndGet(count);
        if (closing()) {
            for (NetBufferList l = lists; l != null; l = l.next()) {
                l.ndisSendCompleted(adapter);
            }
            lists.setChainStatus(NdisStatus.CLOSING);
            adapter.outstandingRequests().addAndGet(-count);
            completeToSink(lists, 0);
            return;
        }
        PortEntry entry = adapter.ports().get(port);
        if (entry != null) {
            entry.countSent(count);
        }
        if (!driver.send(lists, port, flags)) {
            takeBackUncompleted(lists);
        }
    }

    /**
     * N57: MiniportSendNetBufferLists threw. The lists of the chain it had not completed (followed through
     * the links they had when sent) complete to their protocols with FAILURE, each exactly once; a
     * completion the miniport makes of them later records N58.
     */
    private void takeBackUncompleted(NetBufferList sent) {
        NetBufferList head = null;
        NetBufferList tail = null;
        int count = 0;
        for (NetBufferList l = sent; l != null; ) {
            NetBufferList next = l.ndisSentNext();
            if (l.ndisSendCompleted(adapter)) {
                l.status(NdisStatus.FAILURE);
                l.next(null);
                if (tail == null) {
                    head = l;
                } else {
                    tail.next(l);
                }
                tail = l;
                count++;
            }
            l = next;
        }
        if (head == null) {
            return;
        }
        adapter.outstandingRequests().addAndGet(-count);
        completeToSink(head, 0);
    }

    /**
     * NdisMSendNetBufferListsComplete. The chain is checked before any effect (FAIL_FAST throws and
     * completes nothing): R17/R33 for each list, and N58 for a list that is not in the miniport's care
     * (never sent to it, sent to another adapter, completed already, or taken back after its send
     * callback threw), which is left
     * out; the rest complete once each.
     */
    void sendComplete(NetBufferList lists, int flags) {
        NetBufferList foreign = null;
        for (NetBufferList l = lists; l != null; l = l.next()) {
            if (!l.ndisInCareOf(adapter)) {
                foreign = foreign == null ? l : foreign;
            } else {
                checkServed(l.status(), l.ndisPortNumber(), "send", true);
            }
        }
        if (foreign != null) {
            adapter.violation("N58", foreign.ndisPortNumber(),
                    "NdisMSendNetBufferListsComplete for a list that is not in the miniport's care");
        }
        NetBufferList head = null;
        NetBufferList tail = null;
        int count = 0;
        for (NetBufferList l = lists; l != null; ) {
            NetBufferList next = l.next();
            if (l.ndisSendCompleted(adapter)) {
                if (tail == null) {
                    head = l;
                } else if (tail.next() != l) {
                    tail.next(l);
                }
                tail = l;
                count++;
            } else if (foreign == null) {
                foreign = l;
                adapter.finding("N58", l.ndisPortNumber(), "a sent list completed twice at once");
            }
            l = next;
        }
        if (tail == null) {
            return;
        }
        if (tail.next() != null) {
            tail.next(null);
        }
        adapter.outstandingRequests().addAndGet(-count);
        completeToSink(head, flags);
    }

    NdisStatus oid(OidRequest request) {
        if (request.oid() == Oids.OID_GEN_ENUMERATE_PORTS || request.oid() == Oids.OID_GEN_PORT_STATE) {
            return NdisStatus.NOT_SUPPORTED;
        }
        adapter.outstandingRequests().incrementAndGet();
        if (closing()) {
            adapter.outstandingRequests().decrementAndGet();
            return NdisStatus.CLOSING;
        }
        handedDown.add(request); // before the call: the driver may complete it on another thread first
        NdisStatus status = driver.oid(request);
        if (status == NdisStatus.PENDING) {
            adapter.pendedOids().incrementAndGet();
            return status;
        }
        handedDown.remove(request);
        adapter.outstandingRequests().decrementAndGet();
        checkServed(status, request.portNumber(), "OID", false);
        checkAuthenticationSupported(request, status, false);
        return status;
    }

    /** N39: only a request the driver was given and has not answered can be completed, once. */
    void oidComplete(OidRequest request, NdisStatus status) {
        if (!handedDown.contains(request)) {
            notPended(request);
            return;
        }
        checkServed(status, request.portNumber(), "OID", true);
        checkAuthenticationSupported(request, status, true);
        if (!handedDown.remove(request)) { // completed meanwhile on another thread
            notPended(request);
            return;
        }
        adapter.pendedOids().decrementAndGet();
        adapter.outstandingRequests().decrementAndGet();
        AdapterEventSink sink = adapter.context().sink();
        if (sink == null) {
            adapter.warning("N21", request.portNumber(), "OID completion with no binding layer to deliver it: " + request);
            return;
        }
        try {
            sink.oidComplete(adapter.bindable(), request, status);
        } catch (Exception | Error e) {
            adapter.bindingLayerFailed("oidComplete", Integer.toUnsignedLong(request.portNumber()), e);
        }
    }

    private void notPended(OidRequest request) {
        adapter.violation("N39", request.portNumber(), "NdisMOidRequestComplete for a request not pended: " + request);
    }

    private boolean closing() {
        AdapterPhase phase = adapter.phase();
        return adapter.haltScheduled() || phase == AdapterPhase.P3_HALTING || phase == AdapterPhase.P4_HALTED;
    }

    private void completeToSink(NetBufferList lists, int flags) {
        AdapterEventSink sink = adapter.context().sink();
        if (sink == null) {
            adapter.warning("N21", lists.ndisPortNumber(), lists.chainLength()
                    + " send completions with no binding layer to deliver them");
            return;
        }
        try {
            sink.sendComplete(adapter.bindable(), lists, flags);
        } catch (Exception | Error e) {
            adapter.bindingLayerFailed("sendComplete", Integer.toUnsignedLong(lists.ndisPortNumber()), e);
        }
    }

    /**
     * R51: a miniport that has allocated a port supports OID_GEN_PORT_AUTHENTICATION_PARAMETERS; answering
     * it NOT_SUPPORTED while a port other than 0 exists is recorded.
     */
    private void checkAuthenticationSupported(OidRequest request, NdisStatus status, boolean miniportCall) {
        if (request.oid() != Oids.OID_GEN_PORT_AUTHENTICATION_PARAMETERS || status != NdisStatus.NOT_SUPPORTED
                || adapter.ports().size() <= 1) {
            return;
        }
        record("R51", request.portNumber(),
                "OID_GEN_PORT_AUTHENTICATION_PARAMETERS answered NOT_SUPPORTED by a miniport with ports", miniportCall);
    }

    /**
     * R17 / R33: a request on an active or transitioning port completed with a port error. Recorded as
     * a violation of the miniport's completion call, or, for a status the OID callback returned, as a
     * finding (the binding layer's call must not throw for the miniport's breach).
     */
    private void checkServed(NdisStatus status, int port, String what, boolean miniportCall) {
        if (status != NdisStatus.INVALID_PORT && status != NdisStatus.INVALID_PORT_STATE) {
            return;
        }
        PortEntry entry = adapter.ports().get(port);
        PortState state = entry == null ? PortState.NONEXISTENT : entry.state();
        String rule;
        if (state == PortState.DEACTIVATING) {
            rule = "R33";
        } else if (state == PortState.ACTIVATING || state == PortState.ACTIVATED) {
            rule = "R17";
        } else {
            return;
        }
        record(rule, port, what + " completed with " + status + " on a " + state + " port", miniportCall);
    }

    /**
     * A miniport breach: a violation of its completion call (throws in FAIL_FAST), or a finding for a
     * status its callback returned (the binding layer's call must not throw for the miniport's breach).
     */
    private void record(String rule, int port, String message, boolean miniportCall) {
        if (miniportCall) {
            adapter.violation(rule, port, message);
        } else {
            adapter.finding(rule, port, message);
        }
    }
}
