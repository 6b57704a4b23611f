package org.ndisport.api.io;

/**
 * One claimed range in the I/O port space: a {@code /proc/ioports} line.
 *
 * @param range   the claimed addresses
 * @param adapter the adapter that registered it
 * @param device  the name of the device decoding the range, or empty if none does
 */
public record IoClaim(IoPortRange range, String adapter, String device) {
    @Override
    public String toString() {
        return range + " : " + adapter + (device.isEmpty() ? "" : " (" + device + ")");
    }
}
