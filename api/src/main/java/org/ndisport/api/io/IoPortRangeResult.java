package org.ndisport.api.io;

import org.ndisport.api.NdisStatus;

/**
 * Result of {@code NdisMRegisterIoPortRange} (spec §5.1).
 *
 * @param status     SUCCESS, FAILURE or RESOURCE_CONFLICT
 * @param portOffset the mapped base on SUCCESS (equal to InitialPort, D26); 0 otherwise
 */
public record IoPortRangeResult(NdisStatus status, long portOffset) {
    /** A failed result with no offset. */
    public static IoPortRangeResult failed(NdisStatus status) {
        return new IoPortRangeResult(status, 0);
    }
}
