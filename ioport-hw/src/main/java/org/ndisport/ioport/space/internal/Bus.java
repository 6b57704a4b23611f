package org.ndisport.ioport.space.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.ndisport.api.io.IoDecode;
import org.ndisport.api.io.IoDevice;
import org.ndisport.api.io.IoPortRange;
import org.ndisport.api.io.IoWidth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The I/O bus: which attached device decodes each of the 0x10000 addresses. Lookups are one array read,
 * lock- and allocation-free; attaching and detaching are rare and synchronized. An access whose bytes
 * are not all decoded by one device is split into byte accesses, as a real bus would; bytes nothing
 * decodes read 0xFF and writes to them are dropped.
 */
final class Bus {
    private static final Logger LOG = LoggerFactory.getLogger(Bus.class);
    /** Byte mask: every byte of an access (bit i = the byte at port + i). */
    static final int ALL_BYTES = 0xF;

    private final AtomicReferenceArray<Decoder> decoders = new AtomicReferenceArray<>(IoPortRange.IO_SPACE_SIZE);
    private final List<Decoder> attached = new ArrayList<>();

    /** An attached device; closing it takes it off the bus. */
    final class Decoder implements org.ndisport.api.io.IoAttachment {
        private final String name;
        private final IoDevice device;
        private final List<IoPortRange> ranges;

        private Decoder(String name, IoDevice device, List<IoPortRange> ranges) {
            this.name = name;
            this.device = device;
            this.ranges = ranges;
        }

        @Override
        public String name() {
            return name;
        }

        IoDevice device() {
            return device;
        }

        @Override
        public void close() {
            detach(this);
        }
    }

    synchronized Decoder attach(String name, IoDevice device) {
        Objects.requireNonNull(name, "name");
        List<IoPortRange> ranges = rangesOf(name, Objects.requireNonNull(device, "device"));
        for (IoPortRange r : ranges) {
            for (int p = r.base(); p < r.base() + r.count(); p++) {
                Decoder other = decoders.get(p);
                if (other != null) {
                    throw new IllegalArgumentException(String.format(
                            "device %s cannot decode %s: address %04x is decoded by %s", name, r, p, other.name));
                }
            }
        }
        Decoder d = new Decoder(name, device, ranges);
        for (IoPortRange r : ranges) {
            for (int p = r.base(); p < r.base() + r.count(); p++) {
                decoders.set(p, d);
            }
        }
        attached.add(d);
        LOG.info("device {} attached at {}", name, ranges);
        return d;
    }

    /** The device's ranges, copied; IllegalArgumentException naming the device when they are null or hold null. */
    private static List<IoPortRange> rangesOf(String name, IoDevice device) {
        List<IoPortRange> ranges = device.decodedRanges();
        if (ranges == null || ranges.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("device " + name + " decodes no valid ranges: " + ranges);
        }
        return List.copyOf(ranges);
    }

    /**
     * The address of byte {@code i} of an access at {@code port}, or -1 (nothing) when the access starts
     * outside the I/O space: a byte never wraps round to port 0 (N47).
     */
    static long byteAddress(long port, int i) {
        return port < 0 || port >= IoPortRange.IO_SPACE_SIZE ? -1 : port + i;
    }

    private synchronized void detach(Decoder d) {
        if (!attached.remove(d)) {
            return;
        }
        for (IoPortRange r : d.ranges) {
            for (int p = r.base(); p < r.base() + r.count(); p++) {
                decoders.compareAndSet(p, d, null);
            }
        }
        LOG.info("device {} detached", d.name);
    }

    /** The device decoding {@code port}, or null (also for addresses outside the I/O space). */
    Decoder at(long port) {
        return port >= 0 && port < IoPortRange.IO_SPACE_SIZE ? decoders.get((int) port) : null;
    }

    /** A read of every byte of the access. */
    int read(long port, IoWidth width) {
        return read(port, width, ALL_BYTES);
    }

    /** A write of every byte of the access. */
    void write(long port, IoWidth width, int value) {
        write(port, width, value, ALL_BYTES);
    }

    /**
     * Reads the bytes of the access whose bit is set in {@code byteMask} (bit i = byte at port + i);
     * the others read 0xFF.
     */
    int read(long port, IoWidth width, int byteMask) {
        Decoder d = at(port);
        int all = (1 << width.bytes()) - 1;
        if (d != null && (byteMask & all) == all && sameDecoder(d, port, width)) {
            return guardedRead(d, (int) port, width);
        }
        int value = 0;
        for (int i = 0; i < width.bytes(); i++) {
            Decoder b = at(byteAddress(port, i));
            int v = b != null && (byteMask & (1 << i)) != 0 ? guardedRead(b, (int) port + i, IoWidth.BYTE) & 0xFF : 0xFF;
            value |= v << (8 * i);
        }
        return value;
    }

    /** Writes the bytes of the access whose bit is set in {@code byteMask}; the others are dropped. */
    void write(long port, IoWidth width, int value, int byteMask) {
        Decoder d = at(port);
        int all = (1 << width.bytes()) - 1;
        if (d != null && (byteMask & all) == all && sameDecoder(d, port, width)) {
            guardedWrite(d, (int) port, width, value);
            return;
        }
        for (int i = 0; i < width.bytes(); i++) {
            Decoder b = at(byteAddress(port, i));
            if (b != null && (byteMask & (1 << i)) != 0) {
                guardedWrite(b, (int) port + i, IoWidth.BYTE, (value >>> (8 * i)) & 0xFF);
            }
        }
    }

    synchronized List<IoDecode> decodes() {
        List<IoDecode> out = new ArrayList<>();
        for (Decoder d : attached) {
            for (IoPortRange r : d.ranges) {
                out.add(new IoDecode(r, d.name));
            }
        }
        out.sort(Comparator.comparingInt(c -> c.range().base()));
        return out;
    }

    private boolean sameDecoder(Decoder d, long port, IoWidth width) {
        for (int i = 1; i < width.bytes(); i++) {
            if (at(byteAddress(port, i)) != d) {
                return false;
            }
        }
        return true;
    }

    /** A device that throws reads as absent: the bus never passes a device's failure to the driver. */
    private static int guardedRead(Decoder d, int port, IoWidth width) {
        try {
            return d.device.read(port, width) & width.allOnes();
        } catch (Exception | Error e) {
            rethrowFatal(e);
            LOG.warn("device {} threw reading {} at {}", d.name, width, Integer.toHexString(port), e);
            return width.allOnes();
        }
    }

    private static void guardedWrite(Decoder d, int port, IoWidth width, int value) {
        try {
            d.device.write(port, width, value & width.allOnes());
        } catch (Exception | Error e) {
            rethrowFatal(e);
            LOG.warn("device {} threw writing {} at {}", d.name, width, Integer.toHexString(port), e);
        }
    }

    /**
     * A device's failure, an Error included (a bundle refreshed under it throws NoClassDefFoundError),
     * never reaches the driver; only a VirtualMachineError goes on: the JVM itself is in trouble.
     */
    private static void rethrowFatal(Throwable e) {
        if (e instanceof VirtualMachineError fatal) {
            throw fatal;
        }
    }
}
