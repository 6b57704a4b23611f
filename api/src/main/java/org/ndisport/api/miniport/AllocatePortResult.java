package org.ndisport.api.miniport;

import org.ndisport.api.NdisStatus;

/**
 * Result of {@code NdisMAllocatePort} (spec §2.1).
 *
 * @param status     SUCCESS, FAILURE, CLOSING, INVALID_DATA or RESOURCES
 * @param portNumber the new port's number on SUCCESS (also written to the characteristics, R4); 0 otherwise
 */
public record AllocatePortResult(NdisStatus status, int portNumber) {
    /** A failed result. */
    public static AllocatePortResult failed(NdisStatus status) {
        return new AllocatePortResult(status, 0);
    }

    /** True on SUCCESS. */
    public boolean succeeded() {
        return status == NdisStatus.SUCCESS;
    }
}
