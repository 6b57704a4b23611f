package org.ndisport.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ndisport.itests.Installation.await;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.inject.Inject;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.binding.AdapterEventSink;
import org.ndisport.api.binding.BindableAdapter;
import org.ndisport.api.binding.UnbindReason;
import org.ndisport.api.data.NetBufferList;
import org.ndisport.api.data.OidRequest;
import org.ndisport.api.io.IoCaller;
import org.ndisport.api.io.IoClaim;
import org.ndisport.api.io.IoPortRange;
import org.ndisport.api.io.IoPortSpace;
import org.ndisport.api.io.IoWidth;
import org.ndisport.api.miniport.NdisMiniportHandle;
import org.ndisport.api.pnp.NetPnPEventNotification;
import org.ndisport.api.protocol.ProtocolBindingHandle;
import org.ndisport.api.runtime.AdapterSpec;
import org.ndisport.api.runtime.AdapterView;
import org.ndisport.api.runtime.NdisRuntime;
import org.ndisport.api.runtime.Violation;
import org.ndisport.sample.ne2000.Ne2000Miniport;
import org.ndisport.testkit.Frames;
import org.ndisport.testkit.ScriptedMiniport;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * Isolation: a bundle that is not an adapter's driver (here the test bundle, holding every service
 * ndisport registers) cannot obtain or act on that adapter's handle, ports or I/O ranges. Each test
 * ends by showing the NE2000s nicA and nicB still carry frames and the verifier names none of them.
 */
@RunWith(PaxExam.class)
public class IsolationIT {
    static final byte[] MAC_A = {2, 0, 0, 0, 0, 0x0A};
    static final byte[] MAC_B = {2, 0, 0, 0, 0, 0x0B};

    @Inject
    BundleContext context;

    private Installation in;
    private FrameProtocol owner;
    private NdisRuntime runtime;

    @Configuration
    public Option[] config() {
        return options(ItestOptions.ndisport(), ItestOptions.reactorBundle(ItestOptions.NE2000));
    }

    @Before
    public void twoCards() {
        in = new Installation(context);
        runtime = in.service(NdisRuntime.class);
        owner = in.protocol(new FrameProtocol(), "owner");
        in.nic("nicA", 0x300, 10, "02:00:00:00:00:0a");
        in.nic("nicB", 0x320, 11, "02:00:00:00:00:0b");
        in.awaitOpen("owner", "nicA", "nicB");
    }

    @After
    public void close() {
        in.close();
    }

    @Test
    public void noServiceHandsOutAnAdaptersHandleAndViewsAreSnapshots() throws Exception {
        List<String> offered = new ArrayList<>();
        for (ServiceReference<?> ref : context.getAllServiceReferences(null, null)) {
            Object service = context.getService(ref);
            try {
                if (service instanceof NdisMiniportHandle || service instanceof ProtocolBindingHandle
                        || service instanceof BindableAdapter || service instanceof IoCaller) {
                    offered.add(ref.getBundle().getSymbolicName() + ": " + service.getClass().getName());
                }
            } finally {
                context.ungetService(ref);
            }
        }
        assertEquals("services handing out a handle", List.of(), offered);

        AdapterView nicA = runtime.adapter("nicA").orElseThrow();
        try {
            nicA.ports().clear();
            fail("a view's port list is writable");
        } catch (UnsupportedOperationException expected) {
            // a snapshot
        }
        try {
            runtime.createAdapter(AdapterSpec.virtual("nicA", new ScriptedMiniport(), in.ownBundle()));
            fail("an adapter was created under nicA's name");
        } catch (IllegalArgumentException expected) {
            // names are unique
        }
        assertEquals("org.ndisport.sample.ne2000", runtime.adapter("nicA").orElseThrow().driverBundle());
        assertCardsStillWork();
    }

    @Test
    public void r72_aForeignBundleCannotActOnAnotherAdaptersIoRanges() throws Exception {
        IoPortSpace space = in.service(IoPortSpace.class);
        List<IoClaim> claims = space.claims();
        List<String> records = new CopyOnWriteArrayList<>();
        IoCaller intruder = new IoCaller() {
            @Override
            public String adapterName() {
                return "nicA"; // claims are the caller instance's, not its name's
            }

            @Override
            public List<IoPortRange> assignedResources() {
                return List.of(new IoPortRange(0x300, 0x20));
            }

            @Override
            public void violation(String ruleId, String message) {
                records.add(ruleId);
            }

            @Override
            public void warning(String ruleId, String message) {
                records.add(ruleId);
            }
        };

        assertEquals(NdisStatus.RESOURCE_CONFLICT, space.register(intruder, 0x300, 0x20).status());
        assertEquals("raw read of nicA's command register", 0xFF, space.read(intruder, 0x300, IoWidth.BYTE));
        space.write(intruder, 0x300, IoWidth.BYTE, 0x21);
        assertEquals(0xFF, space.immediateRead(intruder, 0x31F, IoWidth.BYTE));
        space.immediateWrite(intruder, 0x31F, IoWidth.BYTE, 0);
        space.deregister(intruder, 0x300, 0x20, 0x300);
        space.releaseAll(intruder);
        assertEquals("bus access to a claimed port", 0xFF, space.busRead(0x300, IoWidth.BYTE));
        space.busWrite(0x31F, IoWidth.BYTE, 0);
        space.busWrite(0x300, IoWidth.BYTE, 0x21);

        assertEquals("the intruder's own records", List.of("R72", "R72", "N22", "N22", "R68"), records);
        assertEquals("nicA and nicB keep their claims", claims, space.claims());
        assertEquals(List.of(), space.claimsOf(intruder));
        assertCardsStillWork();
    }

    @Test
    public void r46_aForeignBundleCannotActOnAnotherAdaptersPorts() throws Exception {
        AdapterEventSink sink = in.service(AdapterEventSink.class);
        BindableAdapter impostor = (BindableAdapter) Proxy.newProxyInstance(BindableAdapter.class.getClassLoader(),
                new Class<?>[] {BindableAdapter.class}, (p, m, a) -> switch (m.getName()) {
                    case "name" -> "nicA";
                    case "hashCode" -> System.identityHashCode(p);
                    case "equals" -> p == a[0];
                    case "toString" -> "impostor nicA";
                    default -> null;
                });
        sink.portEvent(impostor, NetPnPEventNotification.portDeactivation(0));
        sink.receive(impostor, NetBufferList.copyOf(Frames.ethernet(MAC_A, MAC_B, 64, 0)), 0, 1, 0);
        sink.adapterUnavailable(impostor, UnbindReason.HALT_SCHEDULED);
        assertEquals("the real nicA's binding saw none of it", List.of("bind nicA [0]", "bind nicB [0]"),
                sortedEvents());
        assertEquals(0, owner.waitingFrames("nicA", 0));
        assertEquals("nothing recorded against the cards", List.of(), runtime.verifier().violations());

        assertEquals("a send to a port that does not exist", NdisStatus.INVALID_PORT,
                owner.send("nicA", 1, Frames.ethernet(MAC_B, MAC_A, 64, 0)));
        OidRequest query = OidRequest.query(Ne2000Miniport.OID_802_3_CURRENT_ADDRESS, 7, 6);
        assertEquals("an OID to a port that does not exist", NdisStatus.INVALID_PORT, owner.oid("nicA", query));
        List<String> recorded = runtime.verifier().violations().stream()
                .map(v -> v.ruleId() + " port " + v.port() + " by " + v.bundle()).toList();
        assertEquals("each breach is the sender's, on the port it named", List.of(
                "R46 port 1 by " + in.ownBundle(), "R46 port 7 by " + in.ownBundle()), recorded);
        runtime.verifier().clear();
        assertCardsStillWork();
        assertEquals("still nothing reached the real binding", List.of("bind nicA [0]", "bind nicB [0]"),
                sortedEvents());
    }

    private List<String> sortedEvents() {
        List<String> e = new ArrayList<>(owner.events());
        e.sort(null);
        return e;
    }

    /** nicA and nicB still carry frames both ways and the verifier names neither. */
    private void assertCardsStillWork() throws InterruptedException {
        byte[] ab = Frames.ethernet(MAC_B, MAC_A, 90, 0);
        assertEquals(NdisStatus.SUCCESS, owner.send("nicA", 0, ab));
        assertTrue(java.util.Arrays.equals(ab, owner.nextFrame("nicB", 0)));
        byte[] ba = Frames.ethernet(MAC_A, MAC_B, 91, 0);
        assertEquals(NdisStatus.SUCCESS, owner.send("nicB", 0, ba));
        assertTrue(java.util.Arrays.equals(ba, owner.nextFrame("nicA", 0)));
        List<Violation> aboutCards = runtime.verifier().violations().stream()
                .filter(v -> v.adapter().equals("nicA") || v.adapter().equals("nicB")).toList();
        assertEquals(List.of(), aboutCards);
    }
}
