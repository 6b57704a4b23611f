package org.ndisport.testkit.osgi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ndisport.api.runtime.VerifierMode;
import org.ndisport.core.internal.EngineConfiguration;
import org.ndisport.core.internal.NdisEngine;
import org.ndisport.core.internal.TestConfigs;
import org.ndisport.testkit.scenario.ScenarioRunner;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * {@code ndis:run} with bad arguments and bad files (N52): a usage error before anything runs, or one
 * {@code not ok} line per file that cannot be used; never an unexpected exception.
 */
class RunCommandBadInputTest {
    private final RunCommand command = new RunCommand(context(),
            new NdisEngine(TestConfigs.engine(VerifierMode.REPORT, EngineConfiguration.DEFAULT_PORT_LIMIT)), null);

    @Test
    void n52_missingBlankOrInvalidFileNamesAreUsageErrors() {
        assertEquals("usage: ndis:run FILE.scn…", assertThrows(IllegalArgumentException.class, () -> command.run())
                .getMessage());
        assertEquals("usage: ndis:run FILE.scn…", assertThrows(IllegalArgumentException.class,
                () -> command.run((String[]) null)).getMessage());
        assertEquals("usage: ndis:run FILE.scn… (an empty file name was given)",
                assertThrows(IllegalArgumentException.class, () -> command.run("a.scn", " ")).getMessage());
        assertEquals("usage: ndis:run FILE.scn… (an empty file name was given)",
                assertThrows(IllegalArgumentException.class, () -> command.run((String) null)).getMessage());
        assertEquals("ndis:run: 'a\u0000b.scn' is not a file path: Nul character not allowed",
                assertThrows(IllegalArgumentException.class, () -> command.run("a\u0000b.scn")).getMessage());
    }

    @Test
    void n52_unreadableFilesFailOneScenarioEachAndTheRunGoesOn(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("missing.scn");
        Path binary = Files.write(dir.resolve("binary.scn"), new byte[] {'s', (byte) 0xC3, (byte) 0x28, '\n'});
        Path empty = Files.writeString(dir.resolve("empty.scn"), "# nothing yet\n");
        Path good = Files.writeString(dir.resolve("good.scn"), "scenario good\nminiport m1\ninit m1\n");
        List<String> lines = run(missing, dir, binary, empty, good);
        assertEquals(List.of("not ok " + missing + ": cannot read " + missing + ": java.nio.file.NoSuchFileException: "
                        + missing,
                "not ok " + dir + ": cannot read " + dir + ": java.io.IOException: Is a directory",
                "not ok " + binary + ": cannot read " + binary + ": not UTF-8 text",
                "not ok " + empty + ": syntax error: line 1: no scenario in the text (expected a line 'scenario NAME')",
                "ok good", "1 passed, 4 failed"), lines);
    }

    @Test
    void n52_aFileAboveTheLimitIsNotRead(@TempDir Path dir) throws Exception {
        Path huge = dir.resolve("huge.scn");
        Files.write(huge, new byte[ScenarioRunner.MAX_FILE_BYTES + 1]);
        assertEquals(List.of("not ok " + huge + ": cannot read " + huge + ": java.io.IOException: larger than 16777216 bytes",
                "0 passed, 1 failed"), run(huge));
    }

    @Test
    void n52_aParseErrorIsPrintedWithItsScenarioAndLine(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("bad.scn"), "scenario bad\r\nminiport m1\r\nm1 free -1\r\n");
        assertEquals(List.of("not ok bad: syntax error: line 3: expected a number (decimal or 0x hex), got '-1'",
                "0 passed, 1 failed"), run(file));
    }

    /** The lines printed; the command must fail (a scenario failed). */
    private List<String> run(Path... files) {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            String[] args = java.util.Arrays.stream(files).map(Path::toString).toArray(String[]::new);
            assertThrows(RunCommand.ScenariosFailed.class, () -> command.run(args));
        } finally {
            System.setOut(original);
        }
        return buffer.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private static BundleContext context() {
        Bundle bundle = (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (p, m, a) -> m.getName().equals("getSymbolicName") ? "testkit.test" : null);
        return (BundleContext) Proxy.newProxyInstance(BundleContext.class.getClassLoader(),
                new Class<?>[] {BundleContext.class}, (p, m, a) -> m.getName().equals("getBundle") ? bundle : null);
    }
}
