package org.ndisport.webconsole.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.io.IoCaller;
import org.ndisport.api.io.IoPortRange;
import org.ndisport.api.miniport.HaltAction;
import org.ndisport.api.pnp.NetPnPEventNotification;
import org.ndisport.api.port.PortCharacteristics;
import org.ndisport.api.runtime.AdapterControl;
import org.ndisport.api.runtime.AdapterSpec;
import org.ndisport.api.runtime.BindingView;
import org.ndisport.api.runtime.VerifierMode;
import org.ndisport.core.internal.EngineConfiguration;
import org.ndisport.core.internal.NdisEngine;
import org.ndisport.core.internal.TestConfigs;
import org.ndisport.ioport.space.internal.PortSpace;
import org.ndisport.testkit.ScriptedMiniport;

/** The console's JSON and HTML of views of the real engine and the real I/O port space, built with new. */
class ConsoleRenderingTest {
    private static final String NASTY = "<img src=x onerror=alert(1)>&\"'";
    private final NdisEngine engine = new NdisEngine(TestConfigs.engine(VerifierMode.REPORT,
            EngineConfiguration.DEFAULT_PORT_LIMIT));
    private final PortSpace space = new PortSpace();
    private final List<AdapterControl> adapters = new ArrayList<>();

    @AfterEach
    void halt() {
        adapters.forEach(a -> a.halt(HaltAction.DEVICE_STOPPED));
    }

    private ScriptedMiniport adapter(String name) {
        ScriptedMiniport driver = new ScriptedMiniport();
        AdapterControl control = engine.createAdapter(AdapterSpec.virtual(name, driver, "console.test"));
        assertEquals(NdisStatus.SUCCESS, control.initialize());
        adapters.add(control);
        return driver;
    }

    @Test
    void portsShowTheirStateTypeLinkAuthAndCounters() {
        ScriptedMiniport v1 = adapter("v1");
        assertEquals(1, v1.handle().allocatePort(PortCharacteristics.forAllocation()).portNumber());
        assertEquals(2, v1.handle().allocatePort(PortCharacteristics.forAllocation().type(3)).portNumber());
        assertEquals(NdisStatus.SUCCESS, v1.handle().netPnPEvent(NetPnPEventNotification.portActivation(1)));
        ConsoleSnapshot s = ConsoleSnapshot.of(engine, null, space, "");

        String html = ConsoleHtml.render(s);
        assertTrue(html.contains("<tr data-adapter=\"v1\" data-port=\"1\" data-state=\"activated\"><td>1</td>"
                + "<td>activated</td><td>undefined</td><td>unknown</td><td>uncontrolled/uncontrolled unknown/unknown"
                + "</td><td>0</td><td>0</td><td>0</td></tr>"), html);
        assertTrue(html.contains("data-port=\"2\" data-state=\"allocated\"><td>2</td><td>allocated</td>"
                + "<td>ieee8021x_supplicant</td>"), html);
        assertTrue(html.contains("<td>v1</td><td>running</td><td>ScriptedMiniport</td><td>console.test</td>"), html);
        assertTrue(html.contains("no binding layer is running"), html);
        assertTrue(html.contains("no I/O port ranges claimed"), html);

        String json = ConsoleJson.render(s);
        assertTrue(json.startsWith("{\"verifier\":{\"mode\":\"REPORT\",\"total\":"), json);
        assertTrue(json.contains("{\"number\":2,\"state\":\"ALLOCATED\",\"type\":\"ieee8021x_supplicant\","
                + "\"link\":\"unknown\",\"auth\":\"uncontrolled/uncontrolled unknown/unknown\","
                + "\"lastActivationFailed\":false,\"framesSent\":0,\"framesReceived\":0,\"droppedIndications\":0}"),
                json);
        assertTrue(json.contains("\"name\":\"v1\",\"driver\":\"ScriptedMiniport\",\"driverBundle\":\"console.test\","
                + "\"phase\":\"P2_OPERATIONAL\""), json);
        assertTrue(json.contains("\"bindings\":null,\"claims\":[]"), json);
    }

    @Test
    void theDiagramPlacesEachPortInItsStateWithCounts() {
        ScriptedMiniport v1 = adapter("v1");
        v1.handle().allocatePort(PortCharacteristics.forAllocation());
        v1.handle().allocatePort(PortCharacteristics.forAllocation());
        v1.handle().allocatePort(PortCharacteristics.forAllocation());
        v1.handle().netPnPEvent(NetPnPEventNotification.portActivation(2));
        String svg = PortStateDiagram.render(engine.adapter("v1").orElseThrow());
        assertTrue(svg.startsWith("<svg class=\"ndisport-diagram\""), svg);
        assertTrue(svg.contains("data-state=\"ALLOCATED\" data-count=\"2\""), svg);
        assertTrue(svg.contains("data-state=\"ACTIVATED\" data-count=\"2\""), svg);
        assertTrue(svg.contains("data-state=\"ACTIVATING\" data-count=\"0\""), svg);
        assertTrue(svg.contains("data-state=\"DEACTIVATING\" data-count=\"0\""), svg);
        assertTrue(svg.contains(">ports 1 3</text>"), svg);
        assertTrue(svg.contains(">ports 0 2</text>"), svg);
        assertTrue(svg.contains(">ALLOCATED (2)</text>"), svg);
    }

    @Test
    void theDiagramSumsUpPortsBeyondThoseItLists() {
        ScriptedMiniport v1 = adapter("v1");
        for (int i = 0; i < PortStateDiagram.SHOWN_PER_STATE + 2; i++) {
            v1.handle().allocatePort(PortCharacteristics.forAllocation());
        }
        String svg = PortStateDiagram.render(engine.adapter("v1").orElseThrow());
        assertTrue(svg.contains(">ports 1 2 3 4 5 6 7 8 +2</text>"), svg);
    }

    @Test
    @DisplayName("R10 findings filter by rule id, case ignored; a filter that is not a rule id is refused")
    void r10_findingsFilterByRuleId() {
        ScriptedMiniport v1 = adapter("v1");
        v1.handle().allocatePort(PortCharacteristics.forAllocation().type(1));
        ConsoleSnapshot all = ConsoleSnapshot.of(engine, null, null, null);
        assertTrue(all.violations().stream().anyMatch(v -> v.ruleId().equals("R10")), all.violations().toString());
        ConsoleSnapshot r10 = ConsoleSnapshot.of(engine, null, null, " r10 ");
        assertEquals("R10", r10.rule());
        assertFalse(r10.violations().isEmpty());
        assertTrue(r10.violations().stream().allMatch(v -> v.ruleId().equals("R10")));
        String html = ConsoleHtml.render(r10);
        assertTrue(html.contains("<tr data-rule=\"R10\"><td>"), html);
        assertTrue(html.contains("; showing rule R10"), html);
        assertTrue(ConsoleJson.render(r10).contains("\"rule\":\"R10\",\"severity\":\"WARNING\",\"adapter\":\"v1\""),
                ConsoleJson.render(r10));

        ConsoleSnapshot r46 = ConsoleSnapshot.of(engine, null, null, "R46");
        assertTrue(r46.violations().isEmpty());
        assertTrue(ConsoleHtml.render(r46).contains("no findings match"));
        assertTrue(ConsoleJson.render(r46).endsWith("\"violations\":[]}"));

        ConsoleSnapshot.BadRequest bad = assertThrows(ConsoleSnapshot.BadRequest.class,
                () -> ConsoleSnapshot.of(engine, null, null, "R46 or 1=1"));
        assertEquals("rule 'R46 or 1=1' is not a rule id such as R46, D9 or N55", bad.getMessage());
    }

    @Test
    void claimsAndBindingsAreListed() {
        adapter("nicA");
        Caller caller = new Caller("nicA", new IoPortRange(0x300, 0x20));
        assertTrue(space.register(caller, 0x300, 0x20).status() == NdisStatus.SUCCESS);
        List<BindingView> bindings = List.of(new BindingView("ping", "org.ndisport.sample.ping", "nicA", List.of(0, 1)));
        ConsoleSnapshot s = new ConsoleSnapshot(engine.adapters(), bindings, space.claims(), VerifierMode.REPORT, 0,
                "", List.of());
        String html = ConsoleHtml.render(s);
        assertTrue(html.contains("<tr><td>0300-031f</td><td>nicA</td><td>-</td></tr>"), html);
        assertTrue(html.contains("<tr><td>ping</td><td>org.ndisport.sample.ping</td><td>nicA</td><td>0, 1</td></tr>"),
                html);
        String json = ConsoleJson.render(s);
        assertTrue(json.contains("\"claims\":[{\"base\":768,\"count\":32,\"range\":\"0300-031f\",\"adapter\":\"nicA\","
                + "\"device\":\"\"}]"), json);
        assertTrue(json.contains("\"bindings\":[{\"protocol\":\"ping\",\"protocolBundle\":\"org.ndisport.sample.ping\","
                + "\"adapter\":\"nicA\",\"openPorts\":[0,1]}]"), json);
        space.releaseAll(caller);
    }

    @Test
    void everyTextIsEscaped() {
        adapter(NASTY);
        List<BindingView> bindings = List.of(new BindingView(NASTY, NASTY, NASTY, List.of()));
        ConsoleSnapshot s = new ConsoleSnapshot(engine.adapters(), bindings, List.of(), VerifierMode.REPORT, 0, "",
                List.of());
        String html = ConsoleHtml.render(s) + PortStateDiagram.render(engine.adapters().get(0))
                + ConsolePage.render("/system/console/ndisport", NASTY, "");
        assertFalse(html.contains("<img"), html);
        assertFalse(html.contains("\"'"), html);
        assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;&amp;&quot;&#39;"), html);
        String json = ConsoleJson.render(s);
        assertFalse(json.contains("<img"), json);
        assertTrue(json.contains("\\u003cimg src=x onerror=alert(1)\\u003e\\u0026\\\"'"), json);
    }

    @Test
    void thePageRefreshesFromItsFragmentEverySecondWithoutExternalResources() {
        String page = ConsolePage.render("/system/console/ndisport", "R46", "<p>x</p>");
        assertTrue(page.contains("data-fragment=\"/system/console/ndisport/fragment.html\""), page);
        assertTrue(page.contains("setInterval(refresh, 1000)"), page);
        assertTrue(page.contains("value=\"R46\""), page);
        assertFalse(page.contains("http://") || page.contains("https://") || page.contains("src="), page);
    }

    /** An adapter's identity towards the I/O port space, as the engine gives one to its driver. */
    private record Caller(String adapterName, IoPortRange resource) implements IoCaller {
        @Override
        public List<IoPortRange> assignedResources() {
            return List.of(resource);
        }

        @Override
        public void violation(String ruleId, String message) {
            throw new AssertionError(ruleId + " " + message);
        }

        @Override
        public void warning(String ruleId, String message) {
            throw new AssertionError(ruleId + " " + message);
        }
    }
}
