package org.ndisport.api.protocol;

import java.util.Objects;
import org.ndisport.api.port.NdisPort;

/**
 * {@code NDIS_BIND_PARAMETERS}, the parts the model carries (spec §4.1, D17).
 *
 * @param adapterName the adapter bound to
 * @param activePorts an NDIS_PORT chain of every ACTIVATED port, port 0 included, ascending, with
 *                    characteristics from the cache (D20); the protocol's own copy
 */
public record BindParameters(String adapterName, NdisPort activePorts) {
    /** The adapter name is required; the chain always holds at least port 0. */
    public BindParameters {
        Objects.requireNonNull(adapterName, "adapterName");
        Objects.requireNonNull(activePorts, "activePorts");
    }
}
