package com.acme.echo;

import java.util.Hashtable;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.ndisport.api.protocol.ProtocolDriver;
import org.ndisport.api.protocol.ProtocolDriverProperties;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** Registers the echo protocol as a {@code ProtocolDriver} service, without Declarative Services. */
public final class EchoActivator implements BundleActivator {
    @Override
    public void start(BundleContext context) {
        EchoProtocol protocol = new EchoProtocol();
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(ProtocolDriverProperties.PROTOCOL_NAME, "acme-echo");
        props.put("acme.log", "echo");
        context.registerService(new String[] {ProtocolDriver.class.getName(), Supplier.class.getName(),
                Consumer.class.getName()}, protocol, props);
    }

    @Override
    public void stop(BundleContext context) {
        // the framework unregisters the service; the runtime closes the bindings
    }
}
