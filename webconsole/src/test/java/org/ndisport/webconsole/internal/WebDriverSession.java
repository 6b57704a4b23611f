package org.ndisport.webconsole.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ndisport.core.testing.FelixHarness;

/**
 * One headless Chromium driven through Debian's chromedriver over the W3C WebDriver protocol (plain HTTP and
 * JSON): open a page, evaluate script in it, take a screenshot. For watching a page that stays open.
 */
final class WebDriverSession implements AutoCloseable {
    /** Override with -Dchromedriver=/path/to/chromedriver. */
    static final Path EXECUTABLE = Path.of(System.getProperty("chromedriver", "/usr/bin/chromedriver"));
    private static final Pattern SESSION = Pattern.compile("\"sessionId\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern STRING_VALUE = Pattern.compile("^\\{\\s*\"value\"\\s*:\\s*\"([^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+)\"");

    private final Process driver;
    private final Path profile;
    private final String base;
    private final String session;
    private final HttpClient http = HttpClient.newHttpClient();

    private WebDriverSession(Process driver, Path profile, String base, String session) {
        this.driver = driver;
        this.profile = profile;
        this.base = base;
        this.session = session;
    }

    static WebDriverSession start(Path workDir) throws IOException, InterruptedException {
        if (!Files.isExecutable(EXECUTABLE)) {
            fail("chromedriver is missing at " + EXECUTABLE + ": install Debian's chromium-driver package "
                    + "(.ci/run does) or pass -Dchromedriver=PATH");
        }
        Files.createDirectories(workDir);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process p = new ProcessBuilder(EXECUTABLE.toString(), "--port=" + port)
                .redirectErrorStream(true).redirectOutput(workDir.resolve("chromedriver.log").toFile()).start();
        String base = "http://127.0.0.1:" + port;
        HttpClient http = HttpClient.newHttpClient();
        try {
            FelixHarness.awaitTrue(() -> ready(http, base), "chromedriver answering on port " + port);
            Path profile = Files.createTempDirectory(workDir, "profile-");
            Json args = new Json().beginArray();
            for (String a : List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=1280,900", "--hide-scrollbars",
                    "--user-data-dir=" + profile)) {
                args.value(a);
            }
            args.endArray();
            String body = "{\"capabilities\":{\"alwaysMatch\":{\"browserName\":\"chrome\",\"goog:chromeOptions\":"
                    + "{\"binary\":" + new Json().value(Chromium.EXECUTABLE.toString()) + ",\"args\":" + args + "}}}}";
            String answer = send(http, "POST", base + "/session", body);
            Matcher m = SESSION.matcher(answer);
            assertTrue(m.find(), "no WebDriver session: " + answer);
            return new WebDriverSession(p, profile, base, m.group(1));
        } catch (RuntimeException | Error | IOException e) {
            p.destroy();
            p.waitFor();
            throw e;
        }
    }

    void open(String url) throws IOException, InterruptedException {
        send(http, "POST", path("/url"), "{\"url\":" + new Json().value(url) + "}");
    }

    /** Runs {@code script} (a function body) in the page; its string result, or null for any other. */
    String eval(String script) {
        try {
            String answer = send(http, "POST", path("/execute/sync"),
                    new Json().beginObject().name("script").value(script).name("args").beginArray().endArray()
                            .endObject().toString());
            Matcher m = STRING_VALUE.matcher(answer);
            return m.find() ? m.group(1) : null;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    void screenshot(Path png) throws IOException, InterruptedException {
        String answer = send(http, "GET", path("/screenshot"), null);
        // base64 has no quote: the value ends at the next one (a regular expression overflows the stack here)
        int start = answer.indexOf("\"value\":\"");
        int end = start < 0 ? -1 : answer.indexOf('"', start + 9);
        assertTrue(end > 0, "no screenshot: " + answer.substring(0, Math.min(200, answer.length())));
        Files.createDirectories(png.getParent());
        Files.write(png, Base64.getDecoder().decode(answer.substring(start + 9, end).replace("\\/", "/")));
    }

    @Override
    public void close() throws InterruptedException, IOException {
        try {
            send(http, "DELETE", path(""), null);
        } catch (IOException e) {
            // the driver is stopped below either way
        } finally {
            driver.destroy();
            if (!driver.waitFor(30, TimeUnit.SECONDS)) {
                driver.destroyForcibly().waitFor();
            }
            Chromium.deleteTree(profile);
        }
    }

    private String path(String suffix) {
        return base + "/session/" + session + suffix;
    }

    private static boolean ready(HttpClient http, String base) {
        try {
            return send(http, "GET", base + "/status", null).contains("\"ready\":true");
        } catch (IOException | AssertionError e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String send(HttpClient http, String method, String url, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type",
                "application/json; charset=utf-8");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), method + " " + url + ": " + r.body());
        return r.body();
    }
}
