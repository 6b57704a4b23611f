package org.ndisport.binding.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ndisport.core.testing.FelixHarness.awaitTrue;

import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.data.NetBufferList;
import org.ndisport.api.miniport.HaltAction;
import org.ndisport.api.miniport.MiniportAttributes;
import org.ndisport.api.miniport.MiniportDriver;
import org.ndisport.api.miniport.MiniportDriverProperties;
import org.ndisport.api.miniport.MiniportInitParameters;
import org.ndisport.api.miniport.NdisMiniportHandle;
import org.ndisport.api.pnp.NetPnPEventNotification;
import org.ndisport.api.port.PortCharacteristics;
import org.ndisport.api.protocol.ProtocolDriver;
import org.ndisport.api.protocol.ProtocolDriverProperties;
import org.ndisport.api.runtime.NdisRuntime;
import org.ndisport.api.runtime.PortState;
import org.ndisport.core.testing.FelixHarness;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceRegistration;

/**
 * core-impl and protocol-binding in a real Felix with SCR and ConfigAdmin: a protocol service is bound
 * to a virtual adapter with ActivePorts and hears port events; stopping the protocol-binding bundle
 * closes every binding and leaves the adapter alone; starting it again binds every protocol with the
 * current ActivePorts (the hot-swap row of DESIGN.md for {@code protocol-binding}).
 */
class BindingInFelixIT {
    private FelixHarness felix;
    private final List<String> log = new CopyOnWriteArrayList<>();
    private volatile NdisMiniportHandle handle;

    /** A miniport for virtual adapters that keeps its handle, so the test can act as the driver. */
    private final class Driver implements MiniportDriver {
        @Override
        public NdisStatus initialize(NdisMiniportHandle h, MiniportInitParameters parameters) {
            h.setMiniportAttributes(MiniportAttributes.registration());
            handle = h;
            return NdisStatus.SUCCESS;
        }

        @Override
        public void halt(NdisMiniportHandle h, HaltAction action) {
        }

        @Override
        public void sendNetBufferLists(NdisMiniportHandle h, NetBufferList lists, int port, int flags) {
            log.add("miniport send port=" + port);
            h.sendNetBufferListsComplete(lists, 0);
        }
    }

    @BeforeEach
    void start() throws Exception {
        List<String> keys = new ArrayList<>(FelixHarness.RUNTIME);
        keys.add("core");
        keys.add("binding");
        felix = new FelixHarness(keys);
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(MiniportDriverProperties.DRIVER_NAME, "it-driver");
        felix.context().registerService(MiniportDriver.class, new Driver(), props);
        felix.createAdapterConfiguration("vnic0", "it-driver", Map.of());
        NdisRuntime runtime = felix.waitFor(NdisRuntime.class);
        awaitTrue(() -> handle != null && runtime.adapter("vnic0").isPresent(), "vnic0 initialized");
    }

    @AfterEach
    void stop() throws Exception {
        felix.close();
    }

    private ServiceRegistration<ProtocolDriver> registerProtocol(String name) {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(ProtocolDriverProperties.PROTOCOL_NAME, name);
        return felix.context().registerService(ProtocolDriver.class, new RecordingProtocol(name, log), props);
    }

    private int activeNewPort() {
        int n = handle.allocatePort(PortCharacteristics.forAllocation()).portNumber();
        assertEquals(NdisStatus.SUCCESS, handle.netPnPEvent(NetPnPEventNotification.portActivation(n)));
        return n;
    }

    @Test
    @DisplayName("a protocol service is bound with ActivePorts, hears port events, and its leaving closes only its binding")
    void protocolServiceBoundAndUnbound() {
        ServiceRegistration<ProtocolDriver> p1 = registerProtocol("p1");
        awaitTrue(() -> log.contains("p1 bind vnic0 [0]"), "p1 bound");
        registerProtocol("p2");
        awaitTrue(() -> log.contains("p2 bind vnic0 [0]"), "p2 bound");
        int n = activeNewPort();
        assertTrue(log.containsAll(List.of("p1 activate vnic0 [" + n + "]", "p2 activate vnic0 [" + n + "]")), log.toString());
        p1.unregister();
        assertTrue(log.contains("p1 unbind vnic0"), log.toString());
        assertTrue(!log.contains("p2 unbind vnic0"), log.toString());
    }

    @Test
    @DisplayName("hot swap: stopping protocol-binding unbinds every protocol; starting it binds them with the current ActivePorts")
    void bindingBundleStoppedAndStarted() throws Exception {
        registerProtocol("p1");
        awaitTrue(() -> log.contains("p1 bind vnic0 [0]"), "p1 bound");
        int first = activeNewPort();
        Bundle binding = felix.bundle("binding");
        binding.stop();
        assertTrue(log.contains("p1 unbind vnic0"), "unbound when the bundle stopped: " + log);
        int second = activeNewPort();
        NdisRuntime runtime = felix.waitFor(NdisRuntime.class);
        assertEquals(PortState.ACTIVATED, runtime.adapter("vnic0").orElseThrow().port(first).state(), "adapter untouched");
        binding.start();
        String rebind = "p1 bind vnic0 [0, " + first + ", " + second + "]";
        awaitTrue(() -> log.contains(rebind), rebind + " in " + log);
        assertTrue(runtime.verifier().violations().isEmpty(), runtime.verifier().violations().toString());
    }
}
