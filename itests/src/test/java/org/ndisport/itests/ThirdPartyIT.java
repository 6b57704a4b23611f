package org.ndisport.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ndisport.itests.Installation.await;
import static org.ndisport.itests.Installation.awaitEquals;
import static org.ndisport.itests.Installation.sorted;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ndisport.api.runtime.AdapterView;
import org.ndisport.api.runtime.BindingView;
import org.ndisport.api.runtime.Bindings;
import org.ndisport.api.runtime.NdisRuntime;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/**
 * A third party extends ndisport with nothing but its API: an acme miniport and an acme protocol,
 * built as separate bundles (TinyBundles, bnd) and installed while ndisport runs, work end to end; a
 * bundle reaching for an implementation package never resolves.
 */
@RunWith(PaxExam.class)
public class ThirdPartyIT {
    @Inject
    BundleContext context;

    @Configuration
    public Option[] config() {
        return options(ItestOptions.ndisport(), ThirdPartyBundles.all());
    }

    @Test
    public void thirdPartyMiniportAndProtocol_installedAtRunTime_workEndToEndThroughTheApiOnly() throws Exception {
        try (Installation in = new Installation(context)) {
            NdisRuntime runtime = in.service(NdisRuntime.class);
            Bundle miniport = context.installBundle(ThirdPartyBundles.urlOf(ThirdPartyBundles.LOOPBACK));
            Bundle protocol = context.installBundle(ThirdPartyBundles.urlOf(ThirdPartyBundles.ECHO));
            miniport.start();
            protocol.start();
            assertWiredToTheApiOnly(miniport);
            assertWiredToTheApiOnly(protocol);

            in.virtualAdapter("acme0", "acme-loopback");
            Supplier<List<String>> echo = in.acmeLog("echo");
            await(() -> in.service(Bindings.class).bindings().size() == 1, "the echo protocol bound to acme0");
            @SuppressWarnings("unchecked")
            Consumer<String> send = in.service(Consumer.class, "(acme.log=echo)");
            send.accept("acme0");
            List<String> expected = List.of("bind acme0 [0, 1, 2]", "received acme0 0", "received acme0 1",
                    "received acme0 2", "sent acme0 0 SUCCESS", "sent acme0 1 SUCCESS",
                    "sent acme0 2 SUCCESS");
            awaitEquals("the echo protocol's frames went down every port and came back up", expected,
                    () -> sorted(echo.get()));

            AdapterView acme0 = runtime.adapter("acme0").orElseThrow();
            assertEquals("com.acme.loopback", acme0.driverBundle());
            for (int port = 0; port <= 2; port++) {
                assertEquals("sent on port " + port, 1, acme0.port(port).framesSent());
                assertEquals("received on port " + port, 1, acme0.port(port).framesReceived());
            }
            assertEquals(List.of(new BindingView("acme-echo", "com.acme.echo", "acme0", List.of(0, 1, 2))),
                    in.service(Bindings.class).bindings());

            Supplier<List<String>> loopback = in.acmeLog("loopback");
            protocol.uninstall();
            await(() -> in.service(Bindings.class).bindings().isEmpty(), "echo's binding closed");
            miniport.uninstall();
            await(() -> runtime.adapter("acme0").isEmpty(), "acme0 halted with its driver gone");
            assertEquals(List.of("initialize acme0", "halt acme0 DEVICE_DISABLED"), loopback.get());
            assertEquals("verifier", List.of(), runtime.verifier().violations());
            assertEquals("findings posted to EventAdmin", List.of(), in.events().findings());
        }
    }

    @Test
    public void bundleUsingAnUnexportedPackageOfOurs_failsToResolve() throws Exception {
        Bundle intruder = context.installBundle(ThirdPartyBundles.urlOf(ThirdPartyBundles.INTRUDER));
        try {
            intruder.start();
            fail("a bundle importing org.ndisport.core.internal resolved");
        } catch (BundleException e) {
            assertEquals(BundleException.RESOLVE_ERROR, e.getType());
            assertTrue(e.getMessage(), e.getMessage().contains("org.ndisport.core.internal"));
        }
        assertEquals(Bundle.INSTALLED, intruder.getState());
    }

    @Test
    public void ndisportExportsItsApiAndTestkitOnly() {
        List<String> exported = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            if (b.getSymbolicName().startsWith("org.ndisport.")) {
                for (BundleCapability c : b.adapt(BundleWiring.class).getCapabilities(PackageNamespace.PACKAGE_NAMESPACE)) {
                    exported.add(b.getSymbolicName() + ": " + c.getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE));
                }
            }
        }
        assertTrue(exported.toString(), exported.stream().allMatch(e -> e.startsWith("org.ndisport.api: org.ndisport.api")
                || e.startsWith("org.ndisport.testkit: org.ndisport.testkit")));
        assertTrue(exported.toString(), exported.contains("org.ndisport.api: org.ndisport.api.miniport"));
    }

    /** Every package the bundle gets from an ndisport bundle comes from the API bundle. */
    private static void assertWiredToTheApiOnly(Bundle bundle) {
        List<String> fromNdisport = new ArrayList<>();
        for (BundleWire w : bundle.adapt(BundleWiring.class).getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE)) {
            String provider = w.getProvider().getSymbolicName();
            if (provider.startsWith("org.ndisport.")) {
                fromNdisport.add(provider + ": " + w.getCapability().getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE));
            }
        }
        assertTrue(bundle.getSymbolicName() + " uses ndisport", !fromNdisport.isEmpty());
        assertTrue(fromNdisport.toString(), fromNdisport.stream().allMatch(p -> p.startsWith("org.ndisport.api: org.ndisport.api")));
    }

}
