package org.ndisport.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.data.OidRequest;
import org.ndisport.api.miniport.HaltAction;
import org.ndisport.api.miniport.MiniportDriver;
import org.ndisport.api.miniport.NdisMiniportHandle;
import org.ndisport.api.port.PortAuthorizationState;
import org.ndisport.api.port.PortCharacteristics;
import org.ndisport.api.port.PortControlState;
import org.ndisport.api.runtime.AdapterControl;
import org.ndisport.api.runtime.AdapterSpec;
import org.ndisport.api.runtime.VerifierMode;
import org.ndisport.core.adapter.internal.RecordingSink;
import org.ndisport.core.internal.NdisEngineTest.SimpleDriver;

/** Out-of-range engine and virtual-adapter configurations, as a hand-written .cfg file may hold them (N43). */
class BadConfigurationTest {
    private static final int OID = 0x00010101;

    @ParameterizedTest(name = "port.limit {0}")
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    @DisplayName("N43 a port limit below 1 is taken as 1: port 1 is handed out, then RESOURCES (D3)")
    void n43_portLimitBelowOne_clampedToOne(int limit) {
        NdisEngine engine = new NdisEngine(TestConfigs.engine(VerifierMode.REPORT, limit));
        try {
            SimpleDriver driver = new SimpleDriver(1);
            engine.createAdapter(AdapterSpec.virtual("a", driver, "b")).initialize();
            assertEquals(2, engine.adapter("a").orElseThrow().ports().size());
            assertEquals(NdisStatus.RESOURCES, driver.handle.allocatePort(PortCharacteristics.forAllocation()).status());
        } finally {
            engine.deactivate();
        }
    }

    @Test
    @DisplayName("N43 a port limit above 0xFFFFFF is taken as 0xFFFFFF; an update to a bad one is clamped too")
    void n43_portLimitAboveMaximum_clamped() {
        NdisEngine engine = new NdisEngine(TestConfigs.engine(VerifierMode.REPORT, Integer.MAX_VALUE));
        try {
            SimpleDriver driver = new SimpleDriver(0);
            engine.createAdapter(AdapterSpec.virtual("a", driver, "b")).initialize();
            assertEquals(1, driver.handle.allocatePort(PortCharacteristics.forAllocation()).portNumber());
            engine.configure(TestConfigs.engine(VerifierMode.REPORT, -7));
            assertEquals(NdisStatus.RESOURCES, driver.handle.allocatePort(PortCharacteristics.forAllocation()).status());
        } finally {
            engine.deactivate();
        }
    }

    @ParameterizedTest(name = "verifier.capacity {0}")
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    @DisplayName("N43 a verifier capacity below 1 keeps one record; a missing mode means REPORT")
    void n43_capacityBelowOne_andNoMode(int capacity) {
        NdisEngine engine = new NdisEngine(TestConfigs.engine(null, 0xFFFFFF, capacity, 0));
        try {
            assertEquals(1, engine.verifier().capacity());
            assertEquals(VerifierMode.REPORT, engine.verifier().mode());
            SimpleDriver driver = new SimpleDriver(0);
            engine.createAdapter(AdapterSpec.virtual("a", driver, "b")).initialize();
            org.ndisport.api.Irql old = driver.handle.raiseIrql(org.ndisport.api.Irql.DIRQL);
            driver.handle.freePort(1);
            driver.handle.freePort(2);
            driver.handle.lowerIrql(old);
            assertEquals(1, engine.verifier().violations().size());
            assertEquals(2, engine.verifier().total());
            engine.configure(TestConfigs.engine(null, 0xFFFFFF, capacity, 0));
            assertEquals(VerifierMode.REPORT, engine.verifier().mode(), "an update without a mode too");
        } finally {
            engine.deactivate();
        }
    }

    /** A driver that pends every OID and notes whether one was still open when its halt ran. */
    static final class PendingDriver extends SimpleDriver {
        volatile OidRequest pended;
        final AtomicBoolean oidOpenAtHalt = new AtomicBoolean();

        PendingDriver() {
            super(0);
        }

        @Override
        public NdisStatus oidRequest(NdisMiniportHandle h, OidRequest request) {
            pended = request;
            return NdisStatus.PENDING;
        }

        @Override
        public void halt(NdisMiniportHandle h, HaltAction action) {
            oidOpenAtHalt.set(pended != null);
            super.halt(h, action);
        }
    }

    /** An engine with a binding layer and one adapter whose driver holds one pended OID. */
    private static AdapterControl adapterWithPendedOid(NdisEngine engine, PendingDriver driver) throws Exception {
        CountDownLatch ready = new CountDownLatch(1);
        RecordingSink sink = new RecordingSink();
        sink.onReady = adapter -> {
            assertEquals(NdisStatus.PENDING, adapter.oidRequest(OidRequest.query(OID, 0, 6)));
            ready.countDown();
        };
        engine.bindSink(sink);
        AdapterControl a = engine.createAdapter(AdapterSpec.virtual("a", driver, "b"));
        a.initialize();
        assertTrue(ready.await(10, TimeUnit.SECONDS), "bound");
        return a;
    }

    @Test
    @DisplayName("N43 a halt drain timeout of Long.MAX_VALUE waits for the pended OID instead of wrapping into the past (N3)")
    void n43_hugeDrainTimeout_haltWaits() throws Exception {
        NdisEngine engine = new NdisEngine(TestConfigs.engine(VerifierMode.REPORT, 0xFFFFFF, 100, Long.MAX_VALUE));
        try {
            PendingDriver driver = new PendingDriver();
            AdapterControl a = adapterWithPendedOid(engine, driver);
            Thread halt = new Thread(() -> a.halt(HaltAction.DEVICE_DISABLED), "test-halt");
            halt.start();
            while (halt.isAlive() && halt.getState() != Thread.State.TIMED_WAITING) {
                Thread.onSpinWait();
            }
            OidRequest request = driver.pended;
            driver.pended = null;
            driver.handle.oidRequestComplete(request, NdisStatus.SUCCESS);
            halt.join();
            assertFalse(driver.oidOpenAtHalt.get(), "MiniportHaltEx ran while the OID was pended");
            assertEquals(List.of(), engine.verifier().violations());
        } finally {
            engine.deactivate();
        }
    }

    @Test
    @DisplayName("N43 a negative halt drain timeout waits not at all: warning N3, then the halt goes on")
    void n43_negativeDrainTimeout_noWait() throws Exception {
        NdisEngine engine = new NdisEngine(TestConfigs.engine(VerifierMode.REPORT, 0xFFFFFF, 100, -1));
        try {
            PendingDriver driver = new PendingDriver();
            adapterWithPendedOid(engine, driver).halt(HaltAction.DEVICE_DISABLED);
            assertTrue(driver.oidOpenAtHalt.get());
            assertEquals(List.of("N3"), engine.verifier().violations().stream().map(v -> v.ruleId()).toList());
        } finally {
            engine.deactivate();
        }
    }

    /** A virtual-adapter configuration as SCR builds it; null stands for a missing or unconvertible value. */
    private static VirtualAdapterConfiguration adapterConfig(String name, PortControlState control) {
        return new VirtualAdapterConfiguration() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return VirtualAdapterConfiguration.class;
            }

            @Override
            public String name() {
                return name;
            }

            @Override
            public String driver_target() {
                return "(ndisport.driver.name=*)";
            }

            @Override
            public PortControlState default_send_control_state() {
                return control;
            }

            @Override
            public PortControlState default_rcv_control_state() {
                return PortControlState.UNCONTROLLED;
            }

            @Override
            public PortAuthorizationState default_send_authorization_state() {
                return PortAuthorizationState.UNKNOWN;
            }

            @Override
            public PortAuthorizationState default_rcv_authorization_state() {
                return PortAuthorizationState.UNKNOWN;
            }
        };
    }

    @Test
    @DisplayName("N41 a virtual adapter without a name, with a blank one or a missing auth state: activation fails naming it")
    void n41_badVirtualAdapterConfigurations_activationFails() {
        NdisEngine engine = new NdisEngine(TestConfigs.engine(VerifierMode.REPORT, 0xFFFFFF));
        try {
            Map.Entry<Map<String, Object>, MiniportDriver> driver =
                    new AbstractMap.SimpleEntry<>(Map.of(), new SimpleDriver(0));
            assertEquals("name", assertThrows(NullPointerException.class,
                    () -> new VirtualAdapter(engine, driver, adapterConfig(null, PortControlState.CONTROLLED), null))
                    .getMessage());
            assertTrue(assertThrows(IllegalArgumentException.class,
                    () -> new VirtualAdapter(engine, driver, adapterConfig(" ", PortControlState.CONTROLLED), null))
                    .getMessage().contains("name"));
            assertEquals("sendControlState", assertThrows(NullPointerException.class,
                    () -> new VirtualAdapter(engine, driver, adapterConfig("v", null), null)).getMessage());
            assertEquals(List.of(), engine.adapters());
        } finally {
            engine.deactivate();
        }
    }
}
