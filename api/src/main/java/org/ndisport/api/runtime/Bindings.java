package org.ndisport.api.runtime;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The open bindings, as a service of the binding layer (for tools such as the shell). Thread safe.
 */
@ProviderType
public interface Bindings {
    /** A snapshot of every open binding, by adapter name, then binding order; empty when none is open. */
    List<BindingView> bindings();
}
