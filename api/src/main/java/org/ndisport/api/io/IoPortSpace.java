package org.ndisport.api.io;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The emulated x86 I/O port space (spec §5): claims, conflicts and access resolution. Provided by
 * {@code ioport-hw}; the engine calls it from the miniport handle after its own phase checks
 * (R62, R63, R68 phase rows). Claims belong to the {@link IoCaller} instance that made them (one per
 * adapter instance), and are listed by its adapter name. Thread safe; accesses take no lock and
 * allocate nothing.
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

    /**
     * Puts an emulated device on the bus: from now on it decodes its {@link IoDevice#decodedRanges()}.
     * IllegalArgumentException if one of them is already decoded by another attached device.
     */
    IoAttachment attach(String name, IoDevice device);

    /** One raw read resolved per §5.4; the value is in the low bits. */
    int read(IoCaller caller, long port, IoWidth width);

    /** One raw write resolved per §5.4. */
    void write(IoCaller caller, long port, IoWidth width, int value);

    /**
     * {@code NdisImmediateReadPort…}: a read of the bus without a claim, the way a driver probes. A read
     * on a range the caller registered records R66 (and is still performed); a range another adapter
     * claimed is refused as in §5.4 row 2 (all ones), recorded as violation N22, the runtime's own rule
     * for it. No D28 warning: this is the sanctioned probing call.
     */
    int immediateRead(IoCaller caller, long port, IoWidth width);

    /** {@code NdisImmediateWritePort…}: the write counterpart of {@link #immediateRead}. */
    void immediateWrite(IoCaller caller, long port, IoWidth width, int value);

    /**
     * Reads the bus directly, with no caller and no record, for tools (the shell's {@code inb}) and
     * tests: what the device decoding the address answers, else all ones. Addresses an adapter claimed
     * belong to that adapter alone (R72): a read touching any of them gives all ones.
     */
    int busRead(int port, IoWidth width);

    /**
     * Writes the bus directly, with no caller and no record; dropped where nothing decodes, and dropped
     * when it touches an address an adapter claimed (R72).
     */
    void busWrite(int port, IoWidth width, int value);

    /** The ranges the calling adapter still has claimed. */
    List<IoPortRange> claimsOf(IoCaller caller);

    /**
     * Releases every claim of the adapter without a check, after the engine reported them (R70, R71).
     * What it deregistered before stays "formerly owned" by this caller (§5.2 row 4), so a late access
     * through its stale handle still records R69; a new adapter of the same name is another caller.
     */
    void releaseAll(IoCaller caller);

    /** Every current claim, ascending by address. */
    List<IoClaim> claims();

    /** Every range an attached device decodes, ascending by address. */
    List<IoDecode> decodes();
}
