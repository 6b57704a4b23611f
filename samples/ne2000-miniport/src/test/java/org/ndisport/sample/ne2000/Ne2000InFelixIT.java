package org.ndisport.sample.ne2000;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
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
import org.ndisport.api.pnp.NetPnPEventNotification;
import org.ndisport.api.protocol.BindParameters;
import org.ndisport.api.protocol.ProtocolBindingHandle;
import org.ndisport.api.protocol.ProtocolDriver;
import org.ndisport.api.protocol.ProtocolDriverProperties;
import org.ndisport.api.runtime.NdisRuntime;
import org.ndisport.api.runtime.Violation;
import org.ndisport.core.testing.FelixHarness;

/**
 * End to end in a real Felix: two NE2000 devices on one segment from ConfigAdmin, each driven by the
 * sample driver bundle; a protocol bound to the first sends frames to the second's MAC and a protocol
 * bound to the second receives them byte for byte. Then the second device's configuration is deleted
 * (surprise removal) and the I/O claims follow the adapters.
 */
class Ne2000InFelixIT {
    private static final long WAIT = FelixHarness.WAIT_SECONDS;
    private FelixHarness felix;

    /** A protocol that keeps its bindings by adapter, copies received frames and returns them at once. */
    static final class WireProtocol implements ProtocolDriver {
        final Map<String, ProtocolBindingHandle> bindings = new ConcurrentHashMap<>();
        final Map<String, BlockingQueue<byte[]>> received = new ConcurrentHashMap<>();
        final BlockingQueue<String> log = new LinkedBlockingQueue<>();
        final BlockingQueue<NdisStatus> completions = new LinkedBlockingQueue<>();

        BlockingQueue<byte[]> receivedOn(String adapter) {
            return received.computeIfAbsent(adapter, a -> new LinkedBlockingQueue<>());
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
            return NdisStatus.SUCCESS;
        }

        @Override
        public void receiveNetBufferLists(ProtocolBindingHandle binding, NetBufferList lists, int portNumber,
                int numberOfLists, int receiveFlags) {
            for (NetBufferList l = lists; l != null; l = l.next()) {
                receivedOn(binding.adapterName()).add(l.frameBytes());
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
        assertEquals(List.of("D28", "D28"), rules, "only the probes of unclaimed ports: " + runtime.verifier().violations());
    }
}
