package org.ndisport.webconsole.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's headless Chromium ({@code .ci/run} installs it), run once per page load with the flags this machine
 * needs (no sandbox as root, no background networking: the network is closed) and a fresh profile each time.
 */
final class Chromium {
    /** Override with -Dchromium=/path/to/chromium. */
    static final Path EXECUTABLE = Path.of(System.getProperty("chromium", "/usr/bin/chromium"));
    private static final long TIMEOUT_SECONDS = 90;
    /** Virtual time the page runs before the DOM is dumped: about five live refreshes. */
    static final int VIRTUAL_TIME_MILLIS = 5000;

    private final Path workDir;
    private int runs;

    Chromium(Path workDir) throws IOException {
        if (!Files.isExecutable(EXECUTABLE)) {
            fail("Chromium is missing at " + EXECUTABLE + ": install Debian's chromium package "
                    + "(.ci/run does: apt-get install --no-install-recommends chromium) or pass -Dchromium=PATH");
        }
        this.workDir = Files.createDirectories(workDir);
    }

    /** The page's DOM after it ran for {@link #VIRTUAL_TIME_MILLIS} of virtual time. */
    String dumpDom(String url) throws IOException, InterruptedException {
        return run(url, "--dump-dom");
    }

    /** Saves a screenshot of the page (after the same virtual time) to {@code png}. */
    void screenshot(String url, Path png) throws IOException, InterruptedException {
        Files.createDirectories(png.getParent());
        Files.deleteIfExists(png);
        run(url, "--screenshot=" + png.toAbsolutePath(), "--window-size=1280,900", "--hide-scrollbars");
        assertTrue(Files.size(png) > 0, "screenshot " + png);
    }

    private String run(String url, String... mode) throws IOException, InterruptedException {
        int run = ++runs;
        Path profile = Files.createTempDirectory(workDir, "profile-");
        List<String> command = new ArrayList<>(List.of(EXECUTABLE.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile, "--virtual-time-budget=" + VIRTUAL_TIME_MILLIS));
        command.addAll(List.of(mode));
        command.add(url);
        Path out = workDir.resolve("chromium-" + run + ".out");
        Path err = workDir.resolve("chromium-" + run + ".err");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            fail("Chromium did not finish within " + TIMEOUT_SECONDS + " s; see " + err);
        }
        assertEquals(0, p.exitValue(), "Chromium's exit status; see " + err);
        deleteTree(profile);
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    /** Deletes a Chromium profile (tens of MB each). */
    static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
