package org.ndisport.api;

/**
 * {@code NDIS_OBJECT_HEADER} { UCHAR Type; UCHAR Revision; USHORT Size } (spec §1.5).
 *
 * <p>Any values may be held, so malformed headers stay expressible; the runtime checks them where
 * the spec says (D1, §6.4). Values are masked to their C widths.
 *
 * @param type     UCHAR object type, e.g. {@link #TYPE_DEFAULT}
 * @param revision UCHAR revision
 * @param size     USHORT size in bytes of the 64-bit C layout
 */
public record NdisObjectHeader(int type, int revision, int size) {
    /** {@code NDIS_OBJECT_TYPE_DEFAULT}. */
    public static final int TYPE_DEFAULT = 0x80;
    /** {@code NDIS_OBJECT_TYPE_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES}. */
    public static final int TYPE_MINIPORT_ADAPTER_REGISTRATION_ATTRIBUTES = 0x9E;
    /** {@code NDIS_OBJECT_TYPE_PORT_CHARACTERISTICS}. */
    public static final int TYPE_PORT_CHARACTERISTICS = 0x9C;
    /** {@code NDIS_OBJECT_TYPE_PORT_STATE}. */
    public static final int TYPE_PORT_STATE = 0x9D;

    /** Masks each field to its C width (UCHAR, UCHAR, USHORT). */
    public NdisObjectHeader {
        type &= 0xFF;
        revision &= 0xFF;
        size &= 0xFFFF;
    }

    /** A header of type {@link #TYPE_DEFAULT}, revision 1, with the given size. */
    public static NdisObjectHeader defaultRevision1(int size) {
        return new NdisObjectHeader(TYPE_DEFAULT, 1, size);
    }
}
