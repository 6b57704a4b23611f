package org.ndisport.api.io;

import org.osgi.annotation.versioning.ProviderType;

/** A device attached to the I/O port space; {@link #close()} takes it off the bus. */
@ProviderType
public interface IoAttachment extends AutoCloseable {
    /** The device's name, as the {@code /proc/ioports} listing shows it. */
    String name();

    /** Takes the device off the bus: its addresses decode to nothing again. Idempotent. */
    @Override
    void close();
}
