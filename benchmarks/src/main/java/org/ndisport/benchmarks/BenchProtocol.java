package org.ndisport.benchmarks;

import java.util.Hashtable;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.data.NetBufferList;
import org.ndisport.api.pnp.NetPnPEventNotification;
import org.ndisport.api.protocol.BindParameters;
import org.ndisport.api.protocol.ProtocolBindingHandle;
import org.ndisport.api.protocol.ProtocolDriver;
import org.ndisport.api.protocol.ProtocolDriverProperties;
import org.osgi.framework.BundleContext;

/**
 * A protocol for benchmarks: binds to every adapter, answers port events with SUCCESS, counts the lists
 * it receives and returns them at once.
 */
public final class BenchProtocol implements ProtocolDriver {
    private volatile long received;
    private volatile int bound;

    /** Registers a protocol named {@code name} in {@code context}. */
    public static BenchProtocol register(BundleContext context, String name) {
        BenchProtocol p = new BenchProtocol();
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(ProtocolDriverProperties.PROTOCOL_NAME, name);
        context.registerService(ProtocolDriver.class, p, props);
        return p;
    }

    /** Lists received so far (a plain counter: exact on one thread). */
    public long received() {
        return received;
    }

    /** Adapters bound so far. */
    public int bound() {
        return bound;
    }

    @Override
    public NdisStatus bindAdapter(ProtocolBindingHandle binding, BindParameters parameters) {
        bound++;
        return NdisStatus.SUCCESS;
    }

    @Override
    public void unbindAdapter(ProtocolBindingHandle binding) {
        bound--;
    }

    @Override
    public NdisStatus netPnPEvent(ProtocolBindingHandle binding, NetPnPEventNotification notification) {
        return NdisStatus.SUCCESS;
    }

    @Override
    public void receiveNetBufferLists(ProtocolBindingHandle binding, NetBufferList lists, int portNumber,
            int numberOfLists, int receiveFlags) {
        received += numberOfLists;
        binding.returnNetBufferLists(lists, 0);
    }
}
