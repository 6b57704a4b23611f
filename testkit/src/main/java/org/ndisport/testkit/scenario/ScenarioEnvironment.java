package org.ndisport.testkit.scenario;

import java.util.List;
import org.ndisport.api.io.HardwareDevice;
import org.ndisport.api.io.IoClaim;
import org.ndisport.api.protocol.ProtocolDriver;
import org.ndisport.api.runtime.NdisRuntime;
import org.ndisport.api.runtime.VerifierMode;

/**
 * The live runtime a scenario runs against. Inside OSGi the testkit bundle provides one backed by
 * services and ConfigAdmin; a test may provide its own.
 */
public interface ScenarioEnvironment {
    /** The engine: adapters are created through it. */
    NdisRuntime runtime();

    /** The symbolic name recorded as the scripted drivers' bundle. */
    String bundleName();

    /**
     * Registers a protocol driver under {@code name} so the binding layer binds it to every running
     * adapter before this returns; closing the result unregisters it.
     */
    AutoCloseable registerProtocol(String name, ProtocolDriver driver) throws Exception;

    /**
     * Creates an emulated device of {@code type} ({@code ne2000} or {@code latch}) decoding
     * {@code ioLength} ports from {@code ioBase}, matched by no driver, and returns it once it is on the
     * bus; closing the result removes it.
     */
    Device createDevice(String name, String type, int ioBase, int ioLength) throws Exception;

    /** The claimed I/O ranges, as {@code /proc/ioports} lists them. */
    List<IoClaim> ioClaims();

    /** Sets the verifier mode and returns once the runtime uses it. */
    void verifierMode(VerifierMode mode) throws Exception;

    /** A device created for a scenario. */
    interface Device extends AutoCloseable {
        /** The device, as a driver would get it. */
        HardwareDevice device();
    }
}
