package org.ndisport.api.miniport;

import java.util.List;
import java.util.Objects;
import org.ndisport.api.io.IoPortRange;
import org.ndisport.api.port.PortAuthenticationParameters;

/**
 * {@code NDIS_MINIPORT_INIT_PARAMETERS}, the parts the model carries.
 *
 * @param adapterName            the adapter's unique name
 * @param defaultPortAuthStates  the adapter's default auth states (spec §1.3)
 * @param ioResources            the device's assigned I/O ranges; empty for a virtual adapter
 * @param interruptLine          the device's interrupt line, or -1
 */
public record MiniportInitParameters(String adapterName, PortAuthenticationParameters defaultPortAuthStates,
        List<IoPortRange> ioResources, int interruptLine) {

    /** Copies the resource list; no null fields. */
    public MiniportInitParameters {
        Objects.requireNonNull(adapterName, "adapterName");
        Objects.requireNonNull(defaultPortAuthStates, "defaultPortAuthStates");
        ioResources = copyOfRanges(ioResources);
    }

    private static List<IoPortRange> copyOfRanges(List<IoPortRange> ranges) {
        Objects.requireNonNull(ranges, "ioResources");
        for (IoPortRange r : ranges) {
            Objects.requireNonNull(r, "ioResources: null element");
        }
        return List.copyOf(ranges);
    }
}
