package org.ndisport.sample.ne2000;

import static org.ndisport.testkit.Frames.ethernet;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.binding.BindableAdapter;
import org.ndisport.api.data.NetBufferList;
import org.ndisport.api.data.OidRequest;
import org.ndisport.api.io.HardwareDevice;
import org.ndisport.api.miniport.HaltAction;
import org.ndisport.api.miniport.MiniportAttributes;
import org.ndisport.api.runtime.AdapterPhase;
import org.ndisport.api.runtime.AdapterSpec;
import org.ndisport.core.adapter.internal.AdapterRuntime;
import org.ndisport.core.adapter.internal.EngineFixture;
import org.ndisport.core.adapter.internal.ScriptedMiniport;
import org.ndisport.ioport.ethernet.internal.EthernetSegment;
import org.ndisport.ioport.ne2000.internal.Ne2000;
import org.ndisport.ioport.space.internal.PortSpace;

/** The sample driver on the real engine, I/O port space and NE2000 cards, with a tap in place of the binding layer. */
class Ne2000MiniportTest {
    private static final byte[] MAC_A = {0x02, 0, 0, 0, 0x20, 0x0A};
    private static final byte[] MAC_B = {0x02, 0, 0, 0, 0x20, 0x0B};

    private final EngineFixture fx = new EngineFixture();
    private final PortSpace space = new PortSpace();
    private final EthernetSegment wire = new EthernetSegment("lan0");
    private final TapSink tap = new TapSink();
    private final Ne2000Miniport driver = new Ne2000Miniport();
    private final List<AdapterRuntime> adapters = new ArrayList<>();


    Ne2000MiniportTest() {
        fx.context.ioPortSpace(space);
        fx.context.sink(tap);
    }

    private Card card(String name, int base, byte[] mac, int irq) {
        return Card.plugged(name, base, mac, irq, space, wire);
    }

    private AdapterRuntime adapter(HardwareDevice device) {
        AdapterRuntime a = new AdapterRuntime(AdapterSpec.hardware(device, driver, "ne2000", "sample.ne2000"),
                fx.context);
        adapters.add(a);
        return a;
    }

    @AfterEach
    void haltAll() {
        adapters.forEach(a -> a.halt(HaltAction.DEVICE_DISABLED));
    }

    @Test
    @DisplayName("end to end: a frame sent on adapter A reaches adapter B's protocol byte for byte, and its send completes")
    void frameFromAToB_byteForByte() throws Exception {
        AdapterRuntime a = adapter(card("nicA", 0x300, MAC_A, 10));
        AdapterRuntime b = adapter(card("nicB", 0x320, MAC_B, 11));
        assertEquals(NdisStatus.SUCCESS, a.initialize());
        assertEquals(NdisStatus.SUCCESS, b.initialize());
        BindableAdapter sender = tap.ready.get("nicA");
        BindableAdapter receiver = tap.ready.get("nicB");
        assertNotNull(sender);
        assertNotNull(receiver);

        OidRequest query = OidRequest.query(Ne2000Miniport.OID_802_3_CURRENT_ADDRESS, 0, 6);
        assertEquals(NdisStatus.SUCCESS, receiver.oidRequest(query));
        byte[] destination = (byte[]) query.informationBuffer();
        assertArrayEquals(MAC_B, destination);

        for (int n = 0; n < 200; n++) {
            byte[] frame = new byte[60 + (n * 37) % 1400];
            System.arraycopy(destination, 0, frame, 0, 6);
            System.arraycopy(MAC_A, 0, frame, 6, 6);
            for (int i = 12; i < frame.length; i++) {
                frame[i] = (byte) (i * 31 + n);
            }
            sender.sendNetBufferLists(NetBufferList.copyOf(frame), 0, 0);
            assertEquals(NdisStatus.SUCCESS, tap.sendCompletions.poll(10, TimeUnit.SECONDS), "completion " + n);
            assertArrayEquals(frame, tap.framesOf("nicB").poll(10, TimeUnit.SECONDS), "frame " + n);
        }
        assertTrue(tap.framesOf("nicA").isEmpty());
        assertEquals(200, wire.frames());
        assertEquals(2, space.claims().size());
        a.halt(HaltAction.DEVICE_DISABLED);
        b.halt(HaltAction.DEVICE_SURPRISE_REMOVED);
        assertEquals(List.of(), space.claims());
        assertEquals(List.of(), fx.ruleIds(), "the probes use NdisImmediateReadPortUchar (N22): nothing recorded");
    }

    @Test
    @DisplayName("N22 probe: no card at the assigned base reads 0xFF through NdisImmediateReadPortUchar; initialize fails with ADAPTER_NOT_FOUND having claimed nothing, no D28")
    void absentCard_adapterNotFound() {
        HardwareDevice ghost = new Card("ghost", new Ne2000(0x340, MAC_A, wire), 0x340, 10);
        AdapterRuntime a = adapter(ghost);
        assertEquals(NdisStatus.ADAPTER_NOT_FOUND, a.initialize());
        assertEquals(AdapterPhase.P4_HALTED, a.view().phase());
        assertEquals(List.of(), space.claims());
        assertEquals(List.of(), fx.ruleIds());
    }

    @Test
    @DisplayName("R65 a conflicting claim: RESOURCE_CONFLICT is passed up as the failure and nothing is left behind (no R65, no R71)")
    void r65_claimConflict_failsCleanly() {
        Card card = card("nicA", 0x300, MAC_A, 10);
        ScriptedMiniport squatter = new ScriptedMiniport();
        squatter.onInitialize = h -> {
            h.setMiniportAttributes(MiniportAttributes.registration());
            return h.registerIoPortRange(0x310, 4).status();
        };
        squatter.onHalt = h -> { };
        AdapterRuntime other = fx.adapter("squatter", squatter);
        assertEquals(NdisStatus.SUCCESS, other.initialize());
        AdapterRuntime a = adapter(card);
        assertEquals(NdisStatus.RESOURCE_CONFLICT, a.initialize());
        assertEquals(List.of(), fx.ruleIds());
        assertEquals(1, space.claims().size());
        other.halt(HaltAction.DEVICE_DISABLED);
    }

    @Test
    @DisplayName("R71 a bring-up failing after the claim (no interrupt line) releases the range first: no R71, no N23")
    void r71_noInterruptLine_releasesRange() {
        AdapterRuntime a = adapter(card("nicA", 0x300, MAC_A, -1));
        assertEquals(NdisStatus.FAILURE, a.initialize());
        assertEquals(List.of(), space.claims());
        assertEquals(List.of(), fx.ruleIds());
    }

    @Test
    @DisplayName("R70 halt stops the card, deregisters the interrupt and the range: nothing reported, the card is stopped")
    void r70_haltReleasesEverything() {
        Card card = card("nicA", 0x300, MAC_A, 10);
        AdapterRuntime a = adapter(card);
        assertEquals(NdisStatus.SUCCESS, a.initialize());
        assertEquals(0x22, card.nic().read(0x300, org.ndisport.api.io.IoWidth.BYTE) & 0x23);
        a.halt(HaltAction.DEVICE_DISABLED);
        assertEquals(0x21, card.nic().read(0x300, org.ndisport.api.io.IoWidth.BYTE) & 0x23);
        assertEquals(List.of(), space.claims());
        assertEquals(List.of(), fx.ruleIds());
    }


    @Test
    @DisplayName("a chain of 20 lists in one send is queued and transmitted in order; every list completes once")
    void burstOfSends_queuedInOrder() throws Exception {
        AdapterRuntime a = adapter(card("nicA", 0x300, MAC_A, 10));
        AdapterRuntime b = adapter(card("nicB", 0x320, MAC_B, 11));
        a.initialize();
        b.initialize();
        NetBufferList head = null;
        List<byte[]> sent = new ArrayList<>();
        for (int n = 19; n >= 0; n--) {
            byte[] f = ethernet(MAC_B, MAC_A, 100 + n, n);
            sent.add(0, f);
            head = NetBufferList.copyOf(f).next(head);
        }
        tap.ready.get("nicA").sendNetBufferLists(head, 0, 0);
        for (int n = 0; n < 20; n++) {
            assertEquals(NdisStatus.SUCCESS, tap.sendCompletions.poll(10, TimeUnit.SECONDS), "completion " + n);
            assertArrayEquals(sent.get(n), tap.framesOf("nicB").poll(10, TimeUnit.SECONDS), "frame " + n);
        }
        assertEquals(null, tap.sendCompletions.poll(50, TimeUnit.MILLISECONDS));
    }

    @Test
    @DisplayName("traffic both ways at once from two threads: every send completes; each card receives the other's frames once, in order, or counts them as missed when its ring was full")
    void bothDirectionsAtOnce() throws Exception {
        Card cardA = card("nicA", 0x300, MAC_A, 10);
        Card cardB = card("nicB", 0x320, MAC_B, 11);
        AdapterRuntime a = adapter(cardA);
        AdapterRuntime b = adapter(cardB);
        a.initialize();
        b.initialize();
        int count = 300;
        Thread ab = new Thread(() -> sendAll(tap.ready.get("nicA"), MAC_B, MAC_A, count));
        Thread ba = new Thread(() -> sendAll(tap.ready.get("nicB"), MAC_A, MAC_B, count));
        ab.start();
        ba.start();
        ab.join();
        ba.join();
        for (int n = 0; n < 2 * count; n++) {
            assertEquals(NdisStatus.SUCCESS, tap.sendCompletions.poll(10, TimeUnit.SECONDS), "completion " + n);
        }
        assertDeliveredInOrder(tap.framesOf("nicB"), MAC_B, MAC_A, count, cardB.nic().missedFrames() + dropped(b));
        assertDeliveredInOrder(tap.framesOf("nicA"), MAC_A, MAC_B, count, cardA.nic().missedFrames() + dropped(a));
        assertEquals(List.of(), fx.ruleIds());
    }

    private static void assertDeliveredInOrder(java.util.concurrent.BlockingQueue<byte[]> queue, byte[] to, byte[] from,
            int count, long missed) throws InterruptedException {
        int received = 0;
        int last = -1;
        for (byte[] f = queue.poll(1, TimeUnit.SECONDS); f != null; f = queue.poll(200, TimeUnit.MILLISECONDS)) {
            int n = f.length - 60;
            assertTrue(n > last, "frame " + n + " after " + last);
            assertArrayEquals(ethernet(to, from, 60 + n, n), f, "frame " + n);
            last = n;
            received++;
        }
        assertEquals(count, received + missed, received + " received, " + missed + " missed");
    }

    private static long dropped(AdapterRuntime adapter) {
        return ((Ne2000Adapter) adapter.handle().context()).droppedFrames();
    }

    private static void sendAll(BindableAdapter from, byte[] to, byte[] self, int count) {
        for (int n = 0; n < count; n++) {
            from.sendNetBufferLists(NetBufferList.copyOf(ethernet(to, self, 60 + n, n)), 0, 0);
        }
    }
}
