package org.ndisport.api.pnp;

import org.ndisport.api.port.NdisPort;

/**
 * {@code NET_PNP_EVENT} (spec §1.5). Mutable, as in C, so every malformed form is expressible.
 *
 * <p>For {@code PortActivation} the {@link #buffer()} is the first {@link NdisPort} of a chain and
 * {@link #bufferLength()} at least entries x 96 (D5). For {@code PortDeactivation} the buffer is an
 * {@code int[]} of port numbers and the length is in bytes, 4 per entry (D8). Reserved members are
 * null when well formed (D11).
 */
public final class NetPnPEvent {
    private int netEvent;
    private Object buffer;
    private int bufferLength;
    private Object[] ndisReserved;
    private Object[] transportReserved;
    private Object[] tdiReserved;
    private Object[] tdiClientReserved;

    /** An event with the given raw code, buffer and unsigned 32-bit length in bytes. */
    public NetPnPEvent(int netEvent, Object buffer, int bufferLength) {
        this.netEvent = netEvent;
        this.buffer = buffer;
        this.bufferLength = bufferLength;
    }

    /** An event with the given code, buffer and length. */
    public NetPnPEvent(NetPnPEventCode code, Object buffer, int bufferLength) {
        this(code.code(), buffer, bufferLength);
    }

    /** The raw event code. */
    public int netEvent() {
        return netEvent;
    }

    /** Sets the raw event code. */
    public NetPnPEvent netEvent(int value) {
        this.netEvent = value;
        return this;
    }

    /** The buffer: an NdisPort chain head, an int[] of port numbers, or null. */
    public Object buffer() {
        return buffer;
    }

    /** Sets the buffer. */
    public NetPnPEvent buffer(Object value) {
        this.buffer = value;
        return this;
    }

    /** BufferLength in bytes, unsigned 32-bit. */
    public int bufferLength() {
        return bufferLength;
    }

    /** Sets BufferLength. */
    public NetPnPEvent bufferLength(int value) {
        this.bufferLength = value;
        return this;
    }

    /** NdisReserved[4]; null when unused. */
    public Object[] ndisReserved() {
        return ndisReserved;
    }

    /** Sets NdisReserved. */
    public NetPnPEvent ndisReserved(Object[] value) {
        this.ndisReserved = value;
        return this;
    }

    /** TransportReserved[4]; null when unused. */
    public Object[] transportReserved() {
        return transportReserved;
    }

    /** Sets TransportReserved. */
    public NetPnPEvent transportReserved(Object[] value) {
        this.transportReserved = value;
        return this;
    }

    /** TdiReserved[4]; null when unused. */
    public Object[] tdiReserved() {
        return tdiReserved;
    }

    /** Sets TdiReserved. */
    public NetPnPEvent tdiReserved(Object[] value) {
        this.tdiReserved = value;
        return this;
    }

    /** TdiClientReserved[4]; null when unused. */
    public Object[] tdiClientReserved() {
        return tdiClientReserved;
    }

    /** Sets TdiClientReserved. */
    public NetPnPEvent tdiClientReserved(Object[] value) {
        this.tdiClientReserved = value;
        return this;
    }

    /** True when any reserved member holds a non-null element (D11). */
    public boolean hasReservedMembersSet() {
        return anySet(ndisReserved) || anySet(transportReserved) || anySet(tdiReserved) || anySet(tdiClientReserved);
    }

    private static boolean anySet(Object[] members) {
        if (members == null) {
            return false;
        }
        for (Object o : members) {
            if (o != null) {
                return true;
            }
        }
        return false;
    }
}
