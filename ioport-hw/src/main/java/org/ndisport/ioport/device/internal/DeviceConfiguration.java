package org.ndisport.ioport.device.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** One emulated device (factory PID {@code org.ndisport.ioport.device}). */
@ObjectClassDefinition(name = "ndisport emulated device",
        description = "An emulated ISA device on the I/O bus, offered as a hardware device to miniport drivers.")
public @interface DeviceConfiguration {
    /** The factory PID. */
    String FACTORY_PID = "org.ndisport.ioport.device";

    @AttributeDefinition(name = "Name", description = "Unique device name; the adapter driving it gets this name.")
    String name();

    @AttributeDefinition(name = "Type", description = "What the device is.", options = {
        @Option(label = "NE2000-compatible Ethernet card (DP8390)", value = "ne2000"),
        @Option(label = "Latch: ports read back what was last written", value = "latch") })
    String type() default "ne2000";

    @AttributeDefinition(name = "I/O base", description = "First I/O port address (0..0xFFFF), e.g. 768 = 0x300.")
    int io_base() default 0x300;

    @AttributeDefinition(name = "I/O length", description = "Ports decoded; an NE2000 decodes exactly 32.")
    int io_length() default 0x20;

    @AttributeDefinition(name = "Interrupt line", description = "IRQ line, or -1 for none.")
    int irq() default 10;

    @AttributeDefinition(name = "Hardware id",
            description = "Matched with a miniport driver's ndisport.hardware.ids; empty: the type's default id.")
    String hardware_id() default "";

    @AttributeDefinition(name = "MAC address", required = false,
            description = "Station address in the card's PROM, e.g. 02:00:00:00:00:01; empty: derived from the name.")
    String mac() default "";

    @AttributeDefinition(name = "Ethernet segment",
            description = "Devices on the same segment hear each other's frames.")
    String segment() default "lan0";
}
