package org.ndisport.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ndisport.itests.Installation.await;
import static org.ndisport.itests.Installation.awaitEquals;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import javax.inject.Inject;
import org.junit.After;
import org.junit.Before;
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
import org.ndisport.api.runtime.BindingView;
import org.ndisport.api.runtime.Bindings;
import org.ndisport.api.runtime.NdisRuntime;
import org.ndisport.api.runtime.PortState;
import org.ndisport.testkit.RecordingProtocol;
import org.ndisport.testkit.ScriptedMiniport;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * Hot swap, one test per row of DESIGN.md's table: each implementation bundle is stopped, started
 * again, then updated to a rebuilt jar while it runs, and the test checks what the table promises.
 *
 * <p>The installation each test starts from: NE2000s nicA (0x300) and nicB (0x320) driven by the
 * sample driver bundle, a virtual adapter loop0 driven by a third-party miniport bundle with ports 1
 * and 2 active, the sample ping protocol bound to all three, and a recording protocol registered by
 * the test. The verifier and EventAdmin must record nothing along the way.
 */
@RunWith(PaxExam.class)
public class HotSwapIT {
    static final String NE2000_BUNDLE = "org.ndisport.sample.ne2000";
    static final String PING_BUNDLE = "org.ndisport.sample.ping";
    static final String LOOPBACK_BUNDLE = "com.acme.loopback";
    static final List<String> ADAPTERS = List.of("loop0", "nicA", "nicB");
    static final List<IoClaim> CLAIMS = List.of(new IoClaim(new IoPortRange(0x300, 0x20), "nicA", "nicA"),
            new IoClaim(new IoPortRange(0x320, 0x20), "nicB", "nicB"));

    @Inject
    BundleContext context;

    private Installation in;
    private RecordingProtocol recorder;

    @Configuration
    public Option[] config() {
        return options(ItestOptions.ndisport(), ItestOptions.reactorBundle(ItestOptions.NE2000),
                ItestOptions.reactorBundle(ItestOptions.PING), ThirdPartyBundles.provisioned(ThirdPartyBundles.LOOPBACK));
    }

    @Before
    public void installation() throws Exception {
        in = new Installation(context);
        recorder = in.recorder("recorder");
        in.nic("nicA", 0x300, 10, "02:00:00:00:00:0a");
        in.nic("nicB", 0x320, 11, "02:00:00:00:00:0b");
        in.virtualAdapter("loop0", "acme-loopback");
        awaitRunning();
        awaitBound(recorder, "bind loop0 [0, 1, 2]", "bind nicA [0]", "bind nicB [0]");
        settle("phase loop0 P2_OPERATIONAL", "port loop0 2 ACTIVATED", "phase nicA P2_OPERATIONAL",
                "phase nicB P2_OPERATIONAL");
    }

    @After
    public void clean() {
        if (in != null) {
            in.close();
        }
    }

    @Test
    public void miniportDriver_ne2000_stopStartUpdate_haltsAndReinitializesItsAdaptersOnly() throws Exception {
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
        awaitEquals("nicA initialized again", List.of("phase nicA P3_HALTING", "phase nicA P4_HALTED",
                "phase nicA P0_INIT_PRE_REG", "phase nicA P1_INIT_POST_REG", "phase nicA P2_OPERATIONAL"),
                () -> in.events().matching(l -> l.startsWith("phase nicA")));
        assertLoop0Untouched();
        in.events().clear();

        update(driver);
        awaitRunning();
        assertEvents(recorder, "unbind nicA", "unbind nicB", "bind nicA [0]", "bind nicB [0]");
        awaitEquals("nicB halted and initialized again", List.of("phase nicB P3_HALTING", "phase nicB P4_HALTED",
                "phase nicB P0_INIT_PRE_REG", "phase nicB P1_INIT_POST_REG", "phase nicB P2_OPERATIONAL"),
                () -> in.events().matching(l -> l.startsWith("phase nicB")));
        assertLoop0Untouched();
        assertNothingRecorded();
    }

    @Test
    public void miniportDriver_thirdPartyWithPorts_stopStartUpdate_deactivatesFreesAndRecreatesPorts() throws Exception {
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

        update(driver);
        awaitRunning();
        assertEvents(recorder, "unbind loop0", "bind loop0 [0, 1, 2]");
        assertNicsUntouched();
        assertNothingRecorded();
    }

    @Test
    public void protocolDriver_stopStartUpdate_closesOnlyItsBindings() throws Exception {
        Bundle protocol = in.bundle(PING_BUNDLE);
        awaitPingBindings(List.of(ping("loop0", 0, 1, 2), ping("nicA", 0), ping("nicB", 0)));

        protocol.stop();
        awaitPingBindings(List.of());
        assertEvents(recorder);
        assertEquals("adapters untouched", List.of(), in.events().lines());

        protocol.start();
        awaitPingBindings(List.of(ping("loop0", 0, 1, 2), ping("nicA", 0), ping("nicB", 0)));

        update(protocol);
        awaitPingBindings(List.of(ping("loop0", 0, 1, 2), ping("nicA", 0), ping("nicB", 0)));
        assertEquals(Bundle.ACTIVE, protocol.getState());
        assertEvents(recorder);
        assertEquals("adapters untouched", List.of(), in.events().lines());
        assertEquals(List.of(), in.service(NdisRuntime.class).verifier().violations());
    }

    @Test
    public void bindingLayer_stopStartUpdate_closesEveryBindingAndRebindsWithCurrentActivePorts() throws Exception {
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

        update(engine);
        awaitRunning();
        assertEvents(recorder, "unbind loop0", "unbind nicA", "unbind nicB", "bind loop0 [0, 1, 2]", "bind nicA [0]",
                "bind nicB [0]");
        assertEquals(CLAIMS, in.service(IoPortSpace.class).claims());
        awaitPingBindings(List.of(ping("loop0", 0, 1, 2), ping("nicA", 0), ping("nicB", 0)));
        assertNothingRecorded();
    }

    @Test
    public void ioportHw_stopStartUpdate_isASurpriseRemovalAndDevicesComeBackFromConfiguration() throws Exception {
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
        context.registerService(MiniportDriver.class, latchDriver, driverProps);
        Dictionary<String, Object> latch = new Hashtable<>();
        latch.put("name", "latch0");
        latch.put("type", "latch");
        latch.put("io.base", 0x380);
        latch.put("io.length", 8);
        latch.put("irq", -1);
        latch.put("hardware.id", "itest-latch");
        in.service(org.osgi.service.cm.ConfigurationAdmin.class)
                .getFactoryConfiguration(Installation.DEVICE_FACTORY_PID, "latch0", "?").update(latch);
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

    // --- what every row checks ---------------------------------------------------------------------

    /** nicA, nicB and loop0 RUNNING, loop0 with ports 1 and 2 active. */
    private void awaitRunning() {
        await(() -> {
            Optional<NdisRuntime> runtime = Optional.ofNullable(context.getServiceReference(NdisRuntime.class))
                    .map(context::getService);
            return runtime.isPresent() && ADAPTERS.stream().allMatch(name -> runtime.get().adapter(name)
                    .filter(a -> a.phase() == AdapterPhase.P2_OPERATIONAL).isPresent())
                    && runtime.get().adapter("loop0").map(a -> a.port(2) != null
                            && a.port(2).state() == PortState.ACTIVATED).orElse(false);
        }, "nicA, nicB and loop0 running", () -> "; adapters now: " + adaptersNow() + "; events: " + in.events().lines());
    }

    private String adaptersNow() {
        return Optional.ofNullable(context.getServiceReference(NdisRuntime.class)).map(context::getService)
                .map(r -> r.adapters().toString()).orElse("no runtime");
    }

    /** Waits for the recorder's next events to be exactly {@code expected} (in any order), then takes them. */
    private static void assertEvents(RecordingProtocol recorder, String... expected) {
        List<String> want = sorted(List.of(expected));
        awaitEquals("protocol events", want, () -> sorted(recorder.events()));
        recorder.takeEvents(expected.length);
    }

    private static void awaitBound(RecordingProtocol recorder, String... binds) {
        assertEvents(recorder, binds);
    }

    private static List<String> sorted(Collection<String> lines) {
        List<String> out = new ArrayList<>(lines);
        out.sort(null);
        return out;
    }

    /**
     * Waits until EventAdmin delivered the last events setup posted, then forgets them. EventAdmin keeps
     * the order of each posting thread, so what an adapter posted before its last line is in too.
     */
    private void settle(String... lastLines) {
        await(() -> in.events().lines().containsAll(List.of(lastLines)), "setup's events delivered",
                () -> " " + in.events().lines());
        in.events().clear();
    }

    private void assertConfigurationSurvived() {
        assertTrue(in.configuredNames(Installation.DEVICE_FACTORY_PID).containsAll(List.of("nicA", "nicB")));
        assertEquals(List.of("loop0"), in.configuredNames(Installation.ADAPTER_FACTORY_PID));
    }

    private void assertLoop0Untouched() {
        assertUntouched("loop0");
        AdapterView loop0 = in.service(NdisRuntime.class).adapter("loop0").orElseThrow();
        assertEquals(AdapterPhase.P2_OPERATIONAL, loop0.phase());
        assertEquals(List.of(PortState.ACTIVATED, PortState.ACTIVATED, PortState.ACTIVATED),
                loop0.ports().stream().map(p -> p.state()).toList());
    }

    private void assertNicsUntouched() {
        assertUntouched("nicA");
        assertUntouched("nicB");
        assertEquals(CLAIMS, in.service(IoPortSpace.class).claims());
    }

    private void assertUntouched(String adapter) {
        assertEquals(adapter + " untouched", List.of(), in.events().about(adapter));
        assertTrue(adapter + " still bound", recorder.binding(adapter).isPresent());
    }

    private void assertNothingRecorded() {
        assertEquals("verifier", List.of(), in.service(NdisRuntime.class).verifier().violations());
        assertEquals("findings posted to EventAdmin", List.of(), in.events().findings());
    }

    private void awaitPingBindings(List<BindingView> expected) {
        awaitEquals("ping's bindings", expected, () -> {
            Bindings bindings = Optional.ofNullable(context.getServiceReference(Bindings.class)).map(context::getService)
                    .orElse(null);
            return bindings == null ? null
                    : bindings.bindings().stream().filter(b -> b.protocol().equals("ping")).toList();
        });
    }

    private static BindingView ping(String adapter, Integer... ports) {
        return new BindingView("ping", PING_BUNDLE, adapter, List.of(ports));
    }

    /** Bundle.update to a rebuilt jar of the same bundle; checks the new revision is the one running. */
    private static void update(Bundle bundle) throws Exception {
        String location = bundle.getLocation();
        String url = location.startsWith("file:") ? location : ItestOptions.bundleUrl(bundle.getSymbolicName());
        bundle.update(RebuiltJar.of(url, "rebuilt"));
        assertEquals("rebuilt", bundle.getVersion().getQualifier());
        assertEquals(Bundle.ACTIVE, bundle.getState());
    }
}
