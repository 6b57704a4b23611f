package org.ndisport.binding.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ndisport.core.testing.FelixHarness.awaitTrue;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ndisport.api.capture.FrameTap;
import org.ndisport.api.data.NetBufferList;
import org.ndisport.api.miniport.MiniportDriver;
import org.ndisport.api.miniport.MiniportDriverProperties;
import org.ndisport.api.protocol.ProtocolDriver;
import org.ndisport.api.protocol.ProtocolDriverProperties;
import org.ndisport.api.runtime.NdisRuntime;
import org.ndisport.core.adapter.internal.ScriptedMiniport;
import org.ndisport.core.testing.FelixHarness;
import org.osgi.framework.ServiceReference;

/**
 * The capture bundle in a real Felix with SCR, core-impl and protocol-binding: {@code ndis:capture}
 * publishes its FrameTap only while a capture runs, the binding layer's dynamic reference picks it up,
 * and tshark reads the file back (N61, N62).
 */
class CaptureInFelixIT {
    @TempDir
    Path dir;
    private FelixHarness felix;
    private final List<String> log = new CopyOnWriteArrayList<>();
    /** The virtual adapters' driver; the test acts through its handle. */
    private final ScriptedMiniport driver = new ScriptedMiniport();

    @BeforeEach
    void start() throws Exception {
        List<String> keys = new ArrayList<>(FelixHarness.RUNTIME);
        keys.addAll(List.of("gogo", "core", "binding", "capture"));
        felix = new FelixHarness(keys);
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(MiniportDriverProperties.DRIVER_NAME, "it-driver");
        felix.context().registerService(MiniportDriver.class, driver, props);
        felix.createAdapterConfiguration("vnic0", "it-driver", Map.of());
        NdisRuntime runtime = felix.waitFor(NdisRuntime.class);
        awaitTrue(() -> driver.handle != null && runtime.adapter("vnic0").isPresent(), "vnic0 initialized");
        Dictionary<String, Object> p = new Hashtable<>();
        p.put(ProtocolDriverProperties.PROTOCOL_NAME, "p1");
        felix.context().registerService(ProtocolDriver.class, new RecordingProtocol("p1", log), p);
        awaitTrue(() -> log.contains("p1 bind vnic0 [0]"), "p1 bound");
    }

    @AfterEach
    void stop() throws Exception {
        felix.close();
    }

    /** Runs {@code ndis:capture ARGS} on the command service (its class lives in the bundle: reflection). */
    private String capture(String... args) throws Exception {
        String filter = "(&(osgi.command.scope=ndis)(osgi.command.function=capture))";
        awaitTrue(() -> commands(filter) != null, "the ndis:capture command service");
        ServiceReference<?>[] refs = commands(filter);
        assertEquals(1, refs.length, "ndis:capture command services");
        Object command = felix.context().getService(refs[0]);
        try {
            return (String) command.getClass().getMethod("capture", String[].class).invoke(command, (Object) args);
        } catch (InvocationTargetException e) {
            throw (Exception) e.getCause();
        }
    }

    /** All bundles' services: the command's class is not visible to the system bundle. */
    private ServiceReference<?>[] commands(String filter) {
        try {
            return felix.context().getAllServiceReferences(null, filter);
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    @DisplayName("N61 N62 ndis:capture in Felix: the tap is a service only while capturing; tshark reads what was sent and received")
    void n62_captureInFelix() throws Exception {
        assertNull(felix.context().getServiceReferences(FrameTap.class.getName(), null), "no tap before a capture");
        Path file = dir.resolve("felix.pcapng");
        String started = capture("start", file.toString(), "vnic0:0");
        assertTrue(started.startsWith("capturing to " + file), started);
        assertEquals(1, felix.context().getServiceReferences(FrameTap.class.getName(), null).length);
        driver.handle.indicateReceiveNetBufferLists(NetBufferList.copyOf(new byte[60]), 0, 1, 0);
        driver.handle.indicateReceiveNetBufferLists(NetBufferList.copyOf(new byte[61]), 0, 1, 0);
        String stopped = capture("stop");
        assertTrue(stopped.contains("2 frames written, 0 dropped"), stopped);
        assertNull(felix.context().getServiceReferences(FrameTap.class.getName(), null), "no tap after the capture");
        Map<String, Integer> counts = new TreeMap<>();
        for (List<String> row : Tshark.fields(file, "frame.interface_name", "frame.packet_flags_direction")) {
            counts.merge(row.get(0) + " " + Integer.decode(row.get(1)), 1, Integer::sum);
        }
        assertEquals(Map.of("vnic0/port0 1", 2), counts);
        Exception unknown = null;
        try {
            capture("start", file.toString(), "nosuch");
        } catch (RuntimeException e) {
            unknown = e;
        }
        assertEquals("unknown adapter 'nosuch'", unknown == null ? null : unknown.getMessage());
    }
}
