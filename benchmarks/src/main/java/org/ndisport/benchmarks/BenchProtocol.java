package org.ndisport.benchmarks;

import java.util.Hashtable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.data.NetBufferList;
import org.ndisport.api.pnp.NetPnPEventNotification;
import org.ndisport.api.protocol.BindParameters;
import org.ndisport.api.protocol.ProtocolBindingHandle;
import org.ndisport.api.protocol.ProtocolDriver;
import org.ndisport.api.protocol.ProtocolDriverProperties;
import org.osgi.framework.BundleContext;

/**
 * A protocol for benchmarks: binds to every adapter, answers port events with SUCCESS, returns every
 * received chain at once, in one call, and counts binds and lists exactly under concurrent receives
 * (the receive benchmark's sanity check relies on that).
 */
public final class BenchProtocol implements ProtocolDriver {
    private final LongAdder received = new LongAdder();
    private final AtomicInteger bound = new AtomicInteger();

    /** Registers a protocol named {@code name} in {@code context}. */
    public static BenchProtocol register(BundleContext context, String name) {
        BenchProtocol p = new BenchProtocol();
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(ProtocolDriverProperties.PROTOCOL_NAME, name);
        context.registerService(ProtocolDriver.class, p, props);
        return p;
    }

    /** Lists received so far. */
    public long received() {
        return received.sum();
    }

    /** Adapters bound now. */
    public int bound() {
        return bound.get();
    }

    @Override
    public NdisStatus bindAdapter(ProtocolBindingHandle binding, BindParameters parameters) {
        bound.incrementAndGet();
        return NdisStatus.SUCCESS;
    }

    @Override
    public void unbindAdapter(ProtocolBindingHandle binding) {
        bound.decrementAndGet();
    }

    @Override
    public NdisStatus netPnPEvent(ProtocolBindingHandle binding, NetPnPEventNotification notification) {
        return NdisStatus.SUCCESS;
    }

    @Override
    public void receiveNetBufferLists(ProtocolBindingHandle binding, NetBufferList lists, int portNumber,
            int numberOfLists, int receiveFlags) {
        received.add(numberOfLists);
        binding.returnNetBufferLists(lists, 0);
    }
}
