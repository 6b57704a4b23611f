package org.ndisport.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ndisport.itests.Installation.await;
import static org.ndisport.itests.Installation.awaitEquals;
import static org.ndisport.itests.Installation.sorted;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ndisport.api.runtime.Bindings;
import org.ndisport.api.runtime.NdisRuntime;
import org.ndisport.testkit.RecordingProtocol;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * Replacement by another implementation: a third-party binding layer (an {@code AdapterEventSink}
 * ranked 100) started while ndisport runs takes over every adapter from protocol-binding (greedy
 * rebinding by service ranking), carries the whole data path, and hands back when it stops.
 */
@RunWith(PaxExam.class)
public class ReplacementIT {
    @Inject
    BundleContext context;

    @Configuration
    public Option[] config() {
        return options(ItestOptions.ndisport(), ItestOptions.reactorBundle(ItestOptions.NE2000),
                ThirdPartyBundles.provisioned(ThirdPartyBundles.LOOPBACK), ThirdPartyBundles.all());
    }

    @Test
    public void higherRankedBindingLayer_takesOverEveryAdapter_andHandsBackWhenItStops() throws Exception {
        try (Installation in = new Installation(context)) {
            NdisRuntime runtime = in.service(NdisRuntime.class);
            RecordingProtocol recorder = in.recorder("recorder");
            in.nic("nicA", 0x300, 10, "02:00:00:00:00:0a");
            in.nic("nicB", 0x320, 11, "02:00:00:00:00:0b");
            in.virtualAdapter("loop0", "acme-loopback");
            takeExactly(recorder, "bind loop0 [0, 1, 2]", "bind nicA [0]", "bind nicB [0]");

            Bundle tap = context.installBundle(ThirdPartyBundles.urlOf(ThirdPartyBundles.TAP));
            tap.start();
            takeExactly(recorder, "unbind loop0", "unbind nicA", "unbind nicB");
            Supplier<List<String>> tapLog = in.acmeLog("tap");
            await(() -> tapLog.get().containsAll(List.of("ready loop0 [0, 1, 2]", "ready nicA [0]", "ready nicB [0]")),
                    "the tap told of every ready adapter with its ActivePorts", () -> "; tap log " + tapLog.get());
            @SuppressWarnings("unchecked")
            Consumer<String> tapSend = in.service(Consumer.class, "(acme.log=tap)");
            for (String adapter : List.of("loop0", "nicA", "nicB")) {
                tapSend.accept(adapter);
            }
            await(() -> tapLog.get().containsAll(List.of("sent loop0 SUCCESS", "sent nicA SUCCESS", "sent nicB SUCCESS",
                    "receive loop0 0 1", "receive nicA 0 1", "receive nicB 0 1")),
                    "the tap's sends completed, and it received the loopback and each card's frame at the other",
                    () -> "; tap log " + tapLog.get());
            assertEquals("protocol-binding holds no binding while the tap runs", List.of(),
                    in.service(Bindings.class).bindings());
            assertTrue("the recorder heard nothing while the tap ran", recorder.events().isEmpty());

            tap.stop();
            takeExactly(recorder, "bind loop0 [0, 1, 2]", "bind nicA [0]", "bind nicB [0]");
            List<String> log = tapLog.get();
            List<String> last = log.subList(log.size() - 3, log.size());
            assertEquals(List.of("unavailable loop0 BINDING_LAYER_STOPPING", "unavailable nicA BINDING_LAYER_STOPPING",
                    "unavailable nicB BINDING_LAYER_STOPPING"), sorted(last));
            assertEquals(3, in.service(Bindings.class).bindings().size());
            assertEquals("verifier", List.of(), runtime.verifier().violations());
        }
    }

    private static void takeExactly(RecordingProtocol recorder, String... lines) {
        awaitEquals("protocol events", List.of(lines), () -> sorted(recorder.events()));
        recorder.takeEvents(lines.length);
    }

}
