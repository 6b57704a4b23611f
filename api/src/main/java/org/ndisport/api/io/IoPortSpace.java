package org.ndisport.api.io;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The emulated x86 I/O port space (spec §5): claims, conflicts and access resolution. Provided by
 * {@code ioport-hw}; the engine calls it from the miniport handle after its own phase checks
 * (R62, R63, R68 phase rows). Thread safe; accesses take no lock and allocate nothing.
 */
@ProviderType
public interface IoPortSpace {
    /**
     * Claims a range for the caller (§5.1 rows 3-5): FAILURE for an invalid range (D25),
     * RESOURCE_CONFLICT for an overlap with any claim (D24), else SUCCESS with PortOffset = InitialPort.
     */
    IoPortRangeResult register(IoCaller caller, int initialPort, int numberOfPorts);

    /** Releases the exactly matching claim (§5.2 rows 2-4); misuse is recorded through the caller (R67, R68). */
    void deregister(IoCaller caller, int initialPort, int numberOfPorts, long portOffset);

    /** One raw read resolved per §5.4; the value is in the low bits. */
    int read(IoCaller caller, long port, IoWidth width);

    /** One raw write resolved per §5.4. */
    void write(IoCaller caller, long port, IoWidth width, int value);

    /** The ranges the adapter still has claimed. */
    List<IoPortRange> claimsOf(String adapterName);

    /** Releases every claim of the adapter without a check, after the engine reported them (R70, R71). */
    void releaseAll(String adapterName);

    /** Every current claim, ascending by address. */
    List<IoClaim> claims();
}
