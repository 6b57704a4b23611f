package org.ndisport.binding.internal;

import org.ndisport.api.NdisObjectHeader;
import org.ndisport.api.data.StatusCodes;
import org.ndisport.api.data.StatusIndication;
import org.ndisport.api.port.AuthStates;
import org.ndisport.api.port.LinkState;
import org.ndisport.api.port.NdisPortState;

/**
 * An NdisMIndicateStatusEx for the model-based test, read by {@link DataPathModel#status}: the port,
 * NDIS_STATUS_PORT_STATE or another code, and the buffer.
 */
record StatusSpec(int port, boolean portState, StatusBuffer buffer) {
    /** What a status indication's buffer is (§6.4 well-formedness). */
    enum StatusBuffer { PORT_STATE, PORT_STATE_9D, NULL, WRONG_TYPE, HEADER_TYPE, REVISION_0, SIZE_47, BUFFER_SIZE_47 }

    static final int OTHER_CODE = StatusCodes.NDIS_STATUS_LINK_STATE;

    int code() {
        return portState ? StatusCodes.NDIS_STATUS_PORT_STATE : OTHER_CODE;
    }

    boolean wellFormed() {
        return buffer == StatusBuffer.PORT_STATE || buffer == StatusBuffer.PORT_STATE_9D;
    }

    StatusIndication toApi() {
        LinkState link = LinkState.UNKNOWN;
        Object payload = switch (buffer) {
            case PORT_STATE -> NdisPortState.of(link, AuthStates.UNCONTROLLED_UNKNOWN);
            case PORT_STATE_9D -> state(new NdisObjectHeader(0x9D, 1, NdisPortState.SIZE));
            case NULL -> null;
            case WRONG_TYPE -> "not a port state";
            case HEADER_TYPE -> state(new NdisObjectHeader(0x9C, 1, NdisPortState.SIZE));
            case REVISION_0 -> state(new NdisObjectHeader(0x80, 0, NdisPortState.SIZE));
            case SIZE_47, BUFFER_SIZE_47 -> state(new NdisObjectHeader(0x80, 1,
                    buffer == StatusBuffer.SIZE_47 ? NdisPortState.SIZE - 1 : NdisPortState.SIZE));
        };
        int size = buffer == StatusBuffer.NULL ? 0
                : buffer == StatusBuffer.BUFFER_SIZE_47 ? NdisPortState.SIZE - 1 : NdisPortState.SIZE;
        return new StatusIndication(port, code(), payload, size);
    }

    private static NdisPortState state(NdisObjectHeader header) {
        return new NdisPortState(header, LinkState.UNKNOWN, AuthStates.UNCONTROLLED_UNKNOWN, 0);
    }

    @Override
    public String toString() {
        return "status " + (portState ? "PORT_STATE" : "LINK_STATE") + " on port " + Integer.toUnsignedString(port)
                + (buffer == StatusBuffer.PORT_STATE ? "" : " buffer " + buffer.name().toLowerCase());
    }
}
