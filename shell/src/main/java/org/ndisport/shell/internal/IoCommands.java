package org.ndisport.shell.internal;

import org.apache.felix.service.command.Descriptor;
import org.ndisport.api.io.IoClaim;
import org.ndisport.api.io.IoPortSpace;
import org.ndisport.api.io.IoWidth;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Gogo commands that read and write the emulated I/O bus directly, as a hardware debugger would:
 * nothing is recorded and undecoded reads give all ones. Addresses an adapter claimed are its own
 * (R72): the commands refuse them, naming the adapter.
 */
@Component(service = IoCommands.class, property = {"osgi.command.scope=ndis", "osgi.command.function=inb",
        "osgi.command.function=inw", "osgi.command.function=inl", "osgi.command.function=outb",
        "osgi.command.function=outw", "osgi.command.function=outl"})
public final class IoCommands {
    private final IoPortSpace space;

    @Activate
    public IoCommands(@Reference IoPortSpace space) {
        this.space = space;
    }

    @Descriptor("read a byte from an I/O port (bus access; claimed ports are refused)")
    public String inb(@Descriptor("port address, e.g. 0x300") String port) {
        return read(port, IoWidth.BYTE);
    }

    @Descriptor("read a 16-bit word from an I/O port (bus access; claimed ports are refused)")
    public String inw(@Descriptor("port address") String port) {
        return read(port, IoWidth.WORD);
    }

    @Descriptor("read a 32-bit doubleword from an I/O port (bus access; claimed ports are refused)")
    public String inl(@Descriptor("port address") String port) {
        return read(port, IoWidth.DWORD);
    }

    @Descriptor("write a byte to an I/O port (bus access; claimed ports are refused)")
    public String outb(@Descriptor("port address") String port, @Descriptor("value") String value) {
        return write(port, value, IoWidth.BYTE);
    }

    @Descriptor("write a 16-bit word to an I/O port (bus access; claimed ports are refused)")
    public String outw(@Descriptor("port address") String port, @Descriptor("value") String value) {
        return write(port, value, IoWidth.WORD);
    }

    @Descriptor("write a 32-bit doubleword to an I/O port (bus access; claimed ports are refused)")
    public String outl(@Descriptor("port address") String port, @Descriptor("value") String value) {
        return write(port, value, IoWidth.DWORD);
    }

    private String read(String port, IoWidth width) {
        int address = unclaimed(address(port, width), width);
        long value = Integer.toUnsignedLong(space.busRead(address, width)) & mask(width);
        return String.format("%04x: 0x%0" + width.bytes() * 2 + "x", address, value);
    }

    private String write(String port, String value, IoWidth width) {
        int address = unclaimed(address(port, width), width);
        long v = Names.number(value);
        if ((v & ~mask(width)) != 0) {
            throw new CommandFailed("value " + value + " does not fit in " + width.bytes() * 8 + " bits");
        }
        space.busWrite(address, width, (int) v);
        return String.format("%04x <- 0x%0" + width.bytes() * 2 + "x", address, v);
    }

    /** The address, unless the access touches a claimed range: then the command fails naming its owner. */
    private int unclaimed(int address, IoWidth width) {
        for (IoClaim c : space.claims()) {
            if (c.range().overlaps(address, width.bytes())) {
                throw new CommandFailed(String.format("%04x is claimed by adapter %s (%s): only its driver may access it",
                        address, c.adapter(), c.range()));
            }
        }
        return address;
    }

    private static int address(String port, IoWidth width) {
        long a = Names.number(port);
        if (a + width.bytes() > 0x10000) {
            throw new CommandFailed("port " + port + " is outside the I/O space (0x0000-0xffff)");
        }
        return (int) a;
    }

    private static long mask(IoWidth width) {
        return width.bytes() == 4 ? 0xFFFFFFFFL : (1L << (width.bytes() * 8)) - 1;
    }
}
