package org.ndisport.api.io;

/**
 * One range an attached device decodes, whether or not an adapter claimed it.
 *
 * @param range  the decoded addresses
 * @param device the device's name
 */
public record IoDecode(IoPortRange range, String device) {
    @Override
    public String toString() {
        return range + " : " + device;
    }
}
