package org.ndisport.api.runtime;

import java.util.List;
import java.util.Objects;

/**
 * A snapshot of one open binding between a protocol and an adapter.
 *
 * @param protocol       the protocol's name ({@code ndisport.protocol.name}, else its bundle)
 * @param protocolBundle the symbolic name of the protocol's bundle
 * @param adapter        the adapter's name
 * @param openPorts      the ports open to this binding (spec §1.2), port 0 included, ascending
 */
public record BindingView(String protocol, String protocolBundle, String adapter, List<Integer> openPorts) {

    /** No null fields; copies the port list. */
    public BindingView {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(protocolBundle, "protocolBundle");
        Objects.requireNonNull(adapter, "adapter");
        openPorts = List.copyOf(openPorts);
    }
}
