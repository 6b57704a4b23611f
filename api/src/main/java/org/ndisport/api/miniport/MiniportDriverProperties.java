package org.ndisport.api.miniport;

/** Service property names a {@link MiniportDriver} service registers with. */
public final class MiniportDriverProperties {
    /** String: the driver's name; virtual adapter configurations select a driver by it. */
    public static final String DRIVER_NAME = "ndisport.driver.name";
    /** String[]: hardware ids the driver drives ({@code HardwareDevice.hardwareId()}). */
    public static final String HARDWARE_IDS = "ndisport.hardware.ids";
    /** Boolean: the driver is an intermediate driver's miniport edge, allowed reserved PnP codes (D14). */
    public static final String INTERMEDIATE = "ndisport.intermediate";

    private MiniportDriverProperties() {
    }
}
