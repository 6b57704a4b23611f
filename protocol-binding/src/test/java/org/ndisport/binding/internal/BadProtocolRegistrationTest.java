package org.ndisport.binding.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ndisport.api.protocol.ProtocolDriver;
import org.ndisport.api.protocol.ProtocolDriverProperties;
import org.ndisport.api.runtime.BindingView;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

/**
 * Protocol services registered with malformed service properties (N48): {@code ndisport.protocol.name}
 * of the wrong type, empty or blank, names shared by several services, no bundle. Every protocol is
 * still bound, each with its own binding, and named sensibly.
 */
class BadProtocolRegistrationTest {
    private final BindingFixture fx = new BindingFixture();
    private long serviceId = 100;

    /** A service reference with {@code name} as its protocol name (absent when null) and a bundle of that symbolic name. */
    @SuppressWarnings("unchecked")
    private ServiceReference<ProtocolDriver> reference(Object name, String bundleName) {
        long id = serviceId++;
        Bundle bundle = bundleName == null ? null : (Bundle) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Bundle.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getSymbolicName" -> bundleName;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
        Map<String, Object> properties = new java.util.HashMap<>();
        properties.put(Constants.SERVICE_ID, id);
        if (name != null) {
            properties.put(ProtocolDriverProperties.PROTOCOL_NAME, name);
        }
        return (ServiceReference<ProtocolDriver>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ServiceReference.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getProperty" -> properties.get((String) args[0]);
                    case "getBundle" -> bundle;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
    }

    private List<String> protocolNames() {
        return fx.layer.bindings().stream().map(BindingView::protocol).toList();
    }

    @Test
    @DisplayName("N48 a protocol name that is not a non-blank String is ignored: the protocol is named after its bundle")
    void n48_malformedName_bundleName() {
        fx.adapter("A");
        Object[] names = {42, new String[] {"x", "y"}, "", "   ", null};
        for (int i = 0; i < names.length; i++) {
            fx.layer.bindProtocol(reference(names[i], "org.acme.p" + i), new RecordingProtocol("p" + i, fx.log));
        }
        assertEquals(List.of("org.acme.p0", "org.acme.p1", "org.acme.p2", "org.acme.p3", "org.acme.p4"), protocolNames());
        assertEquals(List.of(), fx.ruleIds());
    }

    @Test
    @DisplayName("N48 a name with blanks around it is trimmed; a service with no bundle is named and recorded as unknown")
    void n48_trimmedNameAndNoBundle() {
        fx.adapter("A");
        fx.layer.bindProtocol(reference("  ping ", "org.acme.ping"), new RecordingProtocol("ping", fx.log));
        fx.layer.bindProtocol(reference(null, null), new RecordingProtocol("orphan", fx.log));
        assertEquals(List.of("ping", "unknown"), protocolNames());
        assertEquals("unknown", fx.layer.bindings().get(1).protocolBundle());
    }

    @Test
    @DisplayName("N48 two services with the same name, even the same object, get a binding each; each unregisters alone")
    void n48_duplicateNames_eachBound() {
        fx.adapter("A");
        RecordingProtocol shared = new RecordingProtocol("dup", fx.log);
        ServiceReference<ProtocolDriver> first = reference("dup", "org.acme.one");
        ServiceReference<ProtocolDriver> second = reference("dup", "org.acme.two");
        fx.layer.bindProtocol(first, shared);
        fx.layer.bindProtocol(second, shared);
        assertEquals(List.of("dup", "dup"), protocolNames());
        assertEquals(List.of("org.acme.one", "org.acme.two"),
                fx.layer.bindings().stream().map(BindingView::protocolBundle).toList());
        fx.layer.unbindProtocol(first);
        assertEquals(List.of("org.acme.two"), fx.layer.bindings().stream().map(BindingView::protocolBundle).toList());
    }

    @Test
    @DisplayName("unregistering a service never registered, or twice, changes nothing")
    void unknownUnregister_nothing() {
        fx.adapter("A");
        ServiceReference<ProtocolDriver> ref = reference("p", "org.acme.p");
        fx.layer.bindProtocol(ref, new RecordingProtocol("p", fx.log));
        fx.layer.unbindProtocol(reference("stranger", "org.acme.s"));
        assertEquals(List.of("p"), protocolNames());
        fx.layer.unbindProtocol(ref);
        fx.layer.unbindProtocol(ref);
        assertEquals(List.of(), protocolNames());
        assertEquals(List.of(), fx.ruleIds());
    }
}
