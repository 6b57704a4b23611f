package org.ndisport.benchmarks;

import org.ndisport.api.data.NetBufferList;
import org.ndisport.api.protocol.ProtocolBindingHandle;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventHandler;

/**
 * The EventAdmin baseline of {@link ReceiveBenchmark}: a receive indication as an OSGi event, handed to
 * the same kind of protocol object as the other two paths, so only the dispatch differs. The event
 * carries the chain, the binding to return it through, the port, the count and the flags.
 */
public final class ReceiveEventHandler implements EventHandler {
    public static final String TOPIC = "org/ndisport/bench/RECEIVE";
    public static final String LISTS = "lists";
    public static final String BINDING = "binding";
    public static final String PORT = "port";
    public static final String COUNT = "count";
    public static final String FLAGS = "flags";

    private final BenchProtocol protocol;

    public ReceiveEventHandler(BenchProtocol protocol) {
        this.protocol = protocol;
    }

    @Override
    public void handleEvent(Event event) {
        protocol.receiveNetBufferLists((ProtocolBindingHandle) event.getProperty(BINDING),
                (NetBufferList) event.getProperty(LISTS), (Integer) event.getProperty(PORT),
                (Integer) event.getProperty(COUNT), (Integer) event.getProperty(FLAGS));
    }
}
