package org.ndisport.ioport.device.internal;

import java.util.List;
import java.util.Locale;
import org.ndisport.api.io.HardwareDevice;
import org.ndisport.api.io.InterruptSink;
import org.ndisport.api.io.IoAttachment;
import org.ndisport.api.io.IoPortRange;
import org.ndisport.api.io.IoPortSpace;
import org.ndisport.ioport.ethernet.internal.Segments;
import org.ndisport.ioport.ne2000.internal.Ne2000;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One emulated device per factory configuration: built by type, put on the I/O bus, and offered as a
 * {@link HardwareDevice} with its assigned resources. Deleting the configuration (or stopping the
 * bundle) unregisters the service first, which the engine takes as a surprise removal (D34), then takes
 * the device off the bus. A bad configuration fails activation with a message naming the property.
 */
@Component(service = HardwareDevice.class, configurationPid = DeviceConfiguration.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = DeviceConfiguration.class, factory = true)
public final class ConfiguredDevice implements HardwareDevice {
    /** The NE2000's default hardware id. */
    public static final String NE2000_ID = "ne2000";
    /** The latch device's default hardware id. */
    public static final String LATCH_ID = "latch";
    private static final Logger LOG = LoggerFactory.getLogger(ConfiguredDevice.class);

    private final String name;
    private final String hardwareId;
    private final IoPortRange range;
    private final int irq;
    private final Ne2000 nic;
    private final IoAttachment attachment;

    /** Builds the device and attaches it to the bus. */
    @Activate
    public ConfiguredDevice(DeviceConfiguration config, @Reference IoPortSpace space, @Reference Segments segments) {
        this.name = require(config.name(), "name");
        String type = config.type().trim().toLowerCase(Locale.ROOT);
        this.irq = config.irq();
        if (irq < -1 || irq > 255) {
            throw new IllegalArgumentException("device " + name + ": irq " + irq + " is not -1 or 0..255");
        }
        this.range = rangeOf(config);
        switch (type) {
            case NE2000_ID -> {
                if (range.count() != Ne2000.IO_LENGTH) {
                    throw new IllegalArgumentException("device " + name + ": an NE2000 decodes io.length 32, not "
                            + range.count());
                }
                nic = new Ne2000(range.base(), macOf(config, name), segments.segment(config.segment()));
                attachment = attach(space, name, nic);
                nic.plugIn();
                LOG.info("NE2000 {} at {} irq {} mac {} on segment {}", name, range, irq,
                        MacAddresses.format(nic.mac()), config.segment());
            }
            case LATCH_ID -> {
                nic = null;
                attachment = attach(space, name, new LatchDevice(range));
                LOG.info("latch device {} at {}", name, range);
            }
            default -> throw new IllegalArgumentException("device " + name + ": unknown type '" + config.type()
                    + "' (ne2000 or latch)");
        }
        this.hardwareId = config.hardware_id().isBlank() ? type : config.hardware_id().trim();
    }

    /** Takes the device off the wire and the bus; the service is already gone. */
    @Deactivate
    void deactivate() {
        if (nic != null) {
            nic.connectInterrupt(null);
            nic.unplug();
        }
        attachment.close();
        LOG.info("device {} removed", name);
    }

    @Override
    public String hardwareId() {
        return hardwareId;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<IoPortRange> ioPorts() {
        return List.of(range);
    }

    @Override
    public int interruptLine() {
        return nic == null ? -1 : irq;
    }

    @Override
    public void connectInterrupt(InterruptSink sink) {
        if (nic != null) {
            nic.connectInterrupt(sink);
        }
    }

    private static IoPortRange rangeOf(DeviceConfiguration config) {
        try {
            return new IoPortRange(config.io_base(), config.io_length());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("device " + config.name() + ": io.base " + config.io_base()
                    + " and io.length " + config.io_length() + " are not a range of the I/O space", e);
        }
    }

    private static byte[] macOf(DeviceConfiguration config, String name) {
        try {
            return MacAddresses.parseOrDerive(config.mac(), name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("device " + name + ": mac '" + config.mac() + "': " + e.getMessage(), e);
        }
    }

    /** Puts the device on the bus; a range another device decodes fails naming io.base. */
    private IoAttachment attach(IoPortSpace space, String name, org.ndisport.api.io.IoDevice device) {
        try {
            return space.attach(name, device);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("device " + name + ": io.base " + range.base() + " and io.length "
                    + range.count() + ": " + e.getMessage(), e);
        }
    }

    private static String require(String value, String property) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("device configuration without " + property);
        }
        return value.trim();
    }
}
