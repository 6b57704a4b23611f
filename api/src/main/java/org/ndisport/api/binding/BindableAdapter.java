package org.ndisport.api.binding;

import org.ndisport.api.Irql;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.data.NetBufferList;
import org.ndisport.api.data.OidRequest;
import org.ndisport.api.port.NdisPort;
import org.ndisport.api.runtime.AdapterView;
import org.ndisport.api.runtime.PortState;
import org.ndisport.api.runtime.PortView;
import org.ndisport.api.runtime.Violation;
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

    /**
     * The port's state with its transition flag (D32), or NONEXISTENT. Lock-free and allocation-free,
     * for the per-request checks of spec §2.5.
     */
    PortState portState(int portNumber);

    /** A snapshot of one port, or null when it does not exist. */
    PortView port(int portNumber);

    /** The calling thread's modelled IRQL (D31). */
    Irql currentIrql();

    /**
     * Runs {@code action} at PASSIVE with this adapter's binds, unbinds and port events excluded (R76),
     * for work the binding layer starts itself: binding a protocol that registered late, unbinding one
     * that left. Reentrant. The engine's own calls into {@link AdapterEventSink} already run this way.
     */
    void exclusive(Runnable action);

    /**
     * Records a breach by a protocol (spec §2.5, §4.2) with the protocol's bundle, on
     * {@code portNumber} (unsigned) or {@link Violation#NO_PORT}. In FAIL_FAST mode it throws
     * {@link org.ndisport.api.NdisVerifierException} instead (D21): call it before any effect.
     */
    Violation violation(String ruleId, long portNumber, String bundle, String message);

    /** Records a breach found when a protocol callback returned or completed; never throws. */
    Violation finding(String ruleId, long portNumber, String bundle, String message);

    /** Records a warning; never throws and never changes an outcome. */
    Violation warning(String ruleId, long portNumber, String bundle, String message);
}
