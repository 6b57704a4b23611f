package org.ndisport.sample.ne2000;

import static org.ndisport.testkit.Frames.ethernet;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.data.NetBufferList;
import org.ndisport.api.data.OidRequest;
import org.ndisport.api.io.IoClaim;
import org.ndisport.api.io.IoPortRange;
import org.ndisport.api.io.IoPortSpace;
import org.ndisport.api.pnp.NetPnPEvent;
import org.ndisport.api.pnp.NetPnPEventCode;
import org.ndisport.api.pnp.NetPnPEventNotification;
import org.ndisport.api.port.NdisPort;
import org.ndisport.api.protocol.BindParameters;
import org.ndisport.api.protocol.ProtocolBindingHandle;
import org.ndisport.api.protocol.ProtocolDriver;
import org.ndisport.api.protocol.ProtocolDriverProperties;
import org.ndisport.api.runtime.NdisRuntime;
import org.ndisport.api.runtime.PortState;
import org.ndisport.api.runtime.Violation;
import org.ndisport.core.testing.FelixHarness;

/**
 * End to end in a real Felix: two NE2000 devices on one segment from ConfigAdmin, each driven by the
 * sample driver bundle; a protocol bound to the first sends frames to the second's MAC and a protocol
 * bound to the second receives them byte for byte. Then the second device's configuration is deleted
 * (surprise removal) and the I/O claims follow the adapters. A second test creates VLAN ports through
 * the sample's vendor OIDs and exchanges frames on them.
 */
class Ne2000InFelixIT {
    private static final long WAIT = FelixHarness.WAIT_SECONDS;
    private FelixHarness felix;

    /**
     * A protocol that keeps its bindings by adapter, copies received frames (by adapter, and by adapter
     * and port) and returns them at once, logs port events and awaits pended OIDs.
     */
    static final class WireProtocol implements ProtocolDriver {
        final Map<String, ProtocolBindingHandle> bindings = new ConcurrentHashMap<>();
        final Map<String, BlockingQueue<byte[]>> received = new ConcurrentHashMap<>();
        final BlockingQueue<String> log = new LinkedBlockingQueue<>();
        final BlockingQueue<NdisStatus> completions = new LinkedBlockingQueue<>();
        final Map<OidRequest, BlockingQueue<NdisStatus>> pended = new ConcurrentHashMap<>();

        BlockingQueue<byte[]> receivedOn(String adapter) {
            return received.computeIfAbsent(adapter, a -> new LinkedBlockingQueue<>());
        }

        BlockingQueue<byte[]> receivedOn(String adapter, int port) {
            return received.computeIfAbsent(adapter + "/" + port, a -> new LinkedBlockingQueue<>());
        }

        /** An OID on port 0 of the binding to {@code adapter}; a PENDING answer is awaited. */
        NdisStatus oid(String adapter, OidRequest request) throws InterruptedException {
            BlockingQueue<NdisStatus> done = new LinkedBlockingQueue<>();
            pended.put(request, done);
            try {
                NdisStatus status = bindings.get(adapter).oidRequest(request);
                return status == NdisStatus.PENDING ? done.poll(WAIT, TimeUnit.SECONDS) : status;
            } finally {
                pended.remove(request);
            }
        }

        @Override
        public void oidRequestComplete(ProtocolBindingHandle binding, OidRequest request, NdisStatus status) {
            BlockingQueue<NdisStatus> done = pended.get(request);
            if (done != null) {
                done.add(status);
            }
        }

        @Override
        public NdisStatus bindAdapter(ProtocolBindingHandle binding, BindParameters parameters) {
            bindings.put(binding.adapterName(), binding);
            log.add("bind " + binding.adapterName() + " port " + parameters.activePorts().portCharacteristics().portNumber());
            return NdisStatus.SUCCESS;
        }

        @Override
        public void unbindAdapter(ProtocolBindingHandle binding) {
            bindings.remove(binding.adapterName());
            log.add("unbind " + binding.adapterName());
        }

        @Override
        public NdisStatus netPnPEvent(ProtocolBindingHandle binding, NetPnPEventNotification notification) {
            NetPnPEvent event = notification.netPnPEvent();
            String ports = event.buffer() instanceof int[] numbers ? Arrays.toString(numbers)
                    : ((NdisPort) event.buffer()).toList(100).stream().map(p -> p.portCharacteristics().portNumber())
                            .toList().toString();
            log.add(NetPnPEventCode.fromCode(event.netEvent()).orElseThrow() + " " + binding.adapterName() + " " + ports);
            return NdisStatus.SUCCESS;
        }

        @Override
        public void receiveNetBufferLists(ProtocolBindingHandle binding, NetBufferList lists, int portNumber,
                int numberOfLists, int receiveFlags) {
            for (NetBufferList l = lists; l != null; l = l.next()) {
                receivedOn(binding.adapterName()).add(l.frameBytes());
                receivedOn(binding.adapterName(), portNumber).add(l.frameBytes());
            }
            binding.returnNetBufferLists(lists, 0);
        }

        @Override
        public void sendNetBufferListsComplete(ProtocolBindingHandle binding, NetBufferList lists, int flags) {
            for (NetBufferList l = lists; l != null; l = l.next()) {
                completions.add(l.status());
            }
        }
    }

    @BeforeEach
    void start() throws Exception {
        List<String> keys = new ArrayList<>(FelixHarness.RUNTIME);
        keys.addAll(List.of("log", "metatype", "core", "binding", "ioport", "ne2000"));
        felix = new FelixHarness(keys);
    }

    @AfterEach
    void stop() throws Exception {
        felix.close();
    }

    private Object configureNic(String name, int base, int irq, String mac) throws Exception {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("name", name);
        props.put("type", "ne2000");
        props.put("io.base", base);
        props.put("irq", irq);
        props.put("mac", mac);
        props.put("segment", "lan0");
        return felix.createFactoryConfiguration("org.ndisport.ioport.device", props);
    }

    private WireProtocol protocol(String name) {
        WireProtocol p = new WireProtocol();
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(ProtocolDriverProperties.PROTOCOL_NAME, name);
        felix.context().registerService(ProtocolDriver.class, p, props);
        return p;
    }

    @Test
    @DisplayName("two NE2000s on one segment: frames sent by a protocol on the first arrive byte for byte at a protocol on the second")
    void twoCards_framesByteForByte() throws Exception {
        NdisRuntime runtime = felix.waitFor(NdisRuntime.class);
        IoPortSpace space = felix.waitFor(IoPortSpace.class);
        WireProtocol sender = protocol("sender");
        WireProtocol receiver = protocol("receiver");
        configureNic("nicA", 0x300, 10, "02:00:00:00:00:0a");
        Object configB = configureNic("nicB", 0x320, 11, "02:00:00:00:00:0b");
        FelixHarness.awaitTrue(() -> sender.bindings.containsKey("nicA") && receiver.bindings.containsKey("nicB"),
                "both protocols bound to both adapters");

        OidRequest query = OidRequest.query(Ne2000Miniport.OID_802_3_CURRENT_ADDRESS, 0, 6);
        assertEquals(NdisStatus.SUCCESS, receiver.bindings.get("nicB").oidRequest(query));
        byte[] macB = (byte[]) query.informationBuffer();
        assertArrayEquals(new byte[] {2, 0, 0, 0, 0, 0x0B}, macB);

        ProtocolBindingHandle out = sender.bindings.get("nicA");
        for (int n = 0; n < 50; n++) {
            byte[] frame = new byte[64 + n * 29];
            System.arraycopy(macB, 0, frame, 0, 6);
            frame[6] = 2;
            frame[11] = 0x0A;
            for (int i = 12; i < frame.length; i++) {
                frame[i] = (byte) (n ^ i);
            }
            out.sendNetBufferLists(NetBufferList.copyOf(frame), 0, 0);
            assertEquals(NdisStatus.SUCCESS, sender.completions.poll(WAIT, TimeUnit.SECONDS), "send " + n);
            byte[] got = receiver.receivedOn("nicB").poll(WAIT, TimeUnit.SECONDS);
            assertNotNull(got, "frame " + n);
            assertArrayEquals(frame, got, "frame " + n);
        }
        assertTrue(receiver.receivedOn("nicA").isEmpty());
        assertEquals(List.of(new IoClaim(new IoPortRange(0x300, 0x20), "nicA", "nicA"),
                new IoClaim(new IoPortRange(0x320, 0x20), "nicB", "nicB")), space.claims());
        assertEquals("nicB [ne2000]", runtime.adapter("nicB").orElseThrow().device());

        configB.getClass().getMethod("delete").invoke(configB);
        FelixHarness.awaitTrue(() -> runtime.adapter("nicB").isEmpty(), "nicB surprise-removed");
        assertTrue(receiver.log.contains("unbind nicB"));
        assertEquals(List.of(new IoClaim(new IoPortRange(0x300, 0x20), "nicA", "nicA")), space.claims());
        assertTrue(sender.bindings.containsKey("nicA"));
        List<String> rules = runtime.verifier().violations().stream().map(Violation::ruleId).toList();
        assertEquals(List.of(), rules, "the probes use NdisImmediateReadPortUchar: no D28");
    }


    private static void send(WireProtocol p, String adapter, int port, byte[] frame) throws InterruptedException {
        p.bindings.get(adapter).sendNetBufferLists(NetBufferList.copyOf(frame), port, 0);
        assertEquals(NdisStatus.SUCCESS, p.completions.poll(WAIT, TimeUnit.SECONDS), "send on " + adapter + " port " + port);
    }

    /** Creates VLAN {@code vlanId} through the vendor OID on port 0 and waits for its activation event. */
    private static int createVlan(WireProtocol p, String adapter, int vlanId) throws InterruptedException {
        OidRequest create = OidRequest.set(Ne2000Miniport.OID_SAMPLE_CREATE_VLAN_PORT, 0, vlanId, Integer.BYTES);
        assertEquals(NdisStatus.SUCCESS, p.oid(adapter, create), "create VLAN " + vlanId + " on " + adapter);
        int port = (Integer) create.informationBuffer();
        String event = "PORT_ACTIVATION " + adapter + " [" + port + "]";
        FelixHarness.awaitTrue(() -> p.log.contains(event), event);
        return port;
    }

    @Test
    @DisplayName("R57 R40 D22 D34 VLAN ports through the vendor OIDs: created and activated on both cards, frames both ways untagged at the protocol, "
            + "an unknown VLAN dropped, deleted and deactivated, and a removal with a VLAN port active halts cleanly")
    void vlanPorts_throughVendorOids_verifierClean() throws Exception {
        NdisRuntime runtime = felix.waitFor(NdisRuntime.class);
        WireProtocol p = protocol("vlan");
        Object configA = configureNic("nicA", 0x300, 10, "02:00:00:00:00:0a");
        Object configB = configureNic("nicB", 0x320, 11, "02:00:00:00:00:0b");
        FelixHarness.awaitTrue(() -> p.bindings.containsKey("nicA") && p.bindings.containsKey("nicB"), "bound to both");
        byte[] macA = {2, 0, 0, 0, 0, 0x0A};
        byte[] macB = {2, 0, 0, 0, 0, 0x0B};

        assertEquals(1, createVlan(p, "nicA", 5));
        assertEquals(1, createVlan(p, "nicB", 5));
        assertEquals(PortState.ACTIVATED, runtime.adapter("nicA").orElseThrow().port(1).state());
        assertEquals(PortState.ACTIVATED, runtime.adapter("nicB").orElseThrow().port(1).state());
        for (int n = 0; n < 10; n++) {
            byte[] ab = ethernet(macB, macA, 60 + n * 145, n);
            send(p, "nicA", 1, ab);
            assertArrayEquals(ab, p.receivedOn("nicB", 1).poll(WAIT, TimeUnit.SECONDS), "A->B on VLAN 5, frame " + n);
            byte[] ba = ethernet(macA, macB, 60 + n * 145, n + 100);
            send(p, "nicB", 1, ba);
            assertArrayEquals(ba, p.receivedOn("nicA", 1).poll(WAIT, TimeUnit.SECONDS), "B->A on VLAN 5, frame " + n);
        }
        byte[] plain = ethernet(macB, macA, 300, 7);
        send(p, "nicA", 0, plain);
        assertArrayEquals(plain, p.receivedOn("nicB", 0).poll(WAIT, TimeUnit.SECONDS), "port 0 to port 0");

        assertEquals(2, createVlan(p, "nicA", 7));
        send(p, "nicA", 2, ethernet(macB, macA, 100, 9));
        byte[] marker = ethernet(macB, macA, 120, 10);
        send(p, "nicA", 0, marker);
        assertArrayEquals(marker, p.receivedOn("nicB", 0).poll(WAIT, TimeUnit.SECONDS), "marker after the VLAN 7 frame");
        assertEquals(12, p.receivedOn("nicB").size(), "10 frames on VLAN 5, 2 on port 0; the VLAN 7 frame was dropped");
        assertTrue(p.receivedOn("nicB", 1).isEmpty());

        OidRequest delete = OidRequest.set(Ne2000Miniport.OID_SAMPLE_DELETE_VLAN_PORT, 0, 1, Integer.BYTES);
        assertEquals(NdisStatus.SUCCESS, p.oid("nicA", delete));
        FelixHarness.awaitTrue(() -> p.log.contains("PORT_DEACTIVATION nicA [1]"), "port 1 of nicA deactivated");
        FelixHarness.awaitTrue(() -> runtime.adapter("nicA").orElseThrow().port(1) == null, "port 1 of nicA freed");
        assertEquals(PortState.ACTIVATED, runtime.adapter("nicA").orElseThrow().port(2).state());

        configA.getClass().getMethod("delete").invoke(configA);
        configB.getClass().getMethod("delete").invoke(configB);
        FelixHarness.awaitTrue(() -> runtime.adapters().isEmpty(), "both adapters halted with a VLAN port active");
        assertTrue(p.log.containsAll(List.of("unbind nicA", "unbind nicB")));
        assertEquals(List.of(), runtime.verifier().violations());
    }
}
