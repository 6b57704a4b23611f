package org.ndisport.webconsole.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.miniport.AllocatePortResult;
import org.ndisport.api.miniport.NdisMiniportHandle;
import org.ndisport.api.pnp.NetPnPEventNotification;
import org.ndisport.api.port.PortCharacteristics;
import org.ndisport.api.runtime.AdapterSpec;
import org.ndisport.api.runtime.NdisRuntime;
import org.ndisport.api.runtime.PortState;
import org.ndisport.core.testing.FelixHarness;
import org.ndisport.testkit.ScriptedMiniport;

/**
 * The plugin in a real Felix with the runtime, Jetty, WebConsole 5 and its dependencies, opened in Debian's headless
 * Chromium: the page shows a port made through the API, its live refresh runs, and a port activated through the API
 * shows as activated on the next load. Leaves target/console-artifacts/console.png.
 */
class ConsoleInChromiumIT {
    private static final Path ARTIFACTS = Path.of(System.getProperty("it.artifacts", "target/console-artifacts"));
    private static final List<String> BUNDLES = List.of("log", "core", "binding", "ioport", "servlet", "jetty",
            "inventory", "encoder", "webconsole", "webconsole.plugin");

    private static FelixHarness felix;
    private static int httpPort;
    private static ScriptedMiniport driver;
    private static Chromium chromium;

    @BeforeAll
    static void start() throws Exception {
        chromium = new Chromium(ARTIFACTS.resolve("chromium"));
        try (ServerSocket s = new ServerSocket(0)) {
            httpPort = s.getLocalPort();
        }
        // Jetty and WebConsole read these through BundleContext.getProperty, which falls back to system properties
        System.setProperty("org.osgi.service.http.port", Integer.toString(httpPort));
        System.setProperty("org.apache.felix.http.host", "127.0.0.1");
        List<String> keys = new ArrayList<>(FelixHarness.RUNTIME);
        keys.addAll(BUNDLES);
        felix = new FelixHarness(keys);
        NdisRuntime runtime = felix.waitFor(NdisRuntime.class);
        driver = new ScriptedMiniport();
        assertEquals(NdisStatus.SUCCESS, runtime.createAdapter(AdapterSpec.virtual("web1", driver, "console.it"))
                .initialize());
        AllocatePortResult port = driver.handle().allocatePort(PortCharacteristics.forAllocation());
        assertEquals(1, port.portNumber(), port.toString());
        // a bridge port: R10's warning gives the findings table a row
        assertEquals(2, driver.handle().allocatePort(PortCharacteristics.forAllocation().type(1)).portNumber());
        FelixHarness.awaitTrue(() -> get("/system/console/ndisport/data.json").contains("\"web1\""),
                "the console's data.json naming adapter web1");
    }

    @AfterAll
    static void stop() throws Exception {
        if (felix != null) {
            felix.close();
        }
        System.clearProperty("org.osgi.service.http.port");
        System.clearProperty("org.apache.felix.http.host");
    }

    @Test
    void thePageShowsAPortChangeMadeThroughTheApi() throws Exception {
        String url = "http://admin:admin@127.0.0.1:" + httpPort + "/system/console/ndisport";
        String before = chromium.dumpDom(url);
        Files.writeString(ARTIFACTS.resolve("before.html"), before);
        assertTrue(row(before, "web1", 1).contains("data-state=\"allocated\""), row(before, "web1", 1));
        assertTrue(refreshes(before) >= 1, "the live refresh replaced the content at least once");
        assertTrue(diagram(before, "web1").contains("data-state=\"ALLOCATED\" data-count=\"2\""), "the diagram counts 2 allocated");
        assertTrue(before.contains("<tr data-rule=\"R10\">"), "R10's finding is listed");

        NdisMiniportHandle handle = driver.handle();
        assertEquals(NdisStatus.SUCCESS, handle.netPnPEvent(NetPnPEventNotification.portActivation(1)));
        assertEquals(PortState.ACTIVATED, felix.waitFor(NdisRuntime.class).adapter("web1").orElseThrow().port(1)
                .state());

        String after = chromium.dumpDom(url);
        Files.writeString(ARTIFACTS.resolve("after.html"), after);
        assertTrue(row(after, "web1", 1).contains("data-state=\"activated\""), row(after, "web1", 1));
        assertTrue(diagram(after, "web1").contains("data-state=\"ALLOCATED\" data-count=\"1\""), "the diagram counts 1 allocated");
        chromium.screenshot(url, ARTIFACTS.resolve("console.png"));
    }

    @Test
    void theOpenPageFollowsAPortActivatedThroughTheApi() throws Exception {
        ScriptedMiniport web2 = new ScriptedMiniport();
        NdisRuntime runtime = felix.waitFor(NdisRuntime.class);
        assertEquals(NdisStatus.SUCCESS, runtime.createAdapter(AdapterSpec.virtual("web2", web2, "console.it"))
                .initialize());
        assertEquals(1, web2.handle().allocatePort(PortCharacteristics.forAllocation()).portNumber());
        String state = "var r = document.querySelector('tr[data-adapter=\"web2\"][data-port=\"1\"]');"
                + " return r ? r.getAttribute('data-state') : 'missing';";
        try (WebDriverSession browser = WebDriverSession.start(ARTIFACTS.resolve("webdriver"))) {
            browser.open("http://admin:admin@127.0.0.1:" + httpPort + "/system/console/ndisport");
            FelixHarness.awaitTrue(() -> "allocated".equals(browser.eval(state)),
                    "the open page showing port 1 of web2 allocated");
            browser.eval("window.ndisportOpenedOnce = 'yes'; return null;");

            assertEquals(NdisStatus.SUCCESS, web2.handle().netPnPEvent(NetPnPEventNotification.portActivation(1)));
            FelixHarness.awaitTrue(() -> "activated".equals(browser.eval(state)),
                    "the open page showing port 1 of web2 activated");
            assertEquals("yes", browser.eval("return window.ndisportOpenedOnce;"), "the page was not reloaded");
            assertEquals("2", browser.eval("return document.querySelector('svg[data-adapter=\"web2\"]"
                    + " g[data-state=\"ACTIVATED\"]').getAttribute('data-count');"),
                    "web2's diagram counts ports 0 and 1 activated");
            browser.screenshot(ARTIFACTS.resolve("console-live.png"));
        }
    }

    @Test
    void findingsFilterByRuleIdInThePage() throws Exception {
        String url = "http://admin:admin@127.0.0.1:" + httpPort + "/system/console/ndisport?rule=R46";
        String r46 = chromium.dumpDom(url);
        Files.writeString(ARTIFACTS.resolve("rule-R46.html"), r46);
        assertTrue(refreshes(r46) >= 1, "the live refresh keeps the filter");
        assertTrue(r46.contains("no findings match"), "R46 has no findings here");
        assertFalse(r46.contains("<tr data-rule="), "no finding of another rule is listed");
        String r10 = chromium.dumpDom(url.replace("R46", "r10"));
        assertTrue(r10.contains("<tr data-rule=\"R10\">"), "R10's finding is listed");
    }

    @Test
    void aBadRuleFilterIsABadRequestNamingTheRule() throws Exception {
        HttpResponse<String> r = request("/system/console/ndisport/data.json?rule=%3Cscript%3E");
        assertEquals(400, r.statusCode());
        assertEquals("rule '<script>' is not a rule id such as R46, D9 or N55", r.body());
    }

    /** The ports-table row of a port, from its opening tag. */
    private static String row(String dom, String adapter, int port) {
        Matcher m = Pattern.compile("<tr data-adapter=\"" + adapter + "\" data-port=\"" + port + "\"[^>]*>").matcher(dom);
        assertTrue(m.find(), "no row of port " + port + " of " + adapter + " in the page; see " + ARTIFACTS);
        return m.group();
    }

    /** An adapter's port-state diagram. */
    private static String diagram(String dom, String adapter) {
        Matcher m = Pattern.compile("<svg class=\"ndisport-diagram\"[^>]*data-adapter=\"" + adapter + "\".*?</svg>",
                Pattern.DOTALL).matcher(dom);
        assertTrue(m.find(), "no diagram of " + adapter + " in the page; see " + ARTIFACTS);
        return m.group();
    }

    private static int refreshes(String dom) {
        Matcher m = Pattern.compile("data-refreshes=\"(\\d+)\"").matcher(dom);
        assertTrue(m.find(), "the console element");
        return Integer.parseInt(m.group(1));
    }

    private static String get(String path) {
        try {
            HttpResponse<String> r = request(path);
            return r.statusCode() == 200 ? r.body() : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static HttpResponse<String> request(String path) throws IOException, InterruptedException {
        String auth = Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                .header("Authorization", "Basic " + auth).build(), HttpResponse.BodyHandlers.ofString());
    }
}
