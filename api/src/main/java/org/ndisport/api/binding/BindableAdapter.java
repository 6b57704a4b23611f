package org.ndisport.api.binding;

import org.ndisport.api.NdisStatus;
import org.ndisport.api.data.NetBufferList;
import org.ndisport.api.data.OidRequest;
import org.ndisport.api.port.NdisPort;
import org.ndisport.api.runtime.AdapterView;
import org.osgi.annotation.versioning.ProviderType;

/**
 * An adapter as the binding layer sees it: its ports and the paths down to the miniport. Provided by
 * the engine; thread safe.
 */
@ProviderType
public interface BindableAdapter {
    /** The adapter's name. */
    String name();

    /** A snapshot of the adapter, its phase and its ports. */
    AdapterView view();

    /**
     * A fresh NDIS_PORT chain of every ACTIVATED port, port 0 included, ascending, characteristics from
     * the cache (D17, D20); null when no port is ACTIVATED.
     */
    NdisPort activePorts();

    /**
     * Passes a send to the miniport on {@code portNumber}, unchanged (R77), at DISPATCH. Completion
     * arrives at {@link AdapterEventSink#sendComplete}. The binding layer has checked the port is open
     * to the sender (spec §2.5). Once a halt is scheduled the lists complete at once with CLOSING and
     * never reach the miniport (spec §1.1).
     */
    void sendNetBufferLists(NetBufferList lists, int portNumber, int sendFlags);

    /**
     * Passes an OID request to the miniport unchanged, at PASSIVE; PENDING completes at
     * {@link AdapterEventSink#oidComplete}. Returns CLOSING once a halt is scheduled. OID_GEN_ENUMERATE_PORTS
     * and OID_GEN_PORT_STATE are answered by the binding layer from {@link #view()}, since only it knows
     * which ports are open to each binding (§6.1, §6.2); given here they return NOT_SUPPORTED and never
     * reach the miniport (R52).
     */
    NdisStatus oidRequest(OidRequest request);

    /** Gives received lists back to the miniport; each exactly once. */
    void returnNetBufferLists(NetBufferList lists, int returnFlags);
}
