package org.ndisport.itests;


import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ndisport.itests.Installation.await;
import static org.ndisport.itests.Installation.awaitEquals;
import static org.ndisport.itests.Installation.sorted;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.io.IoClaim;
import org.ndisport.api.io.IoPortRange;
import org.ndisport.api.io.IoPortSpace;
import org.ndisport.api.miniport.HaltAction;
import org.ndisport.api.miniport.MiniportAttributes;
import org.ndisport.api.miniport.MiniportDriver;
import org.ndisport.api.miniport.MiniportDriverProperties;
import org.ndisport.api.pnp.NetPnPEventNotification;
import org.ndisport.api.port.PortCharacteristics;
import org.ndisport.api.runtime.NdisRuntime;
import org.ndisport.testkit.ScriptedMiniport;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceRegistration;

/**
 * Hot swap of drivers (DESIGN.md's first two rows): a miniport driver bundle stopped, started, then
 * updated to a rebuilt jar while it runs halts and re-initializes its adapters only; a protocol
 * bundle closes only its own bindings; a driver leaving leftovers has them reported and reclaimed.
 * The verifier and EventAdmin record nothing else along the way.
 */
@RunWith(PaxExam.class)
public class DriverHotSwapIT extends HotSwapFixture {
    @Test
    public void d34_miniportDriver_ne2000_stopStartUpdate_haltsAndReinitializesItsAdaptersOnly() throws Exception {
        Bundle driver = in.bundle(NE2000_BUNDLE);

        driver.stop();
        NdisRuntime runtime = in.service(NdisRuntime.class);
        await(() -> runtime.adapter("nicA").isEmpty() && runtime.adapter("nicB").isEmpty(), "nicA and nicB halted");
        assertEvents(recorder, "unbind nicA", "unbind nicB");
        awaitEquals("phases of nicA", List.of("phase nicA P3_HALTING", "phase nicA P4_HALTED"),
                () -> in.events().matching(l -> l.startsWith("phase nicA")));
        assertEquals("no claim outlives its adapter", List.of(), in.service(IoPortSpace.class).claims());
        assertConfigurationSurvived();
        assertLoop0Untouched();

        driver.start();
        awaitRunning();
        assertEvents(recorder, "bind nicA [0]", "bind nicB [0]");
        assertEquals(CLAIMS, in.service(IoPortSpace.class).claims());
        assertEquals(Optional.of(List.of(NdisStatus.SUCCESS)), recorder.sendAndAwait("nicA", 0, 1, Installation.WAIT_MILLIS));
        awaitHaltedAndInitialized("nicA");
        assertLoop0Untouched();
        in.events().clear();

        update(driver);
        awaitRunning();
        assertEvents(recorder, "unbind nicA", "unbind nicB", "bind nicA [0]", "bind nicB [0]");
        awaitHaltedAndInitialized("nicA");
        awaitHaltedAndInitialized("nicB");
        assertEquals(CLAIMS, in.service(IoPortSpace.class).claims());
        assertLoop0Untouched();
        assertNothingRecorded();
    }

    @Test
    public void r40_miniportDriver_thirdPartyWithPorts_stopStartUpdate_deactivatesFreesAndRecreatesPorts() throws Exception {
        Bundle driver = in.bundle(LOOPBACK_BUNDLE);
        Supplier<List<String>> driverLog = in.acmeLog("loopback");
        assertEquals(List.of("initialize loop0"), driverLog.get());

        driver.stop();
        NdisRuntime runtime = in.service(NdisRuntime.class);
        await(() -> runtime.adapter("loop0").isEmpty(), "loop0 halted");
        assertEquals(List.of("initialize loop0", "halt loop0 " + HaltAction.DEVICE_DISABLED), driverLog.get());
        assertEvents(recorder, "unbind loop0");
        awaitEquals("ports 1 and 2 deactivated and freed by the driver's halt",
                List.of("port loop0 1 DEACTIVATING", "port loop0 2 DEACTIVATING", "port loop0 1 ALLOCATED",
                        "port loop0 2 ALLOCATED", "port loop0 1 NONEXISTENT", "port loop0 2 NONEXISTENT",
                        "port loop0 0 NONEXISTENT"),
                () -> in.events().matching(l -> l.startsWith("port loop0")));
        assertConfigurationSurvived();
        assertNicsUntouched();

        driver.start();
        awaitRunning();
        assertEvents(recorder, "bind loop0 [0, 1, 2]");
        assertEquals(List.of("initialize loop0"), in.acmeLog("loopback").get());

        Supplier<List<String>> startedLog = in.acmeLog("loopback");
        update(driver);
        awaitRunning();
        assertEvents(recorder, "unbind loop0", "bind loop0 [0, 1, 2]");
        assertEquals("the old revision halted loop0", List.of("initialize loop0", "halt loop0 "
                + HaltAction.DEVICE_DISABLED), startedLog.get());
        assertEquals("the new revision initialized it", List.of("initialize loop0"), in.acmeLog("loopback").get());
        assertNicsUntouched();
        assertNothingRecorded();
    }

    @Test
    public void protocolDriver_stopStartUpdate_closesOnlyItsBindings() throws Exception {
        Bundle protocol = in.bundle(PING_BUNDLE);
        awaitPingBindings(List.of(ping("loop0", 0, 1, 2), ping("nicA", 0), ping("nicB", 0)));

        protocol.stop();
        awaitPingBindings(List.of());
        assertNoEvents(recorder);
        assertEquals("adapters untouched", List.of(), in.events().lines());

        protocol.start();
        awaitPingBindings(List.of(ping("loop0", 0, 1, 2), ping("nicA", 0), ping("nicB", 0)));

        update(protocol);
        awaitPingBindings(List.of(ping("loop0", 0, 1, 2), ping("nicA", 0), ping("nicB", 0)));
        assertEquals(Bundle.ACTIVE, protocol.getState());
        assertNoEvents(recorder);
        assertEquals("adapters untouched", List.of(), in.events().lines());
        assertEquals(List.of(), in.service(NdisRuntime.class).verifier().violations());
    }

    @Test
    public void miniportDriver_leakingDriverLeaves_r40_r70_leftoversReportedAndReclaimed() throws Exception {
        ScriptedMiniport leaky = new ScriptedMiniport().onInitialize((h, p) -> {
            h.setMiniportAttributes(MiniportAttributes.registration());
            h.allocatePort(PortCharacteristics.forAllocation());
            h.allocatePort(PortCharacteristics.forAllocation());
            h.netPnPEvent(NetPnPEventNotification.portActivation(1));
            return h.registerIoPortRange(0x380, 8).status();
        });
        Dictionary<String, Object> driverProps = new Hashtable<>();
        driverProps.put(MiniportDriverProperties.DRIVER_NAME, "itest-leaky");
        driverProps.put(MiniportDriverProperties.HARDWARE_IDS, new String[] {"itest-latch"});
        ServiceRegistration<MiniportDriver> driver = context.registerService(MiniportDriver.class, leaky, driverProps);
        configureLatch();
        awaitBound(recorder, "bind latch0 [0, 1]");
        NdisRuntime runtime = in.service(NdisRuntime.class);
        IoPortSpace space = in.service(IoPortSpace.class);
        assertTrue(space.claims().contains(new IoClaim(new IoPortRange(0x380, 8), "latch0", "latch0")));

        driver.unregister();
        await(() -> runtime.adapter("latch0").isEmpty(), "latch0 halted with its driver gone");
        assertEvents(recorder, "unbind latch0");
        assertEquals("no claim outlives its adapter", CLAIMS, space.claims());
        List<String> findings = runtime.verifier().violations().stream()
                .map(v -> v.ruleId() + " " + v.adapter() + " " + v.port()).toList();
        assertEquals("leftovers reported against the driver", List.of("R40 latch0 1", "R40 latch0 2",
                "R70 latch0 -1"), sorted(findings));
        assertNicsUntouched();
        assertLoop0Untouched();
    }
}
