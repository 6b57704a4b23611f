package org.ndisport.core.verifier.internal;

import org.ndisport.api.runtime.Violation;

/** Receives every verifier record as it is made (for publishing to EventAdmin). */
@FunctionalInterface
public interface RecordListener {
    /** Called on the recording thread; must not throw. */
    void recorded(Violation record);
}
