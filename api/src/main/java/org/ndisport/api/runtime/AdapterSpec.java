package org.ndisport.api.runtime;

import java.util.List;
import java.util.Objects;
import org.ndisport.api.io.HardwareDevice;
import org.ndisport.api.io.IoPortRange;
import org.ndisport.api.miniport.MiniportDriver;
import org.ndisport.api.port.AuthStates;

/**
 * What {@link NdisRuntime#createAdapter} needs to create an adapter programmatically.
 *
 * @param name              unique adapter name
 * @param driver            the miniport driver
 * @param driverName        the driver's name, for views
 * @param driverBundle      symbolic name recorded as the calling bundle of the driver's calls
 * @param defaultAuthStates the adapter's default port auth states (spec §1.3)
 * @param ioResources       assigned I/O ranges; empty for a virtual adapter
 * @param interruptLine     assigned interrupt line or -1
 * @param intermediate      the driver is an intermediate driver's miniport edge (D14)
 * @param device            the hardware device the adapter drives (its interrupt line is connected
 *                          through it), or null for a virtual adapter
 */
public record AdapterSpec(String name, MiniportDriver driver, String driverName, String driverBundle,
        AuthStates defaultAuthStates, List<IoPortRange> ioResources, int interruptLine, boolean intermediate,
        HardwareDevice device) {

    /**
     * No null fields (NullPointerException naming the field), a name that is not blank
     * (IllegalArgumentException, N41); copies the resource list.
     */
    public AdapterSpec {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name is blank");
        }
        Objects.requireNonNull(driver, "driver");
        Objects.requireNonNull(driverName, "driverName");
        Objects.requireNonNull(driverBundle, "driverBundle");
        Objects.requireNonNull(defaultAuthStates, "defaultAuthStates");
        ioResources = copyOfRanges(ioResources);
    }

    /** An adapter without a hardware device behind it. */
    public AdapterSpec(String name, MiniportDriver driver, String driverName, String driverBundle,
            AuthStates defaultAuthStates, List<IoPortRange> ioResources, int interruptLine, boolean intermediate) {
        this(name, driver, driverName, driverBundle, defaultAuthStates, ioResources, interruptLine, intermediate, null);
    }

    /**
     * An adapter for a hardware device: named after the device, with its I/O resources and interrupt
     * line, default auth states Uncontrolled/Unknown.
     */
    public static AdapterSpec hardware(HardwareDevice device, MiniportDriver driver, String driverName,
            String driverBundle) {
        Objects.requireNonNull(device, "device");
        return new AdapterSpec(device.name(), driver, driverName, driverBundle, AuthStates.UNCONTROLLED_UNKNOWN,
                device.ioPorts(), device.interruptLine(), false, device);
    }

    /** A virtual adapter: no resources, default auth states Uncontrolled/Unknown. */
    public static AdapterSpec virtual(String name, MiniportDriver driver, String driverBundle) {
        Objects.requireNonNull(driver, "driver");
        return new AdapterSpec(name, driver, driver.getClass().getSimpleName(), driverBundle,
                AuthStates.UNCONTROLLED_UNKNOWN, List.of(), -1, false);
    }

    private static List<IoPortRange> copyOfRanges(List<IoPortRange> ranges) {
        Objects.requireNonNull(ranges, "ioResources");
        for (IoPortRange r : ranges) {
            Objects.requireNonNull(r, "ioResources: null element");
        }
        return List.copyOf(ranges);
    }
}
