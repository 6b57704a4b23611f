package org.ndisport.core.adapter.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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
 * A stand-in for the ioport-hw provider: claims whatever is registered, reads a fixed value
 * per width, and logs every call, so the engine's side of the I/O calls can be observed.
 */
final class FakeIoPortSpace implements IoPortSpace {
    final List<String> calls = new CopyOnWriteArrayList<>();
    final List<IoPortRange> claimed = new CopyOnWriteArrayList<>();
    volatile IoCaller lastCaller;
    volatile int readValue = 0x5A;

    @Override
    public IoPortRangeResult register(IoCaller caller, int initialPort, int numberOfPorts) {
        lastCaller = caller;
        calls.add("register " + caller.adapterName() + " " + initialPort + " " + numberOfPorts);
        claimed.add(new IoPortRange(initialPort, numberOfPorts));
        return new IoPortRangeResult(NdisStatus.SUCCESS, initialPort);
    }

    @Override
    public void deregister(IoCaller caller, int initialPort, int numberOfPorts, long portOffset) {
        calls.add("deregister " + caller.adapterName() + " " + initialPort + " " + numberOfPorts + " " + portOffset);
        claimed.remove(new IoPortRange(initialPort, numberOfPorts));
    }

    @Override
    public int read(IoCaller caller, long port, IoWidth width) {
        calls.add("read " + width + " " + port);
        return readValue & width.allOnes();
    }

    @Override
    public void write(IoCaller caller, long port, IoWidth width, int value) {
        calls.add("write " + width + " " + port + " " + value);
    }

    @Override
    public List<IoPortRange> claimsOf(IoCaller caller) {
        return new ArrayList<>(claimed);
    }

    @Override
    public void releaseAll(IoCaller caller) {
        calls.add("releaseAll " + caller.adapterName());
        claimed.clear();
    }

    @Override
    public List<IoClaim> claims() {
        return claimed.stream().map(r -> new IoClaim(r, "A", "")).toList();
    }

    @Override
    public List<IoDecode> decodes() {
        return List.of();
    }

    @Override
    public IoAttachment attach(String name, IoDevice device) {
        throw new UnsupportedOperationException("the fake space has no bus");
    }

    @Override
    public int immediateRead(IoCaller caller, long port, IoWidth width) {
        calls.add("immediateRead " + width + " " + port);
        return readValue & width.allOnes();
    }

    @Override
    public void immediateWrite(IoCaller caller, long port, IoWidth width, int value) {
        calls.add("immediateWrite " + width + " " + port + " " + value);
    }

    @Override
    public int busRead(int port, IoWidth width) {
        return width.allOnes();
    }

    @Override
    public void busWrite(int port, IoWidth width, int value) {
    }
}
