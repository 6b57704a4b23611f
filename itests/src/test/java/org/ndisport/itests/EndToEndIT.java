package org.ndisport.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ndisport.itests.Installation.await;
import static org.ndisport.itests.Installation.awaitEquals;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.util.List;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.data.OidRequest;
import org.ndisport.api.io.IoClaim;
import org.ndisport.api.io.IoPortRange;
import org.ndisport.api.io.IoPortSpace;
import org.ndisport.api.runtime.AdapterPhase;
import org.ndisport.api.runtime.NdisRuntime;
import org.ndisport.api.runtime.PortState;
import org.ndisport.sample.ne2000.Ne2000Miniport;
import org.ndisport.testkit.Frames;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.framework.BundleContext;

/**
 * The whole path in a real Felix, through ndisport's own bundles and the sample NE2000 driver: device
 * configuration, adapter initialized, protocol bound with ActivePorts, a port allocated and activated
 * on each card, frames both ways on the default port and on the new port, the port deactivated and
 * freed, the configuration removed and the adapter halted, with the verifier clean at the end.
 */
@RunWith(PaxExam.class)
public class EndToEndIT {
    static final byte[] MAC_A = {2, 0, 0, 0, 0, 0x0A};
    static final byte[] MAC_B = {2, 0, 0, 0, 0, 0x0B};
    static final int VLAN = 5;
    static final int WARM_UP_LENGTH = 60;

    @Inject
    BundleContext context;

    @Configuration
    public Option[] config() {
        return options(ItestOptions.ndisport(), ItestOptions.reactorBundle(ItestOptions.NE2000));
    }

    @Test
    public void deviceConfigurationToHalt_portsAndFramesBothWays_verifierClean() throws Exception {
        try (Installation in = new Installation(context)) {
            NdisRuntime runtime = in.service(NdisRuntime.class);
            IoPortSpace space = in.service(IoPortSpace.class);
            FrameProtocol protocol = in.protocol(new FrameProtocol(), "e2e");

            org.osgi.service.cm.Configuration nicA = in.nic("nicA", 0x300, 10, "02:00:00:00:00:0a");
            org.osgi.service.cm.Configuration nicB = in.nic("nicB", 0x320, 11, "02:00:00:00:00:0b");
            in.awaitOpen("e2e", "nicA", "nicB");
            assertTrue(protocol.events().toString(), protocol.events().containsAll(List.of("bind nicA [0]", "bind nicB [0]")));
            assertEquals(AdapterPhase.P2_OPERATIONAL, runtime.adapter("nicA").orElseThrow().phase());
            assertEquals("nicA [ne2000]", runtime.adapter("nicA").orElseThrow().device());
            assertEquals(List.of(new IoClaim(new IoPortRange(0x300, 0x20), "nicA", "nicA"),
                    new IoClaim(new IoPortRange(0x320, 0x20), "nicB", "nicB")), space.claims());

            OidRequest address = OidRequest.query(Ne2000Miniport.OID_802_3_CURRENT_ADDRESS, 0, 6);
            assertEquals(NdisStatus.SUCCESS, protocol.oid("nicB", address));
            assertArrayEquals(MAC_B, (byte[]) address.informationBuffer());

            exchange(protocol, 0, 0);

            int portA = createVlanPort(protocol, "nicA");
            int portB = createVlanPort(protocol, "nicB");
            assertEquals(1, portA);
            assertEquals(1, portB);
            await(() -> protocol.events().containsAll(List.of("port-activation nicA [1]", "port-activation nicB [1]")),
                    "port 1 activated on both cards", () -> " " + protocol.events());
            // protocols hear of the activation inside NdisMNetPnPEvent, before the port turns ACTIVATED (D32)
            awaitEquals("port 1 of nicA", PortState.ACTIVATED, () -> runtime.adapter("nicA").orElseThrow().port(1).state());
            awaitEquals("port 1 of nicB", PortState.ACTIVATED, () -> runtime.adapter("nicB").orElseThrow().port(1).state());

            awaitVlanPath(protocol, "nicA", portA, "nicB", portB);
            awaitVlanPath(protocol, "nicB", portB, "nicA", portA);
            exchange(protocol, portA, portB);
            assertEquals("the VLAN's frames never reach the default port", 0, protocol.waitingFrames("nicB", 0));

            deleteVlanPort(protocol, "nicA", portA);
            deleteVlanPort(protocol, "nicB", portB);
            await(() -> protocol.events().containsAll(List.of("port-deactivation nicA [1]", "port-deactivation nicB [1]")),
                    "port 1 deactivated on both cards", () -> " " + protocol.events());
            await(() -> runtime.adapter("nicA").orElseThrow().port(1) == null
                    && runtime.adapter("nicB").orElseThrow().port(1) == null, "port 1 freed on both cards");

            nicA.delete();
            nicB.delete();
            await(() -> runtime.adapters().isEmpty(), "both adapters halted and removed");
            assertTrue(protocol.events().toString(), protocol.events().containsAll(List.of("unbind nicA", "unbind nicB")));
            assertEquals("no claim outlives its adapter", List.of(), space.claims());
            await(() -> in.events().about("nicA").contains("phase nicA P4_HALTED"), "nicA halted (EventAdmin)");
            assertEquals("verifier", List.of(), runtime.verifier().violations());
            assertEquals("findings posted to EventAdmin", List.of(), in.events().findings());
        }
    }

    /** One frame from A to B and one from B to A, on the given ports, arriving byte for byte. */
    private static void exchange(FrameProtocol protocol, int portA, int portB) throws InterruptedException {
        byte[] ab = Frames.ethernet(MAC_B, MAC_A, 100 + portA, portA);
        assertEquals(NdisStatus.SUCCESS, protocol.send("nicA", portA, ab));
        assertArrayEquals("nicA port " + portA + " -> nicB port " + portB, ab, nextNonWarmUp(protocol, "nicB", portB));
        byte[] ba = Frames.ethernet(MAC_A, MAC_B, 200 + portB, portB + 50);
        assertEquals(NdisStatus.SUCCESS, protocol.send("nicB", portB, ba));
        assertArrayEquals("nicB port " + portB + " -> nicA port " + portA, ba, nextNonWarmUp(protocol, "nicA", portA));
    }

    /** The next frame on the port that is not a late warm-up frame ({@link #WARM_UP_LENGTH} bytes). */
    private static byte[] nextNonWarmUp(FrameProtocol protocol, String adapter, int port) throws InterruptedException {
        byte[] f;
        do {
            f = protocol.nextFrame(adapter, port);
        } while (f != null && f.length == WARM_UP_LENGTH);
        return f;
    }

    /**
     * Sends warm-up frames from one card's VLAN port until one arrives at the other's. Protocols hear of
     * an activation inside NdisMNetPnPEvent, before the receiving driver has put the VLAN in its receive
     * table (it may not indicate on a port still ACTIVATING, R18), so the first frames may be dropped by
     * the receiving card, as on a real network. The card receives in order, so once one warm-up frame is
     * in, no earlier one can arrive later; a later one may, and {@link #nextNonWarmUp} skips it.
     */
    private static void awaitVlanPath(FrameProtocol protocol, String from, int fromPort, String to, int toPort)
            throws InterruptedException {
        byte[] destination = to.equals("nicA") ? MAC_A : MAC_B;
        byte[] source = from.equals("nicA") ? MAC_A : MAC_B;
        for (int attempt = 0; attempt < 50; attempt++) {
            assertEquals(NdisStatus.SUCCESS, protocol.send(from, fromPort, Frames.ethernet(destination, source, WARM_UP_LENGTH, attempt)));
            if (protocol.nextFrame(to, toPort, 200) != null) {
                protocol.drop(to, toPort);
                return;
            }
        }
        throw new AssertionError("no frame from " + from + " port " + fromPort + " reached " + to + " port " + toPort);
    }

    private static int createVlanPort(FrameProtocol protocol, String adapter) throws InterruptedException {
        OidRequest create = OidRequest.set(Ne2000Miniport.OID_SAMPLE_CREATE_VLAN_PORT, 0, VLAN, Integer.BYTES);
        assertEquals("create VLAN port on " + adapter, NdisStatus.SUCCESS, protocol.oid(adapter, create));
        return (Integer) create.informationBuffer();
    }

    private static void deleteVlanPort(FrameProtocol protocol, String adapter, int port) throws InterruptedException {
        OidRequest delete = OidRequest.set(Ne2000Miniport.OID_SAMPLE_DELETE_VLAN_PORT, 0, port, Integer.BYTES);
        assertEquals("delete VLAN port on " + adapter, NdisStatus.SUCCESS, protocol.oid(adapter, delete));
    }
}
