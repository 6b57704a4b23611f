package org.ndisport.api.io;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * An emulated device on the I/O bus: decodes addresses the way a real card does (spec §5.4).
 *
 * <p>The I/O port space calls {@link #read} and {@link #write} only for addresses inside
 * {@link #decodedRanges()}. Calls may come from any thread at any IRQL (R74); implementations are
 * thread safe and allocate nothing per access.
 */
@ConsumerType
public interface IoDevice {
    /** The address ranges this device answers; constant while it is registered. */
    List<IoPortRange> decodedRanges();

    /**
     * Reads one value of the given width at {@code port}.
     *
     * @return the value in the low bits of the int
     */
    int read(int port, IoWidth width);

    /** Writes the low bits of {@code value} of the given width at {@code port}. */
    void write(int port, IoWidth width, int value);
}
