package org.ndisport.api.protocol;

/** Service property names a {@link ProtocolDriver} service registers with. */
public final class ProtocolDriverProperties {
    /** String: the protocol's name, shown in listings. */
    public static final String PROTOCOL_NAME = "ndisport.protocol.name";

    private ProtocolDriverProperties() {
    }
}
