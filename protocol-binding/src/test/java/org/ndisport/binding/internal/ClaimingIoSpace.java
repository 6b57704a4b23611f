package org.ndisport.binding.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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

/**
 * A stand-in for the ioport-hw provider that keeps a real claim table per caller (overlaps conflict,
 * deregistration must match exactly), so claims left behind by a faulty driver can be seen. Nothing
 * decodes: reads give all ones.
 */
final class ClaimingIoSpace implements IoPortSpace {
    private final Map<IoCaller, List<IoPortRange>> claims = new ConcurrentHashMap<>();

    @Override
    public synchronized IoPortRangeResult register(IoCaller caller, int initialPort, int numberOfPorts) {
        for (List<IoPortRange> taken : claims.values()) {
            for (IoPortRange r : taken) {
                if (r.overlaps(initialPort, numberOfPorts)) {
                    return IoPortRangeResult.failed(NdisStatus.RESOURCE_CONFLICT);
                }
            }
        }
        claims.computeIfAbsent(caller, c -> new ArrayList<>()).add(new IoPortRange(initialPort, numberOfPorts));
        return new IoPortRangeResult(NdisStatus.SUCCESS, initialPort);
    }

    @Override
    public synchronized void deregister(IoCaller caller, int initialPort, int numberOfPorts, long portOffset) {
        List<IoPortRange> mine = claims.getOrDefault(caller, new ArrayList<>());
        if (portOffset != initialPort || !mine.remove(new IoPortRange(initialPort, numberOfPorts))) {
            caller.violation("R67", "no matching registration");
        }
    }

    @Override
    public synchronized List<IoPortRange> claimsOf(IoCaller caller) {
        return List.copyOf(claims.getOrDefault(caller, List.of()));
    }

    @Override
    public synchronized void releaseAll(IoCaller caller) {
        claims.remove(caller);
    }

    @Override
    public synchronized List<IoClaim> claims() {
        List<IoClaim> all = new ArrayList<>();
        claims.forEach((caller, ranges) -> ranges.forEach(r -> all.add(new IoClaim(r, caller.adapterName(), ""))));
        return all;
    }

    /** The adapters holding a claim, one entry per claimed range. */
    List<String> claimants() {
        return claims().stream().map(IoClaim::adapter).sorted().toList();
    }

    @Override
    public List<IoDecode> decodes() {
        return List.of();
    }

    @Override
    public IoAttachment attach(String name, IoDevice device) {
        throw new UnsupportedOperationException("nothing decodes on this bus");
    }

    @Override
    public int read(IoCaller caller, long port, IoWidth width) {
        return width.allOnes();
    }

    @Override
    public void write(IoCaller caller, long port, IoWidth width, int value) {
    }

    @Override
    public int immediateRead(IoCaller caller, long port, IoWidth width) {
        return width.allOnes();
    }

    @Override
    public void immediateWrite(IoCaller caller, long port, IoWidth width, int value) {
    }

    @Override
    public int busRead(int port, IoWidth width) {
        return width.allOnes();
    }

    @Override
    public void busWrite(int port, IoWidth width, int value) {
    }
}
