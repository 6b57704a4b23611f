package org.ndisport.api.data;

import java.util.Objects;

/**
 * {@code NDIS_OID_REQUEST} (spec §1.5, R49): a query or set naming its target port.
 *
 * <p>The information buffer is a Java object (an {@code NdisPortArray}, an {@code NdisPortState}, a
 * {@code byte[]}, …); its length is given in bytes of the C layout so BUFFER_TOO_SHORT and
 * BytesNeeded keep their NDIS meaning (D18). The answerer fills {@code informationBuffer} for queries
 * and sets BytesWritten, BytesRead or BytesNeeded. Not thread safe: one owner at a time.
 */
public final class OidRequest {
    private final OidRequestType requestType;
    private final int oid;
    private final int portNumber;
    private Object informationBuffer;
    private final int informationBufferLength;
    private int bytesWritten;
    private int bytesRead;
    private int bytesNeeded;
    private Object requestId;
    private volatile Object ndisSourceHandle;

    /** A request; {@code informationBufferLength} is unsigned 32-bit, in bytes. */
    public OidRequest(OidRequestType requestType, int oid, int portNumber, Object informationBuffer,
            int informationBufferLength) {
        this.requestType = Objects.requireNonNull(requestType, "requestType");
        this.oid = oid;
        this.portNumber = portNumber;
        this.informationBuffer = informationBuffer;
        this.informationBufferLength = informationBufferLength;
    }

    /** A query for {@code oid} on {@code portNumber} with room for {@code bufferLength} bytes. */
    public static OidRequest query(int oid, int portNumber, int bufferLength) {
        return new OidRequest(OidRequestType.QUERY_INFORMATION, oid, portNumber, null, bufferLength);
    }

    /** A set of {@code oid} on {@code portNumber} carrying {@code buffer} of {@code bufferLength} bytes. */
    public static OidRequest set(int oid, int portNumber, Object buffer, int bufferLength) {
        return new OidRequest(OidRequestType.SET_INFORMATION, oid, portNumber, buffer, bufferLength);
    }

    /** Query, set or method. */
    public OidRequestType requestType() {
        return requestType;
    }

    /** The OID. */
    public int oid() {
        return oid;
    }

    /** The target port, or 0 for the default port or unknown (R49). */
    public int portNumber() {
        return portNumber;
    }

    /** The information buffer: input of a set, output of a query. */
    public Object informationBuffer() {
        return informationBuffer;
    }

    /** Sets the information buffer (the answerer does so for a query). */
    public void informationBuffer(Object value) {
        this.informationBuffer = value;
    }

    /** The buffer's length in bytes. */
    public int informationBufferLength() {
        return informationBufferLength;
    }

    /** Bytes written by a query. */
    public int bytesWritten() {
        return bytesWritten;
    }

    /** Sets BytesWritten. */
    public void bytesWritten(int value) {
        this.bytesWritten = value;
    }

    /** Bytes read by a set. */
    public int bytesRead() {
        return bytesRead;
    }

    /** Sets BytesRead. */
    public void bytesRead(int value) {
        this.bytesRead = value;
    }

    /** Bytes needed, set with BUFFER_TOO_SHORT (D18). */
    public int bytesNeeded() {
        return bytesNeeded;
    }

    /** Sets BytesNeeded. */
    public void bytesNeeded(int value) {
        this.bytesNeeded = value;
    }

    /** An identifier chosen by the issuer; the runtime does not read it. */
    public Object requestId() {
        return requestId;
    }

    /** Sets the request identifier. */
    public void requestId(Object value) {
        this.requestId = value;
    }

    /** The runtime's scratch: the binding that issued the request, to route its completion. */
    public Object ndisSourceHandle() {
        return ndisSourceHandle;
    }

    /** Sets the runtime's scratch source handle; drivers neither set nor rely on it. */
    public void ndisSourceHandle(Object value) {
        this.ndisSourceHandle = value;
    }

    @Override
    public String toString() {
        return String.format("OidRequest[%s 0x%08X port %s, %d bytes]", requestType, oid,
                Integer.toUnsignedString(portNumber), informationBufferLength);
    }
}
