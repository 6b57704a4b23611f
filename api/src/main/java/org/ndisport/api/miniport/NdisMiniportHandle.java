package org.ndisport.api.miniport;

import org.ndisport.api.Irql;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.data.NetBufferList;
import org.ndisport.api.data.OidRequest;
import org.ndisport.api.data.StatusIndication;
import org.ndisport.api.pnp.NetPnPEventNotification;
import org.ndisport.api.port.PortCharacteristics;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The adapter handle a miniport calls the runtime with (NdisMXxx). One per adapter; it also identifies
 * the calling adapter for I/O port calls (spec §5).
 *
 * <p>Every call is thread safe. Documented outcomes are returned as values; a null argument where the
 * NDIS call takes a pointer the runtime would dereference throws {@link NullPointerException} naming
 * it. In FAIL_FAST verifier mode a call that breaks a driver obligation throws
 * {@code NdisVerifierException} and has no other effect (D21). After halt the handle is stale (P4):
 * calls return CLOSING or FAILURE as the spec says.
 */
@ProviderType
public interface NdisMiniportHandle extends IoPortAccess {
    /** The adapter's name. */
    String adapterName();

    /** The context given with the registration attributes, or null before they were set. */
    Object context();

    /**
     * NdisMSetMiniportAttributes with registration attributes, in initialize only (P0 to P1): creates
     * port 0, ACTIVATED unless CONTROLS_DEFAULT_PORT (R21, §2.6). BAD_VERSION for an unknown header
     * revision; FAILURE if called outside P0.
     */
    NdisStatus setMiniportAttributes(MiniportAttributes attributes);

    /**
     * NdisMAllocatePort (spec §2.1, R1-R10, D1-D3). On SUCCESS the new number is also written to
     * {@code characteristics.portNumber()} (R4). A null {@code characteristics} is INVALID_DATA (D1).
     */
    AllocatePortResult allocatePort(PortCharacteristics characteristics);

    /** NdisMFreePort (spec §2.2, R36-R38, D4). */
    NdisStatus freePort(int portNumber);

    /**
     * NdisMNetPnPEvent: port activation and deactivation (spec §2.3, §2.4, D5-D14, D32). Events are
     * delivered to bound protocols synchronously before this returns (D22). Must be called at PASSIVE
     * (R56), not inside {@code oidRequest} (R57). A null notification throws.
     */
    NdisStatus netPnPEvent(NetPnPEventNotification notification);

    /**
     * NdisMIndicateReceiveNetBufferLists on {@code portNumber} (spec §2.5, R77). Every list comes back
     * through {@link MiniportDriver#returnNetBufferLists} exactly once, dropped ones included (D21).
     * Two exceptions: in FAIL_FAST mode a dropped indication throws and the lists stay the caller's (the
     * call had no effect); and a binding layer that throws while holding them (recorded as N1) may not
     * return them. A {@code numberOfLists} other than the chain's length records violation N38 and the
     * chain's length is used; a cyclic chain records N38 and is neither delivered nor returned.
     */
    void indicateReceiveNetBufferLists(NetBufferList lists, int portNumber, int numberOfLists, int receiveFlags);

    /** NdisMIndicateStatusEx (spec §2.5, §6.4). */
    void indicateStatus(StatusIndication indication);

    /** NdisMSendNetBufferListsComplete: each list of a send, exactly once, with its status. */
    void sendNetBufferListsComplete(NetBufferList lists, int sendCompleteFlags);

    /**
     * NdisMOidRequestComplete for a request the driver returned PENDING for. Completing any other request
     * (never given, answered, or already completed) records violation N39 and has no other effect.
     */
    void oidRequestComplete(OidRequest request, NdisStatus status);

    /**
     * NdisMRegisterInterruptEx, in initialize after the registration attributes (P1): connects the
     * device's interrupt line to {@code interrupt}. SUCCESS; FAILURE outside P1, when one is already
     * registered, or when the adapter has no interrupt line (a virtual adapter, or a device without one).
     */
    NdisStatus registerInterrupt(MiniportInterrupt interrupt);

    /**
     * NdisMDeregisterInterruptEx, in initialize or halt: disconnects the line and waits for a running
     * handler to finish (unless called from that handler, or inside {@link #synchronizeWithInterrupt}).
     * Does nothing when none is registered. An interrupt still registered when halt (or a failing
     * initialize) returns is deregistered by the runtime with warning N23.
     */
    void deregisterInterrupt();

    /**
     * NdisMSynchronizeWithInterruptEx: runs {@code function} at DIRQL while the interrupt service routine
     * cannot run, and returns its result. Works with or without a registered interrupt (a DPC finishing
     * after deregistration still synchronizes).
     */
    boolean synchronizeWithInterrupt(java.util.function.BooleanSupplier function);

    /** The IRQL the calling thread runs at (D31). */
    Irql currentIrql();

    /**
     * Raises the calling thread's IRQL, as taking a spin lock does; returns the previous level for
     * {@link #lowerIrql}. Raising to a lower level than the current one throws IllegalArgumentException.
     */
    Irql raiseIrql(Irql newIrql);

    /**
     * Restores the level {@link #raiseIrql} returned. Lowering to a level above the current one throws
     * IllegalArgumentException and changes nothing (N42).
     */
    void lowerIrql(Irql oldIrql);
}
