package org.ndisport.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.io.HardwareDevice;
import org.ndisport.api.io.IoPortRange;
import org.ndisport.api.io.IoPortSpace;
import org.ndisport.api.miniport.HaltAction;
import org.ndisport.api.miniport.MiniportAttributes;
import org.ndisport.api.miniport.MiniportDriver;
import org.ndisport.api.miniport.MiniportDriverProperties;
import org.ndisport.api.miniport.MiniportInitParameters;
import org.ndisport.api.miniport.NdisMiniportHandle;
import org.ndisport.api.runtime.VerifierMode;
import org.osgi.framework.ServiceReference;

/** Which driver drives which hardware id, and when an adapter is created; the lifecycle is tested in Felix. */
class HardwareAdaptersTest {
    @Test
    @DisplayName("ndisport.hardware.ids as a String, String[] or collection (or absent), compared case-insensitively")
    void drives_matchesHardwareIds() {
        assertTrue(HardwareAdapters.drives("ne2000", "NE2000"));
        assertTrue(HardwareAdapters.drives(new String[] {"x", "PCI\\VEN_10EC&DEV_8029"},
                "pci\\ven_10ec&dev_8029"));
        assertTrue(HardwareAdapters.drives(List.of("a", "b"), "b"));
        assertFalse(HardwareAdapters.drives("ne2000", "ne2000x"));
        assertFalse(HardwareAdapters.drives(null, "ne2000"));
    }

    @Test
    @DisplayName("N33 a device with I/O resources waits for the engine's I/O port space before its adapter is created")
    void n33_deviceWaitsForThePortSpace() throws Exception {
        NdisEngine engine = new NdisEngine(TestConfigs.engine(VerifierMode.REPORT, EngineConfiguration.DEFAULT_PORT_LIMIT));
        HardwareAdapters adapters = new HardwareAdapters(engine);
        try {
            adapters.bindDriver(reference(Map.of(MiniportDriverProperties.HARDWARE_IDS, "card",
                    MiniportDriverProperties.DRIVER_NAME, "plain")), new PlainDriver());
            adapters.bindDevice(reference(Map.of()), device("dev0", List.of(new IoPortRange(0x300, 0x20))));
            adapters.bindDevice(reference(Map.of()), device("virt0", List.of()));
            assertTrue(engine.adapter("dev0").isEmpty(), "dev0 waits: no I/O port space yet");
            assertTrue(engine.adapter("virt0").isPresent(), "a device without I/O resources needs no space");

            engine.bindIoPortSpace(noSpace());
            assertTrue(engine.adapter("dev0").isPresent(), "dev0's adapter created when the space arrived");
            assertEquals("dev0 [card]", engine.adapter("dev0").orElseThrow().device());
        } finally {
            adapters.deactivate();
            engine.deactivate();
        }
    }

    @Test
    @DisplayName("N41 a device with a blank or missing name, or no resource list, gets no adapter; the others still do")
    void n41_deviceWithBadName_noAdapter() {
        NdisEngine engine = new NdisEngine(TestConfigs.engine(VerifierMode.REPORT, EngineConfiguration.DEFAULT_PORT_LIMIT));
        HardwareAdapters adapters = new HardwareAdapters(engine);
        try {
            adapters.bindDriver(reference(Map.of(MiniportDriverProperties.HARDWARE_IDS, "card",
                    MiniportDriverProperties.DRIVER_NAME, "plain")), new PlainDriver());
            adapters.bindDevice(reference(Map.of()), device("", List.of()));
            adapters.bindDevice(reference(Map.of()), device(" ", List.of()));
            adapters.bindDevice(reference(Map.of()), device(null, List.of()));
            adapters.bindDevice(reference(Map.of()), device("noList", null));
            adapters.bindDevice(reference(Map.of()), device("good", List.of()));
            assertEquals(List.of("good"), engine.adapters().stream().map(v -> v.name()).toList());
        } finally {
            adapters.deactivate();
            engine.deactivate();
        }
    }

    /** Sets registration attributes and succeeds; halts without work. */
    private static final class PlainDriver implements MiniportDriver {
        @Override
        public NdisStatus initialize(NdisMiniportHandle handle, MiniportInitParameters parameters) {
            return handle.setMiniportAttributes(MiniportAttributes.registration());
        }

        @Override
        public void halt(NdisMiniportHandle handle, HaltAction action) {
        }
    }

    @SuppressWarnings("unchecked")
    private static <S> ServiceReference<S> reference(Map<String, Object> properties) {
        return (ServiceReference<S>) Proxy.newProxyInstance(ServiceReference.class.getClassLoader(),
                new Class<?>[] {ServiceReference.class}, (p, m, a) -> switch (m.getName()) {
                    case "getProperty" -> properties.get((String) a[0]);
                    case "compareTo" -> 0;
                    case "hashCode" -> System.identityHashCode(p);
                    case "equals" -> p == a[0];
                    default -> null;
                });
    }

    private static HardwareDevice device(String name, List<IoPortRange> ports) {
        return new HardwareDevice() {
            @Override
            public String hardwareId() {
                return "card";
            }

            @Override
            public String name() {
                return name;
            }

            @Override
            public List<IoPortRange> ioPorts() {
                return ports;
            }

            @Override
            public int interruptLine() {
                return -1;
            }
        };
    }

    /** An I/O port space holding no claim (the plain driver registers none). */
    private static IoPortSpace noSpace() {
        return (IoPortSpace) Proxy.newProxyInstance(IoPortSpace.class.getClassLoader(),
                new Class<?>[] {IoPortSpace.class}, (p, m, a) -> switch (m.getName()) {
                    case "claimsOf", "claims" -> List.of();
                    case "releaseAll" -> null;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }
}
