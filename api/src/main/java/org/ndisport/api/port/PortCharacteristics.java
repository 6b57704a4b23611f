package org.ndisport.api.port;

import java.util.Objects;
import org.ndisport.api.NdisObjectHeader;

/**
 * {@code NDIS_PORT_CHARACTERISTICS} (spec §1.5): what a miniport passes to {@code allocatePort} and
 * lists in an activation chain.
 *
 * <p>A mutable structure, as in C: {@code allocatePort} writes the assigned number into
 * {@link #portNumber()} (R4), and any field may hold a value the runtime rejects, so every documented
 * error case is expressible (D1). {@link #forAllocation()} builds the usual correct value. Not thread
 * safe; the runtime copies what it keeps.
 */
public final class PortCharacteristics {
    /** {@code NDIS_SIZEOF_PORT_CHARACTERISTICS_REVISION_1}: the size the header of revision 1 carries. */
    public static final int SIZEOF_REVISION_1 = 60;
    /** The full size of the 64-bit C layout. */
    public static final int SIZE = 64;
    /** {@code NDIS_PORT_CHARACTERISTICS_REVISION_1}. */
    public static final int REVISION_1 = 1;
    /** {@code NDIS_PORT_CHAR_USE_DEFAULT_AUTH_SETTINGS}: the only defined flag (R7, R20). */
    public static final int USE_DEFAULT_AUTH_SETTINGS = 0x1;

    private NdisObjectHeader header;
    private int portNumber;
    private int flags;
    private int type;
    private LinkState linkState;
    private AuthStates authStates;

    /** Characteristics with every field given; {@code type} is the raw NDIS_PORT_TYPE value. */
    public PortCharacteristics(NdisObjectHeader header, int portNumber, int flags, int type, LinkState linkState,
            AuthStates authStates) {
        this.header = header;
        this.portNumber = portNumber;
        this.flags = flags;
        this.type = type;
        this.linkState = Objects.requireNonNull(linkState, "linkState");
        this.authStates = Objects.requireNonNull(authStates, "authStates");
    }

    /**
     * The everyday correct value for {@code NdisMAllocatePort}: header 0x80/1/60, port number 0 (ignored,
     * R3), flags {@link #USE_DEFAULT_AUTH_SETTINGS}, type Undefined, link unknown.
     */
    public static PortCharacteristics forAllocation() {
        return forAllocation(PortType.UNDEFINED);
    }

    /** As {@link #forAllocation()} with the given type. */
    public static PortCharacteristics forAllocation(PortType type) {
        return new PortCharacteristics(NdisObjectHeader.defaultRevision1(SIZEOF_REVISION_1), 0,
                USE_DEFAULT_AUTH_SETTINGS, type.value(), LinkState.UNKNOWN, AuthStates.UNCONTROLLED_UNKNOWN);
    }

    /** As {@link #forAllocation()} but naming a port, for activation chains. */
    public static PortCharacteristics forPort(int portNumber) {
        PortCharacteristics c = forAllocation();
        c.portNumber = portNumber;
        return c;
    }

    /** A field-by-field copy. */
    public PortCharacteristics copy() {
        return new PortCharacteristics(header, portNumber, flags, type, linkState, authStates);
    }

    /** The object header; may be null only in a deliberately malformed value. */
    public NdisObjectHeader header() {
        return header;
    }

    /** Sets the header; null is allowed to express a malformed value. */
    public PortCharacteristics header(NdisObjectHeader value) {
        this.header = value;
        return this;
    }

    /** The port number: output of allocation (R4), input naming the port in an activation chain. */
    public int portNumber() {
        return portNumber;
    }

    /** Sets the port number. */
    public PortCharacteristics portNumber(int value) {
        this.portNumber = value;
        return this;
    }

    /** Flags, ULONG; only {@link #USE_DEFAULT_AUTH_SETTINGS} is defined. */
    public int flags() {
        return flags;
    }

    /** Sets the flags. */
    public PortCharacteristics flags(int value) {
        this.flags = value;
        return this;
    }

    /** True when {@link #USE_DEFAULT_AUTH_SETTINGS} is set. */
    public boolean usesDefaultAuthSettings() {
        return (flags & USE_DEFAULT_AUTH_SETTINGS) != 0;
    }

    /** The raw NDIS_PORT_TYPE value, unsigned 32-bit. */
    public int type() {
        return type;
    }

    /** Sets the raw type value. */
    public PortCharacteristics type(int value) {
        this.type = value;
        return this;
    }

    /** Sets the type from the enumeration. */
    public PortCharacteristics type(PortType value) {
        this.type = value.value();
        return this;
    }

    /** Link fields: MediaConnectState, XmitLinkSpeed, RcvLinkSpeed, Direction. */
    public LinkState linkState() {
        return linkState;
    }

    /** Sets the link fields. */
    public PortCharacteristics linkState(LinkState value) {
        this.linkState = Objects.requireNonNull(value, "linkState");
        return this;
    }

    /** Control and authorization states per direction. */
    public AuthStates authStates() {
        return authStates;
    }

    /** Sets the auth fields. */
    public PortCharacteristics authStates(AuthStates value) {
        this.authStates = Objects.requireNonNull(value, "authStates");
        return this;
    }

    @Override
    public String toString() {
        return "PortCharacteristics[port=" + Integer.toUnsignedString(portNumber) + ", header=" + header
                + ", flags=0x" + Integer.toHexString(flags) + ", type=" + Integer.toUnsignedString(type) + ", "
                + linkState + ", " + authStates + "]";
    }
}
