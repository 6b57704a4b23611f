package org.ndisport.itests;


import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ndisport.itests.Installation.await;
import static org.ndisport.itests.Installation.awaitEquals;
import static org.ndisport.itests.Installation.sorted;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;
import org.junit.After;
import org.junit.Before;
import org.ndisport.api.io.IoClaim;
import org.ndisport.api.io.IoPortRange;
import org.ndisport.api.io.IoPortSpace;
import org.ndisport.api.runtime.AdapterPhase;
import org.ndisport.api.runtime.AdapterView;
import org.ndisport.api.runtime.BindingView;
import org.ndisport.api.runtime.Bindings;
import org.ndisport.api.runtime.NdisRuntime;
import org.ndisport.api.runtime.PortState;
import org.ndisport.testkit.RecordingProtocol;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The installation every hot-swap test starts from, and the checks the rows of DESIGN.md's hot-swap
 * table share: NE2000s nicA (0x300) and nicB (0x320) driven by the sample driver bundle, a virtual
 * adapter loop0 driven by a third-party miniport bundle with ports 1 and 2 active, the sample ping
 * protocol bound to all three, and a recording protocol registered by the test.
 */
public abstract class HotSwapFixture {
    static final String NE2000_BUNDLE = "org.ndisport.sample.ne2000";
    static final String PING_BUNDLE = "org.ndisport.sample.ping";
    static final String LOOPBACK_BUNDLE = "com.acme.loopback";
    static final List<String> ADAPTERS = List.of("loop0", "nicA", "nicB");
    static final List<IoClaim> CLAIMS = List.of(new IoClaim(new IoPortRange(0x300, 0x20), "nicA", "nicA"),
            new IoClaim(new IoPortRange(0x320, 0x20), "nicB", "nicB"));

    @Inject
    BundleContext context;

    protected Installation in;
    protected RecordingProtocol recorder;

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

    /** A latch device latch0 at 0x380-0x387, hardware id itest-latch, no interrupt line. */
    protected void configureLatch() throws Exception {
        Dictionary<String, Object> latch = new Hashtable<>();
        latch.put("name", "latch0");
        latch.put("type", "latch");
        latch.put("io.base", 0x380);
        latch.put("io.length", 8);
        latch.put("irq", -1);
        latch.put("hardware.id", "itest-latch");
        in.service(ConfigurationAdmin.class).getFactoryConfiguration(Installation.DEVICE_FACTORY_PID, "latch0", "?")
                .update(latch);
    }

    // --- what every row checks ---------------------------------------------------------------------

    /** nicA, nicB and loop0 RUNNING, loop0 with ports 1 and 2 active. */
    protected void awaitRunning() {
        await(() -> {
            Optional<NdisRuntime> runtime = Optional.ofNullable(context.getServiceReference(NdisRuntime.class))
                    .map(context::getService);
            return runtime.isPresent() && ADAPTERS.stream().allMatch(name -> runtime.get().adapter(name)
                    .filter(a -> a.phase() == AdapterPhase.P2_OPERATIONAL).isPresent())
                    && runtime.get().adapter("loop0").map(a -> a.port(2) != null
                            && a.port(2).state() == PortState.ACTIVATED).orElse(false);
        }, "nicA, nicB and loop0 running", () -> "; adapters now: " + adaptersNow() + "; events: " + in.events().lines());
    }

    protected String adaptersNow() {
        return Optional.ofNullable(context.getServiceReference(NdisRuntime.class)).map(context::getService)
                .map(r -> r.adapters().toString()).orElse("no runtime");
    }

    /**
     * Waits for the recorder's next events to be exactly {@code expected}: in the given order for each
     * adapter, in any order between adapters. Then takes them.
     */
    protected static void assertEvents(RecordingProtocol recorder, String... expected) {
        List<String> want = List.of(expected);
        awaitEquals("protocol events", sorted(want), () -> sorted(recorder.events()));
        List<String> got = recorder.events().subList(0, expected.length);
        for (String line : want) {
            String adapter = line.split(" ")[1];
            assertEquals("order of events on " + adapter, about(want, adapter), about(got, adapter));
        }
        recorder.takeEvents(expected.length);
    }

    /**
     * The recorder heard nothing. Binds and unbinds reach protocols synchronously inside the bundle
     * operation that causes them (D34), so anything a stop or start did to a binding is in already.
     */
    protected static void assertNoEvents(RecordingProtocol recorder) {
        assertEquals("protocol events", List.of(), recorder.events());
    }

    protected static List<String> about(List<String> lines, String adapter) {
        return lines.stream().filter(l -> l.split(" ")[1].equals(adapter)).toList();
    }

    /**
     * EventAdmin shows {@code adapter} halted, then initialized again. Halt and initialize post from
     * different threads and EventAdmin keeps order only per thread, so each sequence is checked alone.
     */
    protected void awaitHaltedAndInitialized(String adapter) {
        String prefix = "phase " + adapter + " ";
        awaitEquals(adapter + " halted", List.of(prefix + "P3_HALTING", prefix + "P4_HALTED"),
                () -> in.events().matching(l -> l.equals(prefix + "P3_HALTING") || l.equals(prefix + "P4_HALTED")));
        awaitEquals(adapter + " initialized", List.of(prefix + "P0_INIT_PRE_REG", prefix + "P1_INIT_POST_REG",
                prefix + "P2_OPERATIONAL"), () -> in.events().matching(l -> l.startsWith(prefix + "P0")
                        || l.startsWith(prefix + "P1") || l.startsWith(prefix + "P2")));
    }

    protected static void awaitBound(RecordingProtocol recorder, String... binds) {
        assertEvents(recorder, binds);
    }


    /**
     * Waits until EventAdmin delivered the last events setup posted, then forgets them. EventAdmin keeps
     * the order of each posting thread, so what an adapter posted before its last line is in too.
     */
    protected void settle(String... lastLines) {
        await(() -> in.events().lines().containsAll(List.of(lastLines)), "setup's events delivered",
                () -> " " + in.events().lines());
        in.events().clear();
    }

    protected void assertConfigurationSurvived() {
        assertTrue(in.configuredNames(Installation.DEVICE_FACTORY_PID).containsAll(List.of("nicA", "nicB")));
        assertEquals(List.of("loop0"), in.configuredNames(Installation.ADAPTER_FACTORY_PID));
    }

    protected void assertLoop0Untouched() {
        assertUntouched("loop0");
        AdapterView loop0 = in.service(NdisRuntime.class).adapter("loop0").orElseThrow();
        assertEquals(AdapterPhase.P2_OPERATIONAL, loop0.phase());
        assertEquals(List.of(PortState.ACTIVATED, PortState.ACTIVATED, PortState.ACTIVATED),
                loop0.ports().stream().map(p -> p.state()).toList());
    }

    protected void assertNicsUntouched() {
        assertUntouched("nicA");
        assertUntouched("nicB");
        assertEquals(CLAIMS, in.service(IoPortSpace.class).claims());
    }

    protected void assertUntouched(String adapter) {
        assertEquals(adapter + " untouched", List.of(), in.events().about(adapter));
        assertTrue(adapter + " still bound", recorder.binding(adapter).isPresent());
    }

    protected void assertNothingRecorded() {
        assertEquals("verifier", List.of(), in.service(NdisRuntime.class).verifier().violations());
        assertEquals("findings posted to EventAdmin", List.of(), in.events().findings());
    }

    protected void awaitPingBindings(List<BindingView> expected) {
        awaitEquals("ping's bindings", expected, () -> {
            Bindings bindings = Optional.ofNullable(context.getServiceReference(Bindings.class)).map(context::getService)
                    .orElse(null);
            return bindings == null ? null
                    : bindings.bindings().stream().filter(b -> b.protocol().equals("ping")).toList();
        });
    }

    protected static BindingView ping(String adapter, Integer... ports) {
        return new BindingView("ping", PING_BUNDLE, adapter, List.of(ports));
    }

    /** Bundle.update to a rebuilt jar of the same bundle; checks the new revision is the one running. */
    protected static void update(Bundle bundle) throws Exception {
        String location = bundle.getLocation();
        String url = location.startsWith("file:") ? location : ItestOptions.bundleUrl(bundle.getSymbolicName());
        bundle.update(RebuiltJar.of(url, "rebuilt"));
        assertEquals("rebuilt", bundle.getVersion().getQualifier());
        assertEquals(Bundle.ACTIVE, bundle.getState());
    }
}
