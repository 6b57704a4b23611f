package org.ndisport.api.port;

import java.util.List;
import java.util.Objects;
import org.ndisport.api.NdisObjectHeader;

/**
 * {@code NDIS_PORT_ARRAY} (spec §1.5, §6.1): the answer of OID_GEN_ENUMERATE_PORTS. Elements are
 * inline values (E8), ascending by port number (D17).
 *
 * @param header          0x80 / 1 / 80
 * @param numberOfPorts   element count
 * @param offsetFirstPort 16
 * @param elementSize     64
 * @param ports           one element per listed port; an immutable copy
 */
public record NdisPortArray(NdisObjectHeader header, int numberOfPorts, int offsetFirstPort, int elementSize,
        List<PortCharacteristics> ports) {
    /** {@code NDIS_SIZEOF_PORT_ARRAY_REVISION_1}: the size carried in the header. */
    public static final int HEADER_SIZE = 80;
    /** Offset of the first element in bytes. */
    public static final int OFFSET_FIRST_PORT = 16;
    /** Bytes per element. */
    public static final int ELEMENT_SIZE = PortCharacteristics.SIZE;

    /**
     * Copies the element list; NullPointerException naming {@code ports} for a null list or element. The
     * counts and sizes are not checked against it, so a malformed array stays expressible.
     */
    public NdisPortArray {
        ports = List.copyOf(requireElements(ports));
    }

    /** A well-formed array of the given elements. */
    public static NdisPortArray of(List<PortCharacteristics> ports) {
        requireElements(ports);
        return new NdisPortArray(NdisObjectHeader.defaultRevision1(HEADER_SIZE), ports.size(), OFFSET_FIRST_PORT,
                ELEMENT_SIZE, ports);
    }

    /** Bytes an answer listing {@code count} ports needs: 16 + 64 x count (§6.1); count is not negative. */
    public static long bytesNeeded(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count " + count + " is negative");
        }
        return OFFSET_FIRST_PORT + (long) ELEMENT_SIZE * count;
    }

    private static List<PortCharacteristics> requireElements(List<PortCharacteristics> ports) {
        Objects.requireNonNull(ports, "ports");
        for (PortCharacteristics p : ports) {
            Objects.requireNonNull(p, "ports: null element");
        }
        return ports;
    }
}
