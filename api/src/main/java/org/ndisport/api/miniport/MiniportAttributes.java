package org.ndisport.api.miniport;

import org.ndisport.api.NdisObjectHeader;

/**
 * {@code NDIS_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES}, the part the port model reads: the header and
 * {@code AttributeFlags} (spec §1.3).
 *
 * @param header         Type 0x9E, Revision 1 or 2; another revision gives BAD_VERSION
 * @param attributeFlags {@code NDIS_MINIPORT_ATTRIBUTES_*} flags
 * @param context        the driver's adapter context, returned by {@code NdisMiniportHandle.context()}
 */
public record MiniportAttributes(NdisObjectHeader header, int attributeFlags, Object context) {
    /** {@code NDIS_MINIPORT_ATTRIBUTES_CONTROLS_DEFAULT_PORT} (R21, R22, E1). */
    public static final int CONTROLS_DEFAULT_PORT = 0x80;
    /** {@code NDIS_MINIPORT_ATTRIBUTES_NO_OID_INTERCEPT_ON_NONDEFAULT_PORTS}: stored, not acted on (§6.5). */
    public static final int NO_OID_INTERCEPT_ON_NONDEFAULT_PORTS = 0x200;
    /** {@code NDIS_SIZEOF_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES_REVISION_2}. */
    public static final int SIZE_REVISION_2 = 40;
    /** The highest registration-attributes revision the runtime knows. */
    public static final int MAX_REVISION = 2;

    /** Registration attributes with the given flags and no context. */
    public static MiniportAttributes registration(int attributeFlags) {
        return new MiniportAttributes(new NdisObjectHeader(NdisObjectHeader.TYPE_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES,
                MAX_REVISION, SIZE_REVISION_2), attributeFlags, null);
    }

    /** Plain registration attributes: the runtime controls port 0. */
    public static MiniportAttributes registration() {
        return registration(0);
    }

    /** Registration attributes with CONTROLS_DEFAULT_PORT: the miniport activates port 0 itself. */
    public static MiniportAttributes registrationControllingDefaultPort() {
        return registration(CONTROLS_DEFAULT_PORT);
    }

    /** True when the CONTROLS_DEFAULT_PORT flag is set. */
    public boolean controlsDefaultPort() {
        return (attributeFlags & CONTROLS_DEFAULT_PORT) != 0;
    }
}
