package org.ndisport.binding.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.annotation.Annotation;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.miniport.MiniportDriver;
import org.ndisport.api.miniport.NdisMiniportHandle;
import org.ndisport.api.pnp.NetPnPEventNotification;
import org.ndisport.api.runtime.AdapterSpec;
import org.ndisport.api.runtime.Severity;
import org.ndisport.api.runtime.VerifierMode;
import org.ndisport.api.runtime.Violation;
import org.ndisport.core.adapter.internal.AdapterRuntime;
import org.ndisport.core.adapter.internal.EngineFixture;
import org.ndisport.core.adapter.internal.PortEventTestSupport;
import org.ndisport.core.adapter.internal.ScriptedMiniport;

/**
 * The real engine (synchronous bind thread) with a binding layer as its sink, recording protocols
 * sharing one log, and helpers acting as the miniport.
 */
final class BindingFixture {
    final EngineFixture engine;
    final BindingLayer layer;
    final List<String> log = new CopyOnWriteArrayList<>();
    private long order;

    BindingFixture() {
        this(VerifierMode.REPORT, 30_000);
    }

    BindingFixture(VerifierMode mode, long pnpTimeoutMillis) {
        engine = new EngineFixture(mode);
        layer = new BindingLayer(config(pnpTimeoutMillis));
        engine.context.sink(layer);
    }

    /** A binding-layer configuration with the given PnP timeout. */
    static BindingConfiguration config(long pnpTimeoutMillis) {
        return new BindingConfiguration() {
            @Override
            public long pnp_timeout_ms() {
                return pnpTimeoutMillis;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return BindingConfiguration.class;
            }
        };
    }

    /** The bundle name recorded for protocol {@code name}. */
    static String bundleOf(String name) {
        return "bundle." + name;
    }

    /** Registers a recording protocol; it is bound at once to every ready adapter. */
    RecordingProtocol protocol(String name) {
        RecordingProtocol p = new RecordingProtocol(name, log);
        p.entry = layer.register(p, name, bundleOf(name), order++);
        return p;
    }

    /** An initialized adapter with port 0 active (the scripted default). */
    ScriptedMiniport adapter(String name) {
        ScriptedMiniport m = new ScriptedMiniport();
        AdapterRuntime a = engine.adapter(name, m);
        assertEquals(NdisStatus.SUCCESS, a.initialize(), "initialize " + name);
        return m;
    }

    /** An adapter object, not yet initialized. */
    AdapterRuntime adapter(String name, MiniportDriver driver) {
        return new AdapterRuntime(AdapterSpec.virtual(name, driver, EngineFixture.BUNDLE), engine.context);
    }

    static int allocate(NdisMiniportHandle h) {
        return PortEventTestSupport.allocate(h);
    }

    static void activate(NdisMiniportHandle h, int... ports) {
        PortEventTestSupport.activate(h, ports);
    }

    static void deactivate(NdisMiniportHandle h, int... ports) {
        assertEquals(NdisStatus.SUCCESS, h.netPnPEvent(NetPnPEventNotification.portDeactivation(ports)),
                "deactivation of " + java.util.Arrays.toString(ports));
    }

    List<Violation> records() {
        return engine.verifier.violations();
    }

    List<String> ruleIds() {
        return engine.ruleIds();
    }

    /** Asserts exactly one record, with those fields and the protocol's bundle, and returns it. */
    Violation assertOnlyRecord(String rule, Severity severity, String adapter, long port, String protocol) {
        assertEquals(List.of(rule), ruleIds(), "records: " + records());
        Violation v = records().get(0);
        assertEquals(severity, v.severity(), "severity of " + v);
        assertEquals(adapter, v.adapter(), "adapter of " + v);
        assertEquals(port, v.port(), "port of " + v);
        assertEquals(bundleOf(protocol), v.bundle(), "bundle of " + v);
        return v;
    }

    /** Log entries from index {@code from} on. */
    List<String> logFrom(int from) {
        return List.copyOf(log.subList(from, log.size()));
    }
}
