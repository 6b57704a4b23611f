package org.ndisport.api.runtime;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The port lifecycle engine as a service: lists adapters and creates adapters programmatically (for
 * tests and tools). Adapters for {@code MiniportDriver} services are also created from ConfigAdmin
 * factory configurations. Thread safe.
 */
@ProviderType
public interface NdisRuntime {
    /** Snapshots of every adapter not yet removed, by name. */
    List<AdapterView> adapters();

    /** A snapshot of the named adapter, or empty. */
    Optional<AdapterView> adapter(String name);

    /**
     * Creates an adapter (not yet initialized). Throws IllegalArgumentException if the name is taken.
     */
    AdapterControl createAdapter(AdapterSpec spec);

    /** The verifier of this runtime. */
    Verifier verifier();
}
