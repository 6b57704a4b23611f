package org.ndisport.api.port;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code NDIS_PORT} (spec §1.5): one entry of a null-terminated chain through {@link #next()}, used by
 * activation events and by {@code ActivePorts}.
 *
 * <p>Mutable, so malformed chains (a cycle, an entry without characteristics) stay expressible (D5).
 * The runtime never reads {@code MiniportReserved} or {@code ProtocolReserved}.
 */
public final class NdisPort {
    /** {@code NDIS_PORT_SIZE}: bytes per entry in the 64-bit layout; BufferLength counts in these. */
    public static final int SIZE = 96;

    private NdisPort next;
    private Object ndisReserved;
    private Object miniportReserved;
    private Object protocolReserved;
    private PortCharacteristics portCharacteristics;

    /** One entry with the given characteristics and no successor. */
    public NdisPort(PortCharacteristics portCharacteristics) {
        this.portCharacteristics = portCharacteristics;
    }

    /** A well-formed chain naming the given ports in order, each with default characteristics. */
    public static NdisPort chainOf(int... portNumbers) {
        Objects.requireNonNull(portNumbers, "portNumbers");
        PortCharacteristics[] chars = new PortCharacteristics[portNumbers.length];
        for (int i = 0; i < portNumbers.length; i++) {
            chars[i] = PortCharacteristics.forPort(portNumbers[i]);
        }
        return chain(chars);
    }

    /** A well-formed chain of the given characteristics in order; null when none are given. */
    public static NdisPort chain(PortCharacteristics... characteristics) {
        Objects.requireNonNull(characteristics, "characteristics");
        NdisPort head = null;
        for (int i = characteristics.length - 1; i >= 0; i--) {
            NdisPort p = new NdisPort(characteristics[i]);
            p.next = head;
            head = p;
        }
        return head;
    }

    /**
     * The entries from this one to the end of the chain. Stops after {@code limit} entries, so a
     * cyclic chain yields at most {@code limit}.
     */
    public List<NdisPort> toList(int limit) {
        List<NdisPort> out = new ArrayList<>();
        for (NdisPort p = this; p != null && out.size() < limit; p = p.next) {
            out.add(p);
        }
        return out;
    }

    /** The next entry, or null at the end of the chain. */
    public NdisPort next() {
        return next;
    }

    /** Links the next entry (null ends the chain). */
    public NdisPort next(NdisPort value) {
        this.next = value;
        return this;
    }

    /** The characteristics; null only in a malformed entry. */
    public PortCharacteristics portCharacteristics() {
        return portCharacteristics;
    }

    /** Sets the characteristics. */
    public NdisPort portCharacteristics(PortCharacteristics value) {
        this.portCharacteristics = value;
        return this;
    }

    /** The runtime's reserved member; a miniport leaves it null. */
    public Object ndisReserved() {
        return ndisReserved;
    }

    /** Sets the runtime's reserved member. */
    public NdisPort ndisReserved(Object value) {
        this.ndisReserved = value;
        return this;
    }

    /** The miniport's scratch member; never read by the runtime. */
    public Object miniportReserved() {
        return miniportReserved;
    }

    /** Sets the miniport's scratch member. */
    public NdisPort miniportReserved(Object value) {
        this.miniportReserved = value;
        return this;
    }

    /** The protocol's scratch member; never read by the runtime. */
    public Object protocolReserved() {
        return protocolReserved;
    }

    /** Sets the protocol's scratch member. */
    public NdisPort protocolReserved(Object value) {
        this.protocolReserved = value;
        return this;
    }
}
