package org.ndisport.binding.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Wireshark's {@code tshark} (the Debian package, which {@code .ci/run} installs) to read a capture
 * file back. Fails, never skips, when tshark is missing.
 */
final class Tshark {
    private Tshark() {
    }

    /** {@code tshark -r FILE -T fields -e FIELD ...}: one list of field values per frame. */
    static List<List<String>> fields(Path file, String... fields) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tshark", "-r", file.toString(), "-T", "fields",
                "-E", "separator=,"));
        for (String f : fields) {
            command.add("-e");
            command.add(f);
        }
        Process p;
        try {
            p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.PIPE).start();
        } catch (IOException e) {
            return fail("tshark is not installed (" + e.getMessage() + "): this test reads the pcapng capture back "
                    + "with it; .ci/run installs it (apt-get install tshark), or install it yourself");
        }
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("tshark did not finish reading " + file);
        }
        assertEquals(0, p.exitValue(), "tshark exit status; stderr: " + new String(err, StandardCharsets.UTF_8));
        List<List<String>> rows = new ArrayList<>();
        for (String line : new String(out, StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                rows.add(List.of(line.strip().split(",", -1)));
            }
        }
        return rows;
    }
}
