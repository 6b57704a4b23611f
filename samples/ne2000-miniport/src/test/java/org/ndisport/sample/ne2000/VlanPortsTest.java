package org.ndisport.sample.ne2000;

import static org.ndisport.testkit.Frames.ethernet;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.binding.BindableAdapter;
import org.ndisport.api.data.NetBufferList;
import org.ndisport.api.data.OidRequest;
import org.ndisport.api.data.OidRequestType;
import org.ndisport.api.miniport.HaltAction;
import org.ndisport.api.runtime.AdapterSpec;
import org.ndisport.api.runtime.PortState;
import org.ndisport.core.adapter.internal.AdapterRuntime;
import org.ndisport.core.adapter.internal.EngineFixture;
import org.ndisport.ioport.ethernet.internal.EthernetSegment;
import org.ndisport.ioport.ethernet.internal.Station;
import org.ndisport.ioport.space.internal.PortSpace;

/**
 * The sample's VLAN ports on the real engine, I/O port space and NE2000 cards, with a tap in place of
 * the binding layer and a station on the wire that records (and injects) raw frames.
 */
class VlanPortsTest {
    private static final byte[] MAC_A = {0x02, 0, 0, 0, 0x30, 0x0A};
    private static final byte[] MAC_B = {0x02, 0, 0, 0, 0x30, 0x0B};
    private static final int CREATE = Ne2000Miniport.OID_SAMPLE_CREATE_VLAN_PORT;
    private static final int DELETE = Ne2000Miniport.OID_SAMPLE_DELETE_VLAN_PORT;

    private final EngineFixture fx = new EngineFixture();
    private final PortSpace space = new PortSpace();
    private final EthernetSegment wire = new EthernetSegment("lan0");
    private final TapSink tap = new TapSink();
    private final WireTap onWire = new WireTap();
    private final List<AdapterRuntime> adapters = new ArrayList<>();

    /** A station that keeps a copy of every frame it hears. */
    static final class WireTap implements Station {
        final BlockingQueue<byte[]> frames = new LinkedBlockingQueue<>();

        @Override
        public void frameOnWire(byte[] frame, int length) {
            frames.add(Arrays.copyOf(frame, length));
        }
    }


    VlanPortsTest() {
        fx.context.ioPortSpace(space);
        fx.context.sink(tap);
        wire.attach(onWire);
    }

    @AfterEach
    void haltAll() {
        adapters.forEach(a -> a.halt(HaltAction.DEVICE_DISABLED));
    }

    private Card card(String name, int base, byte[] mac, int irq) {
        return Card.plugged(name, base, mac, irq, space, wire);
    }

    private AdapterRuntime running(Card card) {
        AdapterRuntime a = new AdapterRuntime(AdapterSpec.hardware(card, new Ne2000Miniport(), "ne2000",
                "sample.ne2000"), fx.context);
        adapters.add(a);
        assertEquals(NdisStatus.SUCCESS, a.initialize());
        return a;
    }

    private AdapterRuntime nicA() {
        return running(card("nicA", 0x300, MAC_A, 10));
    }

    private AdapterRuntime nicB() {
        return running(card("nicB", 0x320, MAC_B, 11));
    }

    private BindableAdapter bound(AdapterRuntime a) {
        return tap.ready.get(a.name());
    }

    /** Issues the request; a PENDING answer is awaited. */
    private NdisStatus oid(AdapterRuntime a, OidRequest request) throws InterruptedException {
        NdisStatus status = bound(a).oidRequest(request);
        return status == NdisStatus.PENDING ? tap.awaitCompletion(request) : status;
    }

    /** Creates a VLAN port and waits for its activation; returns its number. */
    private int createVlan(AdapterRuntime a, int vlanId) throws InterruptedException {
        OidRequest create = OidRequest.set(CREATE, 0, vlanId, Integer.BYTES);
        assertEquals(NdisStatus.SUCCESS, oid(a, create), "create VLAN " + vlanId);
        int port = (Integer) create.informationBuffer();
        assertEquals(Integer.BYTES, create.bytesWritten());
        assertEquals(a.name() + " PORT_ACTIVATION [" + port + "]", tap.portEvents.poll(10, TimeUnit.SECONDS));
        await(() -> a.view().port(port).state() == PortState.ACTIVATED, "port " + port + " activated");
        return port;
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
            TimeUnit.MILLISECONDS.sleep(5);
        }
    }


    private NdisStatus send(AdapterRuntime a, int port, byte[] frame) throws InterruptedException {
        bound(a).sendNetBufferLists(NetBufferList.copyOf(frame), port, 0);
        return tap.sendCompletions.poll(10, TimeUnit.SECONDS);
    }

    @Test
    @DisplayName("OID arguments are checked at once: request type, port, buffer length, type and VLAN id range, duplicates, unknown ports")
    void oidArguments_checkedAtOnce() throws Exception {
        AdapterRuntime a = nicA();
        BindableAdapter b = bound(a);
        assertEquals(NdisStatus.NOT_SUPPORTED, b.oidRequest(new OidRequest(OidRequestType.QUERY_INFORMATION, CREATE, 0,
                null, 4)));
        assertEquals(NdisStatus.NOT_SUPPORTED, b.oidRequest(OidRequest.set(CREATE, 3, 5, 4)), "not on port 0");
        OidRequest shortBuffer = OidRequest.set(CREATE, 0, 5, 2);
        assertEquals(NdisStatus.BUFFER_TOO_SHORT, b.oidRequest(shortBuffer));
        assertEquals(4, shortBuffer.bytesNeeded());
        assertEquals(NdisStatus.INVALID_DATA, b.oidRequest(OidRequest.set(CREATE, 0, new byte[] {5, 0, 0, 0}, 4)));
        assertEquals(NdisStatus.INVALID_DATA, b.oidRequest(OidRequest.set(CREATE, 0, null, 4)));
        for (int bad : new int[] {0, 4095, 4096, -1}) {
            assertEquals(NdisStatus.INVALID_DATA, b.oidRequest(OidRequest.set(CREATE, 0, bad, 4)), "VLAN " + bad);
        }
        OidRequest create = OidRequest.set(CREATE, 0, 4094, 4);
        assertEquals(NdisStatus.PENDING, b.oidRequest(create));
        assertEquals(NdisStatus.INVALID_DATA, b.oidRequest(OidRequest.set(CREATE, 0, 4094, 4)), "VLAN 4094 in use");
        assertEquals(NdisStatus.SUCCESS, tap.awaitCompletion(create));
        assertEquals(1, create.informationBuffer());
        assertNotNull(tap.portEvents.poll(10, TimeUnit.SECONDS));

        assertEquals(NdisStatus.INVALID_DATA, b.oidRequest(OidRequest.set(DELETE, 0, 0, 4)), "port 0 is no VLAN port");
        assertEquals(NdisStatus.INVALID_DATA, b.oidRequest(OidRequest.set(DELETE, 0, 2, 4)), "no port 2");
        assertEquals(NdisStatus.INVALID_DATA, b.oidRequest(OidRequest.set(DELETE, 0, "1", 4)));
        assertEquals(NdisStatus.NOT_SUPPORTED, b.oidRequest(OidRequest.set(DELETE, 1, 1, 4)), "not on port 1");
        OidRequest delete = OidRequest.set(DELETE, 0, 1, 4);
        NdisStatus first = b.oidRequest(delete);
        assertTrue(first == NdisStatus.PENDING || first == NdisStatus.SUCCESS,
                "PENDING, or SUCCESS at once while the port thread is still raising the activation: " + first);
        assertEquals(NdisStatus.INVALID_DATA, b.oidRequest(OidRequest.set(DELETE, 0, 1, 4)), "already being deleted");
        assertEquals(NdisStatus.SUCCESS, first == NdisStatus.PENDING ? tap.awaitCompletion(delete) : first);
        assertEquals("nicA PORT_DEACTIVATION [1]", tap.portEvents.poll(10, TimeUnit.SECONDS));
        await(() -> a.view().port(1) == null, "port 1 freed");
        assertEquals(NdisStatus.SUCCESS, oid(a, OidRequest.set(CREATE, 0, 4094, 4)), "VLAN 4094 free again");
        assertEquals(List.of(), fx.ruleIds());
    }

    @Test
    @DisplayName("R57 create completes the OID with the port number first, then activates; delete completes, deactivates and frees; nothing recorded")
    void r57_createAndDelete_eventsFollowCompletion() throws Exception {
        AdapterRuntime a = nicA();
        int port = createVlan(a, 5);
        assertEquals(1, port);
        assertEquals(0, a.view().port(1).type(), "type Undefined");
        assertEquals(2, createVlan(a, 6));
        assertEquals(NdisStatus.SUCCESS, oid(a, OidRequest.set(DELETE, 0, 1, 4)));
        assertEquals("nicA PORT_DEACTIVATION [1]", tap.portEvents.poll(10, TimeUnit.SECONDS));
        await(() -> a.view().port(1) == null, "port 1 freed");
        assertEquals(1, createVlan(a, 5), "the lowest free number again (R5)");
        assertEquals(List.of(), fx.ruleIds());
    }

    @Test
    @DisplayName("a VLAN port's frames go on the wire tagged and arrive untagged on the peer's port of that VLAN; port 0 stays untagged")
    void vlanFrames_taggedOnWire_untaggedAtTheProtocol() throws Exception {
        AdapterRuntime a = nicA();
        AdapterRuntime b = nicB();
        int portA = createVlan(a, 5);
        int portB = createVlan(b, 5);
        for (int length : new int[] {60, 61, 400, 1514}) {
            byte[] ab = ethernet(MAC_B, MAC_A, length, portA);
            assertEquals(NdisStatus.SUCCESS, send(a, portA, ab));
            byte[] tagged = onWire.frames.poll(10, TimeUnit.SECONDS);
            assertNotNull(tagged);
            assertEquals(Math.max(length + 4, 60), tagged.length);
            assertEquals(5, VlanTag.vlanId(tagged, 0, tagged.length));
            assertArrayEquals(ab, tap.framesOf("nicB", portB).poll(10, TimeUnit.SECONDS), "length " + length);
            byte[] ba = ethernet(MAC_A, MAC_B, length, portB);
            assertEquals(NdisStatus.SUCCESS, send(b, portB, ba));
            assertArrayEquals(ba, tap.framesOf("nicA", portA).poll(10, TimeUnit.SECONDS), "length " + length);
            onWire.frames.clear();
        }
        byte[] plain = ethernet(MAC_B, MAC_A, 100, 0);
        assertEquals(NdisStatus.SUCCESS, send(a, 0, plain));
        assertArrayEquals(plain, onWire.frames.poll(10, TimeUnit.SECONDS), "untagged on the wire");
        assertArrayEquals(plain, tap.framesOf("nicB", 0).poll(10, TimeUnit.SECONDS));
        assertTrue(tap.framesOf("nicB", portB).isEmpty());
        assertEquals(NdisStatus.INVALID_PARAMETER, send(a, portA, ethernet(MAC_B, MAC_A, 1515, 0)));
        assertEquals(NdisStatus.INVALID_PORT, send(a, 7, ethernet(MAC_B, MAC_A, 100, 0)));
        assertEquals(List.of(), fx.ruleIds());
    }

    @Test
    @DisplayName("receive: a frame tagged with a VLAN id no activated port carries is dropped and counted; its list goes back to the pool")
    void unknownVlan_droppedAndCounted() throws Exception {
        Card card = card("nicB", 0x320, MAC_B, 11);
        AdapterRuntime b = running(card);
        int port = createVlan(b, 5);
        byte[] payload = ethernet(MAC_B, MAC_A, 200, 1);
        byte[] tagged = new byte[VlanTag.MAX_TAGGED_FRAME];
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 40; i++) {
                wire.send(onWire, tagged, VlanTag.insert(payload, 0, 200, 9, tagged));
            }
            wire.send(onWire, payload, 200);
            assertArrayEquals(payload, tap.framesOf("nicB", 0).poll(10, TimeUnit.SECONDS), "round " + round);
        }
        wire.send(onWire, tagged, VlanTag.insert(payload, 0, 200, 5, tagged));
        assertArrayEquals(payload, tap.framesOf("nicB", port).poll(10, TimeUnit.SECONDS));
        assertEquals(0, card.nic().missedFrames());
        assertEquals(120, ((Ne2000Adapter) b.handle().context()).droppedFrames(),
                "120 frames for VLAN 9, more than the 64 receive lists: each list went back to the pool");
        assertEquals(4, tap.framesOf("nicB").size(), "3 markers on port 0 and the VLAN 5 frame");
        assertEquals(List.of(), fx.ruleIds());
    }

    @Test
    @DisplayName("R40 halt with active VLAN ports deactivates and frees them, on a surprise removal too: nothing recorded")
    void r40_haltWithActiveVlanPorts_clean() throws Exception {
        AdapterRuntime a = nicA();
        AdapterRuntime b = nicB();
        createVlan(a, 5);
        createVlan(a, 7);
        createVlan(b, 5);
        a.halt(HaltAction.DEVICE_DISABLED);
        b.halt(HaltAction.DEVICE_SURPRISE_REMOVED);
        assertEquals(List.of(), space.claims());
        assertEquals(List.of(), fx.ruleIds());
        await(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().startsWith("ne2000-ports-") && t.isAlive()), "port threads ended");
    }

    @Test
    @DisplayName("R2 R40 R57 a create pended just before halt completes (SUCCESS or CLOSING) and halt leaves nothing behind")
    void createThenHalt_clean() throws Exception {
        Card card = card("nicA", 0x300, MAC_A, 10);
        for (int i = 0; i < 20; i++) {
            AdapterRuntime a = running(card);
            OidRequest create = OidRequest.set(CREATE, 0, 5, 4);
            NdisStatus first = bound(a).oidRequest(create);
            a.halt(HaltAction.DEVICE_DISABLED);
            NdisStatus status = first == NdisStatus.PENDING ? tap.awaitCompletion(create) : first;
            assertTrue(status == NdisStatus.SUCCESS || status == NdisStatus.CLOSING, "round " + i + ": " + status);
            assertEquals(List.of(), fx.ruleIds(), "round " + i);
        }
    }

    @Test
    @DisplayName("R57 creates and deletes from eight threads at once: every request succeeds, every port comes and goes, nothing recorded")
    void r57_concurrentRequests_noPortEventWhileAnOidIsPended() throws Exception {
        AdapterRuntime a = nicA();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> created = new ArrayList<>();
            for (int vlan = 1; vlan <= 40; vlan++) {
                int id = vlan;
                created.add(threads.submit(() -> {
                    OidRequest create = OidRequest.set(CREATE, 0, id, 4);
                    assertEquals(NdisStatus.SUCCESS, oid(a, create));
                    return (Integer) create.informationBuffer();
                }));
            }
            Set<Integer> ports = new HashSet<>();
            for (Future<Integer> f : created) {
                ports.add(f.get(10, TimeUnit.SECONDS));
            }
            assertEquals(40, ports.size());
            await(() -> a.view().ports().stream().filter(p -> p.state() == PortState.ACTIVATED).count() == 41,
                    "40 VLAN ports activated");
            List<Future<NdisStatus>> deleted = new ArrayList<>();
            for (int port : ports) {
                deleted.add(threads.submit(() -> oid(a, OidRequest.set(DELETE, 0, port, 4))));
            }
            for (Future<NdisStatus> f : deleted) {
                assertEquals(NdisStatus.SUCCESS, f.get(10, TimeUnit.SECONDS));
            }
            await(() -> a.view().ports().size() == 1, "every VLAN port freed");
            assertNull(a.view().port(1));
            assertEquals(List.of(), fx.ruleIds());
        } finally {
            threads.shutdownNow();
        }
    }
}
