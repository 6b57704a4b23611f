package org.ndisport.core.adapter.internal;

import org.ndisport.api.NdisStatus;
import org.ndisport.api.binding.AdapterEventSink;
import org.ndisport.api.data.NetBufferList;
import org.ndisport.api.data.OidRequest;
import org.ndisport.api.runtime.PortState;
import org.ndisport.core.port.internal.PortEntry;

/**
 * Sends and OID requests from the binding layer down to the miniport and their completions back
 * (R77), counted so halt waits for them (spec §1.1), and checked against R17 and R33.
 */
final class Requests {
    private final Adapter adapter;
    private final DriverCalls driver;

    Requests(Adapter adapter, DriverCalls driver) {
        this.adapter = adapter;
        this.driver = driver;
    }

    void send(NetBufferList lists, int port, int flags) {
        int count = 0;
        for (NetBufferList l = lists; l != null; l = l.next()) {
            l.ndisPortNumber(port);
            count++;
        }
        adapter.outstandingRequests().addAndGet(count);
        driver.send(lists, port, flags);
    }

    void sendComplete(NetBufferList lists, int flags) {
        int count = 0;
        for (NetBufferList l = lists; l != null; l = l.next()) {
            checkServed(l.status(), l.ndisPortNumber(), "send");
            count++;
        }
        adapter.outstandingRequests().addAndGet(-count);
        AdapterEventSink sink = adapter.context().sink();
        if (sink != null) {
            try {
                sink.sendComplete(adapter.bindable(), lists, flags);
            } catch (RuntimeException e) {
                adapter.bindingLayerFailed("sendComplete", Integer.toUnsignedLong(lists.ndisPortNumber()), e);
            }
        }
    }

    NdisStatus oid(OidRequest request) {
        adapter.outstandingRequests().incrementAndGet();
        NdisStatus status = driver.oid(request);
        if (status == NdisStatus.PENDING) {
            adapter.pendedOids().incrementAndGet();
            return status;
        }
        adapter.outstandingRequests().decrementAndGet();
        checkServed(status, request.portNumber(), "OID");
        return status;
    }

    void oidComplete(OidRequest request, NdisStatus status) {
        checkServed(status, request.portNumber(), "OID");
        adapter.pendedOids().decrementAndGet();
        adapter.outstandingRequests().decrementAndGet();
        AdapterEventSink sink = adapter.context().sink();
        if (sink != null) {
            try {
                sink.oidComplete(adapter.bindable(), request, status);
            } catch (RuntimeException e) {
                adapter.bindingLayerFailed("oidComplete", Integer.toUnsignedLong(request.portNumber()), e);
            }
        }
    }

    /** R17 / R33: a request on an active or transitioning port completed with a port error. */
    private void checkServed(NdisStatus status, int port, String what) {
        if (status != NdisStatus.INVALID_PORT && status != NdisStatus.INVALID_PORT_STATE) {
            return;
        }
        PortEntry entry = adapter.ports().get(port);
        PortState state = entry == null ? PortState.NONEXISTENT : entry.state();
        if (state == PortState.DEACTIVATING) {
            adapter.violation("R33", port, what + " completed with " + status + " while the port is deactivating");
        } else if (state == PortState.ACTIVATING || state == PortState.ACTIVATED) {
            adapter.violation("R17", port, what + " completed with " + status + " on an " + state + " port");
        }
    }
}
