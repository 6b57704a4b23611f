package org.ndisport.testkit.scenario;

import java.util.List;
import org.ndisport.api.io.HardwareDevice;
import org.ndisport.api.io.IoClaim;
import org.ndisport.api.io.IoPortRange;
import org.ndisport.api.protocol.ProtocolDriver;
import org.ndisport.api.runtime.VerifierMode;
import org.ndisport.core.internal.EngineConfiguration;
import org.ndisport.core.internal.NdisEngine;
import org.ndisport.core.internal.TestConfigs;
import org.ndisport.core.verifier.internal.VerifierCore;

/**
 * The real engine, built with new, as a scenario environment without a binding layer or an I/O port
 * space: protocols register but never bind, devices exist but nothing decodes (N9).
 */
final class EngineEnvironment implements ScenarioEnvironment {
    final NdisEngine engine = new NdisEngine(TestConfigs.engine(VerifierMode.REPORT, EngineConfiguration.DEFAULT_PORT_LIMIT));

    @Override
    public NdisEngine runtime() {
        return engine;
    }

    @Override
    public String bundleName() {
        return "scenario.test";
    }

    @Override
    public AutoCloseable registerProtocol(String name, ProtocolDriver driver) {
        return () -> { };
    }

    @Override
    public Device createDevice(String name, String type, int ioBase, int ioLength) {
        HardwareDevice device = new HardwareDevice() {
            @Override
            public String hardwareId() {
                return "scenario-" + type;
            }

            @Override
            public String name() {
                return name;
            }

            @Override
            public List<IoPortRange> ioPorts() {
                return List.of(new IoPortRange(ioBase, ioLength));
            }

            @Override
            public int interruptLine() {
                return -1;
            }
        };
        return new Device() {
            @Override
            public HardwareDevice device() {
                return device;
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public List<IoClaim> ioClaims() {
        return List.of();
    }

    @Override
    public void verifierMode(VerifierMode mode) {
        ((VerifierCore) engine.verifier()).configure(mode, EngineConfiguration.DEFAULT_CAPACITY);
    }
}
