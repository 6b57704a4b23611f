package org.ndisport.binding.internal;

import java.util.Objects;
import org.ndisport.api.protocol.ProtocolDriver;

/**
 * A registered protocol driver.
 *
 * @param driver the service
 * @param name   its {@code ndisport.protocol.name}, or the bundle's name
 * @param bundle the symbolic name of the bundle that registered it (named in verifier records)
 * @param order  registration order (the service id); protocols are bound in this order
 */
record ProtocolEntry(ProtocolDriver driver, String name, String bundle, long order) {
    ProtocolEntry {
        Objects.requireNonNull(driver, "driver");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(bundle, "bundle");
    }
}
