package org.ndisport.binding.internal;

import org.ndisport.api.NdisStatus;
import org.ndisport.api.binding.BindableAdapter;
import org.ndisport.api.data.NetBufferList;
import org.ndisport.api.data.OidRequest;
import org.ndisport.api.runtime.AdapterView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Send and OID completions from an adapter back to the protocols that issued them: only to a binding
 * of the completing adapter named by the SourceHandle (N54), each list and request once.
 */
final class Completions {
    private static final Logger LOG = LoggerFactory.getLogger(Completions.class);

    private Completions() {
    }

    /**
     * Completed sends go back to the binding that sent each list (its SourceHandle), in runs of
     * consecutive lists of one binding, each list exactly once. A run no binding of this adapter sent
     * is recorded (N54) and delivered to no one.
     */
    static void sends(BindableAdapter adapter, NetBufferList lists, int flags) {
        NetBufferList l = lists;
        while (l != null) {
            Object source = l.sourceHandle();
            NetBufferList end = l;
            while (end.next() != null && end.next().sourceHandle() == source) {
                end = end.next();
            }
            NetBufferList next = end.next();
            end.next(null);
            Binding b = sender(adapter, source);
            if (b != null) {
                for (NetBufferList c = l; c != null; c = c.next()) {
                    b.outstanding().remove(c.ndisPortNumber(), 1);
                }
                toProtocol(b, l, flags);
            } else {
                stray(adapter, l.ndisPortNumber(), l.chainLength() + " send completions for lists no binding of "
                        + adapter.name() + " sent");
            }
            l = next;
        }
    }

    /** An OID request completed by the miniport goes back to the binding whose request is pending (N54). */
    static void oid(BindableAdapter adapter, OidRequest request, NdisStatus status) {
        Binding b = sender(adapter, request.ndisSourceHandle());
        if (b == null) {
            stray(adapter, request.portNumber(), "OID completion for a request no binding of " + adapter.name()
                    + " has pending: " + request);
            return;
        }
        request.ndisSourceHandle(null);
        b.outstanding().remove(request.portNumber(), 1);
        try {
            b.protocol().driver().oidRequestComplete(b, request, status);
        } catch (Exception | Error e) {
            b.callbackThrew("oidRequestComplete", Integer.toUnsignedLong(request.portNumber()), e);
        }
    }

    /** ProtocolSendNetBufferListsComplete for lists of {@code binding}. */
    static void toProtocol(Binding binding, NetBufferList lists, int flags) {
        try {
            binding.protocol().driver().sendNetBufferListsComplete(binding, lists, flags);
        } catch (Exception | Error e) {
            binding.callbackThrew("sendNetBufferListsComplete", Integer.toUnsignedLong(lists.ndisPortNumber()), e);
        }
    }

    /** The binding of {@code adapter} (as this layer knows it) named by a SourceHandle, or null. */
    private static Binding sender(BindableAdapter adapter, Object source) {
        if (source instanceof Binding.Source s && s.binding().owner().adapter() == adapter) {
            return s.binding();
        }
        return null;
    }

    /** N54: a completion of something the miniport was not given; recorded against its driver, dropped. */
    private static void stray(BindableAdapter adapter, int port, String message) {
        LOG.error("{}; not delivered", message);
        AdapterView view = adapter.view();
        adapter.finding("N54", Integer.toUnsignedLong(port), view == null ? "unknown" : view.driverBundle(),
                message + "; not delivered");
    }
}
