package org.ndisport.api.binding;

import org.ndisport.api.NdisStatus;
import org.ndisport.api.data.NetBufferList;
import org.ndisport.api.data.OidRequest;
import org.ndisport.api.data.StatusIndication;
import org.ndisport.api.pnp.NetPnPEventNotification;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * What the engine tells the binding layer (provided by {@code protocol-binding}, or any bundle that
 * replaces it). With no provider, events go nowhere, received lists go straight back to the miniport,
 * and nothing is bound.
 *
 * <p>Per adapter the engine calls {@link #adapterReady}, {@link #adapterUnavailable} and
 * {@link #portEvent} one at a time (R76), at PASSIVE; receives and status arrive at DISPATCH. A sink
 * that throws is logged and recorded (N1); the engine's result never changes (O-6). A sink must not
 * halt an adapter from inside these calls. When a sink service goes away or is replaced, the engine
 * first calls {@link #adapterUnavailable} on it with {@link UnbindReason#BINDING_LAYER_STOPPING}.
 */
@ConsumerType
public interface AdapterEventSink {
    /**
     * Port 0 is ACTIVATED and initialize has returned success: bind every protocol with
     * {@link BindableAdapter#activePorts()} (O-2, D16). Called after the activating call returned, from
     * the engine's own thread.
     */
    void adapterReady(BindableAdapter adapter);

    /**
     * Close every binding of the adapter, synchronously: pause, unbind, close (D15, D34). Called inside
     * the miniport's port-0 deactivation, or after a halt was scheduled and before MiniportHaltEx.
     */
    void adapterUnavailable(BindableAdapter adapter, UnbindReason reason);

    /**
     * Deliver a validated port activation or deactivation event to every binding, serially in binding
     * order, returning only when every binding has completed it (D22, O-3, O-7). The notification is
     * the runtime's copy; give each protocol its own copy.
     */
    void portEvent(BindableAdapter adapter, NetPnPEventNotification notification);

    /**
     * A receive indication on an ACTIVATED port. Every list must go back through
     * {@link BindableAdapter#returnNetBufferLists} exactly once; if this method throws, the engine cannot
     * know which lists it still holds and returns none. Takes no lock and allocates nothing.
     */
    void receive(BindableAdapter adapter, NetBufferList lists, int portNumber, int numberOfLists, int receiveFlags);

    /** A status indication that passed the checks of §2.5 and §6.4. */
    void status(BindableAdapter adapter, StatusIndication indication);

    /** The miniport completed lists sent through {@link BindableAdapter#sendNetBufferLists}. */
    void sendComplete(BindableAdapter adapter, NetBufferList lists, int sendCompleteFlags);

    /** The miniport completed an OID it had pended. */
    void oidComplete(BindableAdapter adapter, OidRequest request, NdisStatus status);
}
