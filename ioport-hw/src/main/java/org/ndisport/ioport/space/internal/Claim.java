package org.ndisport.ioport.space.internal;

import org.ndisport.api.io.IoPortRange;

/** One MAPPED range (§5.5) and the adapter that registered it. */
record Claim(IoPortRange range, String adapter) {
}
