package org.ndisport.api.data;

/**
 * {@code NDIS_STATUS_INDICATION} (spec §1.5, §6.4): a status a miniport raises on a port.
 *
 * @param portNumber       the source port; 0 for the default port or adapter-wide status (R44, R48)
 * @param statusCode       the indication code, e.g. {@link StatusCodes#NDIS_STATUS_PORT_STATE}
 * @param statusBuffer     the payload, e.g. an {@code NdisPortState}; may be null
 * @param statusBufferSize the payload's size in bytes of the C layout, unsigned 32-bit
 */
public record StatusIndication(int portNumber, int statusCode, Object statusBuffer, int statusBufferSize) {
}
