package org.ndisport.core.pnp.internal;

import org.ndisport.api.NdisStatus;
import org.ndisport.api.port.PortCharacteristics;

/**
 * A port event's buffer after the parameter checks (A1-A4, X1-X3): either a failure status, or the
 * listed port numbers in order (with their characteristics for an activation).
 *
 * @param failure         the status to return, or null when the parameters are valid
 * @param ports           the listed numbers; may be non-null with a failure when they were readable
 * @param characteristics per listed port for an activation; null for a deactivation
 */
public record ParsedPortEvent(NdisStatus failure, int[] ports, PortCharacteristics[] characteristics) {
    static ParsedPortEvent invalid(int[] readablePorts) {
        return new ParsedPortEvent(NdisStatus.INVALID_PARAMETER, readablePorts, null);
    }

    /** True when the parameter checks passed. */
    public boolean valid() {
        return failure == null;
    }

    /** True when port 0 is listed. */
    public boolean listsDefaultPort() {
        for (int p : ports) {
            if (p == 0) {
                return true;
            }
        }
        return false;
    }
}
