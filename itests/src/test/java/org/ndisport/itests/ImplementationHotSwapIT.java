package org.ndisport.itests;


import static org.junit.Assert.assertEquals;
import static org.ndisport.itests.Installation.await;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
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
import org.ndisport.api.runtime.AdapterControl;
import org.ndisport.api.runtime.AdapterPhase;
import org.ndisport.api.runtime.AdapterSpec;
import org.ndisport.api.runtime.AdapterView;
import org.ndisport.api.runtime.Bindings;
import org.ndisport.api.runtime.NdisRuntime;
import org.ndisport.testkit.ScriptedMiniport;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.framework.Bundle;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Hot swap of ndisport's implementation bundles (DESIGN.md's last three rows): protocol-binding,
 * core-impl and ioport-hw each stopped, started, then updated to a rebuilt jar while it runs. The
 * verifier and EventAdmin record nothing along the way.
 */
@RunWith(PaxExam.class)
public class ImplementationHotSwapIT extends HotSwapFixture {
    @Test
    public void d17_bindingLayer_stopStartUpdate_closesEveryBindingAndRebindsWithCurrentActivePorts() throws Exception {
        Bundle layer = in.bundle("org.ndisport.binding");
        NdisRuntime runtime = in.service(NdisRuntime.class);
        ScriptedMiniport scripted = new ScriptedMiniport().onInitialize((h, p) -> {
            h.setMiniportAttributes(MiniportAttributes.registration());
            h.allocatePort(PortCharacteristics.forAllocation());
            h.allocatePort(PortCharacteristics.forAllocation());
            return h.netPnPEvent(NetPnPEventNotification.portActivation(1, 2));
        });
        AdapterControl virt0 = runtime.createAdapter(AdapterSpec.virtual("virt0", scripted, in.ownBundle()));
        scripted.onHalt(org.ndisport.testkit.WellBehavedHalt.of(virt0, List::of));
        assertEquals(NdisStatus.SUCCESS, virt0.initialize());
        awaitBound(recorder, "bind virt0 [0, 1, 2]");
        settle("phase virt0 P2_OPERATIONAL");

        layer.stop();
        assertEvents(recorder, "unbind loop0", "unbind nicA", "unbind nicB", "unbind virt0");
        in.awaitNoService(Bindings.class);
        assertEquals("port 2 deactivated while no binding layer runs", NdisStatus.SUCCESS,
                scripted.handle().netPnPEvent(NetPnPEventNotification.portDeactivation(2)));
        for (AdapterView a : runtime.adapters()) {
            assertEquals(a.name(), AdapterPhase.P2_OPERATIONAL, a.phase());
        }
        assertEquals("claims stay with their running adapters", CLAIMS, in.service(IoPortSpace.class).claims());

        layer.start();
        assertEvents(recorder, "bind loop0 [0, 1, 2]", "bind nicA [0]", "bind nicB [0]", "bind virt0 [0, 1]");
        awaitPingBindings(List.of(ping("loop0", 0, 1, 2), ping("nicA", 0), ping("nicB", 0), ping("virt0", 0, 1)));

        update(layer);
        assertEvents(recorder, "unbind loop0", "unbind nicA", "unbind nicB", "unbind virt0", "bind loop0 [0, 1, 2]",
                "bind nicA [0]", "bind nicB [0]", "bind virt0 [0, 1]");
        assertEquals(Optional.of(List.of(NdisStatus.SUCCESS)), recorder.sendAndAwait("loop0", 2, 1, Installation.WAIT_MILLIS));
        assertEquals("no adapter changed phase", List.of(), in.events().matching(l -> l.startsWith("phase ")));
        virt0.halt(HaltAction.DEVICE_INSTANCE_DEINSTALLED);
        assertNothingRecorded();
    }

    @Test
    public void engine_stopStartUpdate_haltsEveryAdapterAndRecreatesThemFromConfiguration() throws Exception {
        Bundle engine = in.bundle("org.ndisport.core");
        Supplier<List<String>> driverLog = in.acmeLog("loopback");
        Dictionary<String, Object> engineConfig = new Hashtable<>();
        engineConfig.put("verifier.capacity", 500);
        in.service(ConfigurationAdmin.class).getConfiguration("org.ndisport.core", "?").update(engineConfig);
        await(() -> in.service(NdisRuntime.class).verifier().capacity() == 500, "engine configured");

        engine.stop();
        assertEvents(recorder, "unbind loop0", "unbind nicA", "unbind nicB");
        in.awaitNoService(NdisRuntime.class);
        assertEquals("no claim outlives its adapter", List.of(), in.service(IoPortSpace.class).claims());
        assertEquals(List.of("initialize loop0", "halt loop0 " + HaltAction.DEVICE_DISABLED), driverLog.get());
        assertConfigurationSurvived();
        assertEquals(Bundle.ACTIVE, in.bundle(NE2000_BUNDLE).getState());

        engine.start();
        awaitRunning();
        assertEvents(recorder, "bind loop0 [0, 1, 2]", "bind nicA [0]", "bind nicB [0]");
        assertEquals(CLAIMS, in.service(IoPortSpace.class).claims());
        assertEquals(List.of("initialize loop0", "halt loop0 " + HaltAction.DEVICE_DISABLED,
                "initialize loop0"), driverLog.get());
        assertEquals("the engine's configuration survived", 500, in.service(NdisRuntime.class).verifier().capacity());

        update(engine);
        awaitRunning();
        assertEvents(recorder, "unbind loop0", "unbind nicA", "unbind nicB", "bind loop0 [0, 1, 2]", "bind nicA [0]",
                "bind nicB [0]");
        assertEquals(List.of("initialize loop0", "halt loop0 " + HaltAction.DEVICE_DISABLED, "initialize loop0",
                "halt loop0 " + HaltAction.DEVICE_DISABLED, "initialize loop0"), driverLog.get());
        assertEquals(CLAIMS, in.service(IoPortSpace.class).claims());
        assertEquals(500, in.service(NdisRuntime.class).verifier().capacity());
        awaitPingBindings(List.of(ping("loop0", 0, 1, 2), ping("nicA", 0), ping("nicB", 0)));
        assertNothingRecorded();
    }

    @Test
    public void d34_ioportHw_stopStartUpdate_isASurpriseRemovalAndDevicesComeBackFromConfiguration() throws Exception {
        Bundle hardware = in.bundle("org.ndisport.ioport");
        List<HaltAction> halts = new CopyOnWriteArrayList<>();
        ScriptedMiniport latchDriver = new ScriptedMiniport().onInitialize((h, p) -> {
            h.setMiniportAttributes(MiniportAttributes.registration());
            return h.registerIoPortRange(0x380, 8).status();
        }).onHalt((h, action) -> {
            halts.add(action);
            h.deregisterIoPortRange(0x380, 8, 0x380);
        });
        Dictionary<String, Object> driverProps = new Hashtable<>();
        driverProps.put(MiniportDriverProperties.DRIVER_NAME, "itest-latch");
        driverProps.put(MiniportDriverProperties.HARDWARE_IDS, new String[] {"itest-latch"});
        in.register(MiniportDriver.class, latchDriver, driverProps);
        configureLatch();
        awaitBound(recorder, "bind latch0 [0]");
        settle("phase latch0 P2_OPERATIONAL");

        hardware.stop();
        NdisRuntime runtime = in.service(NdisRuntime.class);
        await(() -> runtime.adapters().stream().map(AdapterView::name).toList().equals(List.of("loop0")),
                "hardware adapters gone, loop0 left");
        assertEquals(List.of(HaltAction.DEVICE_SURPRISE_REMOVED), halts);
        assertEvents(recorder, "unbind latch0", "unbind nicA", "unbind nicB");
        assertEquals(List.of("latch0", "nicA", "nicB"), in.configuredNames(Installation.DEVICE_FACTORY_PID));
        assertLoop0Untouched();

        hardware.start();
        awaitRunning();
        awaitBound(recorder, "bind latch0 [0]", "bind nicA [0]", "bind nicB [0]");
        assertEquals(List.of(new IoClaim(new IoPortRange(0x300, 0x20), "nicA", "nicA"),
                new IoClaim(new IoPortRange(0x320, 0x20), "nicB", "nicB"),
                new IoClaim(new IoPortRange(0x380, 8), "latch0", "latch0")), in.service(IoPortSpace.class).claims());
        assertEquals(Optional.of(List.of(NdisStatus.SUCCESS)), recorder.sendAndAwait("nicB", 0, 1, Installation.WAIT_MILLIS));

        update(hardware);
        awaitRunning();
        assertEvents(recorder, "unbind latch0", "unbind nicA", "unbind nicB", "bind latch0 [0]", "bind nicA [0]",
                "bind nicB [0]");
        assertEquals(List.of(HaltAction.DEVICE_SURPRISE_REMOVED, HaltAction.DEVICE_SURPRISE_REMOVED), halts);
        assertEquals(3, in.service(IoPortSpace.class).claims().size());
        assertLoop0Untouched();
        assertNothingRecorded();
    }
}
