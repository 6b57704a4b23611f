package org.ndisport.testkit.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.ndisport.api.runtime.VerifierMode;

/**
 * Runs scenarios one after another against a {@link ScenarioEnvironment}, reporting one line per
 * scenario as it finishes. The verifier mode in force before the run is restored after it.
 */
public final class ScenarioRunner {
    /** How long an expectation is re-checked before it fails, unless the runner is given another wait. */
    public static final long DEFAULT_TIMEOUT_MILLIS = 5_000;
    /** The largest scenario file read (N52). */
    public static final int MAX_FILE_BYTES = 16 << 20;

    private final ScenarioEnvironment env;
    private final long timeoutMillis;

    public ScenarioRunner(ScenarioEnvironment env) {
        this(env, DEFAULT_TIMEOUT_MILLIS);
    }

    /** A runner that re-checks expectations for up to {@code timeoutMillis}. */
    public ScenarioRunner(ScenarioEnvironment env, long timeoutMillis) {
        this.env = Objects.requireNonNull(env, "env");
        this.timeoutMillis = timeoutMillis;
    }

    /**
     * Parses and runs each file in order; a file that cannot be read, is not UTF-8 text or is larger than
     * {@link #MAX_FILE_BYTES} counts as one failed scenario (N52).
     */
    public RunReport runFiles(List<Path> files, Consumer<String> out) throws Exception {
        List<Scenario> scenarios = new ArrayList<>();
        for (Path file : files) {
            try {
                scenarios.addAll(ScenarioParser.parse(file.toString(), read(file)));
            } catch (IOException e) {
                scenarios.add(new Scenario(file.toString(), file.toString(), 0, 0, List.of(),
                        "cannot read " + file + ": " + (e instanceof CharacterCodingException ? "not UTF-8 text" : e)));
            }
        }
        return run(scenarios, out);
    }

    /** The file's text, reading no more than one byte past the limit (a device file never ends). */
    private static String read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1);
            if (bytes.length > MAX_FILE_BYTES) {
                throw new IOException("larger than " + MAX_FILE_BYTES + " bytes");
            }
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        }
    }

    /** Runs the scenarios in order, giving {@code out} each result line and, last, the summary line. */
    public RunReport run(List<Scenario> scenarios, Consumer<String> out) throws Exception {
        VerifierMode before = env.runtime().verifier().mode();
        List<ScenarioResult> results = new ArrayList<>();
        try {
            for (Scenario s : scenarios) {
                ScenarioResult r = run(s);
                results.add(r);
                out.accept(r.toString());
            }
        } finally {
            env.verifierMode(before);
        }
        RunReport report = new RunReport(results);
        out.accept(report.summary());
        return report;
    }

    /** Runs one scenario in isolation. */
    public ScenarioResult run(Scenario scenario) {
        return new ScenarioRun(env, scenario, timeoutMillis).run();
    }
}
