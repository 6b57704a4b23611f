package org.ndisport.api.miniport;

import org.ndisport.api.io.IoPortRangeResult;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The NDIS I/O port range calls of a miniport handle (spec §5): register, deregister and the twelve
 * raw access calls. Values are unsigned in the low bits of the int (UCHAR, USHORT, ULONG).
 *
 * <p>Without an I/O port space provider, registration returns FAILURE after the phase checks and
 * every read returns all ones (no device decodes any address).
 */
@ProviderType
public interface IoPortAccess {
    /** NdisMRegisterIoPortRange (§5.1, R62-R65, D24, D25, D30); in initialize after registration attributes. */
    IoPortRangeResult registerIoPortRange(int initialPort, int numberOfPorts);

    /** NdisMDeregisterIoPortRange (§5.2, R67-R69, D27); in initialize or halt with the registered arguments. */
    void deregisterIoPortRange(int initialPort, int numberOfPorts, long portOffset);

    /**
     * NdisImmediateReadPortUchar: reads the bus without a claim, the sanctioned way to probe a device
     * before registering its range. On a range this adapter registered: violation R66 (still performed).
     */
    int immediateReadPortUchar(long port);

    /** NdisImmediateReadPortUshort (R66). */
    int immediateReadPortUshort(long port);

    /** NdisImmediateReadPortUlong (R66). */
    int immediateReadPortUlong(long port);

    /** NdisImmediateWritePortUchar (R66). */
    void immediateWritePortUchar(long port, int data);

    /** NdisImmediateWritePortUshort (R66). */
    void immediateWritePortUshort(long port, int data);

    /** NdisImmediateWritePortUlong (R66). */
    void immediateWritePortUlong(long port, int data);

    /** NdisRawReadPortUchar. */
    int rawReadPortUchar(long port);

    /** NdisRawReadPortUshort. */
    int rawReadPortUshort(long port);

    /** NdisRawReadPortUlong. */
    int rawReadPortUlong(long port);

    /** NdisRawWritePortUchar. */
    void rawWritePortUchar(long port, int data);

    /** NdisRawWritePortUshort. */
    void rawWritePortUshort(long port, int data);

    /** NdisRawWritePortUlong. */
    void rawWritePortUlong(long port, int data);

    /** NdisRawReadPortBufferUchar: {@code length} bytes from the same port into buffer[offset..] (R73, D29). */
    void rawReadPortBufferUchar(long port, byte[] buffer, int offset, int length);

    /** NdisRawReadPortBufferUshort. */
    void rawReadPortBufferUshort(long port, short[] buffer, int offset, int length);

    /** NdisRawReadPortBufferUlong. */
    void rawReadPortBufferUlong(long port, int[] buffer, int offset, int length);

    /** NdisRawWritePortBufferUchar: {@code length} bytes from buffer[offset..] to the same port (R73, D29). */
    void rawWritePortBufferUchar(long port, byte[] buffer, int offset, int length);

    /** NdisRawWritePortBufferUshort. */
    void rawWritePortBufferUshort(long port, short[] buffer, int offset, int length);

    /** NdisRawWritePortBufferUlong. */
    void rawWritePortBufferUlong(long port, int[] buffer, int offset, int length);
}
