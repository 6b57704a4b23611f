package org.ndisport.ioport.space.internal;

import org.ndisport.api.io.IoCaller;
import org.ndisport.api.io.IoPortRange;

/** One MAPPED range (§5.5) and the adapter instance that registered it. */
record Claim(IoPortRange range, IoCaller owner, String adapter) {
    /** True when {@code caller} is the adapter instance that made the claim. */
    boolean ownedBy(IoCaller caller) {
        return owner == caller;
    }
}
