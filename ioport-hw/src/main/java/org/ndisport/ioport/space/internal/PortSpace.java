package org.ndisport.ioport.space.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.io.IoAttachment;
import org.ndisport.api.io.IoCaller;
import org.ndisport.api.io.IoClaim;
import org.ndisport.api.io.IoDecode;
import org.ndisport.api.io.IoDevice;
import org.ndisport.api.io.IoPortRange;
import org.ndisport.api.io.IoPortRangeResult;
import org.ndisport.api.io.IoPortSpace;
import org.ndisport.api.io.IoWidth;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The emulated x86 I/O port space (spec §5): devices on the {@link Bus}, claims in the
 * {@link ClaimTable}, every raw access resolved by the {@link AccessResolver}. Registration and
 * deregistration are serialized on the claim table; accesses take no lock.
 */
@Component(service = IoPortSpace.class, immediate = true)
public final class PortSpace implements IoPortSpace {
    private static final Logger LOG = LoggerFactory.getLogger(PortSpace.class);

    private final Bus bus = new Bus();
    private final ClaimTable claims = new ClaimTable();
    private final AccessResolver resolver = new AccessResolver(claims);

    @Override
    public IoAttachment attach(String name, IoDevice device) {
        return bus.attach(name, device);
    }

    @Override
    public IoPortRangeResult register(IoCaller caller, int initialPort, int numberOfPorts) {
        Objects.requireNonNull(caller, "caller");
        long count = Integer.toUnsignedLong(numberOfPorts);
        if (count == 0 || initialPort < 0 || initialPort + count > IoPortRange.IO_SPACE_SIZE
                || !insideAssigned(caller.assignedResources(), initialPort, count)) {
            LOG.debug("adapter {}: invalid range {} + {} (D25)", caller.adapterName(), initialPort, count);
            return IoPortRangeResult.failed(NdisStatus.FAILURE);
        }
        IoPortRange range = new IoPortRange(initialPort, numberOfPorts);
        synchronized (claims) {
            Claim conflict = claims.firstOverlap(initialPort, count);
            if (conflict != null) {
                LOG.warn("adapter {}: I/O port range {} conflicts with {} claimed by {} (D24)", caller.adapterName(),
                        range, conflict.range(), conflict.adapter());
                return IoPortRangeResult.failed(NdisStatus.RESOURCE_CONFLICT);
            }
            claims.add(new Claim(range, caller, caller.adapterName()));
        }
        LOG.info("adapter {} claimed I/O ports {}", caller.adapterName(), range);
        return new IoPortRangeResult(NdisStatus.SUCCESS, initialPort);
    }

    @Override
    public void deregister(IoCaller caller, int initialPort, int numberOfPorts, long portOffset) {
        Objects.requireNonNull(caller, "caller");
        long count = Integer.toUnsignedLong(numberOfPorts);
        synchronized (claims) {
            // N60: an empty deregistration still names its InitialPort
            List<Claim> mine = claims.overlapsOf(caller, initialPort, Math.max(count, 1));
            if (mine.isEmpty()) {
                caller.violation("R68", String.format("NdisMDeregisterIoPortRange(%04x, %d): no such registered range",
                        initialPort, count));
                return;
            }
            Claim c = mine.get(0);
            if (mine.size() > 1 || c.range().base() != initialPort || c.range().count() != count
                    || portOffset != initialPort) {
                caller.violation("R67", String.format("NdisMDeregisterIoPortRange(%04x, %d, offset %x) does not match "
                        + "the registered range %s (offset %x)", initialPort, count, portOffset, c.range(),
                        c.range().base()));
                return;
            }
            claims.remove(c, true);
        }
        LOG.info("adapter {} released I/O ports {}", caller.adapterName(), new IoPortRange(initialPort, numberOfPorts));
    }

    @Override
    public int read(IoCaller caller, long port, IoWidth width) {
        checkAccess(caller, width);
        int mask = resolver.resolveRaw(caller, port, width, "read");
        return mask == AccessResolver.NONE ? width.allOnes() : bus.read(port, width, mask);
    }

    @Override
    public void write(IoCaller caller, long port, IoWidth width, int value) {
        checkAccess(caller, width);
        int mask = resolver.resolveRaw(caller, port, width, "write");
        if (mask != AccessResolver.NONE) {
            bus.write(port, width, value, mask);
        }
    }

    @Override
    public int immediateRead(IoCaller caller, long port, IoWidth width) {
        checkAccess(caller, width);
        int mask = resolver.resolveImmediate(caller, port, width, "immediate read");
        return mask == AccessResolver.NONE ? width.allOnes() : bus.read(port, width, mask);
    }

    @Override
    public void immediateWrite(IoCaller caller, long port, IoWidth width, int value) {
        checkAccess(caller, width);
        if (resolver.resolveImmediate(caller, port, width, "immediate write") != AccessResolver.NONE) {
            bus.write(port, width, value);
        }
    }

    @Override
    public int busRead(int port, IoWidth width) {
        Objects.requireNonNull(width, "width");
        return resolver.resolveBus(port, width) == AccessResolver.NONE ? width.allOnes() : bus.read(port, width);
    }

    @Override
    public void busWrite(int port, IoWidth width, int value) {
        Objects.requireNonNull(width, "width");
        if (resolver.resolveBus(port, width) != AccessResolver.NONE) {
            bus.write(port, width, value);
        }
    }

    @Override
    public List<IoPortRange> claimsOf(IoCaller caller) {
        Objects.requireNonNull(caller, "caller");
        List<IoPortRange> out = new ArrayList<>();
        for (Claim c : claims.of(caller)) {
            out.add(c.range());
        }
        return out;
    }

    @Override
    public void releaseAll(IoCaller caller) {
        Objects.requireNonNull(caller, "caller");
        for (Claim c : claims.releaseAll(caller)) {
            LOG.info("adapter {}: I/O ports {} released by the runtime", c.adapter(), c.range());
        }
    }

    @Override
    public List<IoClaim> claims() {
        List<IoClaim> out = new ArrayList<>();
        for (Claim c : claims.all()) {
            Bus.Decoder d = bus.at(c.range().base());
            out.add(new IoClaim(c.range(), c.adapter(), d == null ? "" : d.name()));
        }
        return out;
    }

    @Override
    public List<IoDecode> decodes() {
        return bus.decodes();
    }

    /** Misuse of the Java API throws naming the argument, before any record or device access. */
    private static void checkAccess(IoCaller caller, IoWidth width) {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(width, "width");
    }

    /** D25: with assigned resources, every address of the range lies in one of them. */
    private static boolean insideAssigned(List<IoPortRange> assigned, long from, long count) {
        if (assigned.isEmpty()) {
            return true;
        }
        for (long p = from; p < from + count; p++) {
            boolean covered = false;
            for (IoPortRange r : assigned) {
                covered |= r.contains(p);
            }
            if (!covered) {
                return false;
            }
        }
        return true;
    }
}
