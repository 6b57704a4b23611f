package org.ndisport.testkit.osgi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ndisport.api.miniport.MiniportDriver;
import org.ndisport.api.miniport.MiniportDriverProperties;
import org.ndisport.api.runtime.AdapterPhase;
import org.ndisport.api.runtime.NdisRuntime;
import org.ndisport.core.testing.FelixHarness;
import org.ndisport.testkit.ScriptedMiniport;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;

/**
 * The scenario runner in a real Felix with the runtime bundles, driven through its Gogo command
 * object ({@code ndis:run}) as the shell calls it.
 */
class ScenariosInFelixIT {
    private static FelixHarness felix;
    private static Object command;

    @BeforeAll
    static void start() throws Exception {
        List<String> keys = new ArrayList<>(FelixHarness.RUNTIME);
        keys.addAll(List.of("core", "binding", "ioport", "testkit"));
        felix = new FelixHarness(keys);
        FelixHarness.awaitTrue(() -> runCommand() != null, "the ndis:run command");
        command = felix.context().getService(runCommand());
    }

    @AfterAll
    static void stop() throws Exception {
        felix.close();
    }

    @Test
    void theFiveExamplesOfTheFormatPassUnchanged() throws Exception {
        Run run = run(scenarios().resolve("spec-examples.scn"));
        assertEquals(List.of("ok happy-path", "ok free-active-port-fails", "ok init-failure-must-free-ports",
                "ok default-port-controlled-by-miniport", "ok io-range-claim", "5 passed, 0 failed"), run.lines,
                run.output);
        assertFalse(run.failed);
    }

    @Test
    void aFailedExpectationNamesItsLineWhatWasExpectedAndWhatHappened(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("failing.scn");
        Files.writeString(file, String.join("\n", "scenario wrong-status", "miniport m1", "init m1",
                "m1 free 5 => SUCCESS", "", "scenario still-runs", "miniport m2", "init m2",
                "expect m2 port 0 activated", "", "scenario leftover-finding", "miniport m3", "init m3",
                "m3 allocate type=bridge => SUCCESS port 1", ""));
        Run run = run(file);
        assertEquals(List.of("not ok wrong-status: line 4: expected SUCCESS, got INVALID_PORT", "ok still-runs"),
                run.lines.subList(0, 2), run.output);
        assertTrue(run.lines.get(2).startsWith("not ok leftover-finding: line 14: expected no unconsumed verifier "
                + "findings, got [R10]"), run.output);
        assertEquals("1 passed, 2 failed", run.lines.get(3));
        assertTrue(run.failed, "the command fails so ./ndisport run exits non-zero");
    }

    @Test
    void aLineThatBreaksTheFormatFailsItsScenarioOnly(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("syntax.scn");
        Files.writeString(file, "scenario bad\nminiport m1\nm1 allocte\n\nscenario good\nminiport m1\ninit m1\n");
        Run run = run(file);
        assertEquals(List.of("not ok bad: syntax error: line 3: unknown miniport step 'allocte'", "ok good",
                "1 passed, 1 failed"), run.lines, run.output);
    }

    @Test
    void eventKeywordsAreCaseInsensitivePortListsUnorderedAndInitBlocksExpectSuccess(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("details.scn");
        Files.writeString(file, String.join("\n", "scenario keywords", "miniport m1", "protocol p1", "INIT m1",
                "expect p1 events [BIND m1 [0]]", "m1 allocate", "m1 allocate", "m1 activate 2 1",
                "expect p1 events [Port-Activation m1 [2, 1]]", "expect m1 ports activated [2, 0, 1] allocated []",
                "", "scenario block-default", "miniport m1", "init m1 {", "  set-attributes", "  return FAILURE", "}",
                "expect m1 phase halted", ""));
        Run run = run(file);
        assertEquals(List.of("ok keywords", "not ok block-default: line 14: expected SUCCESS, got FAILURE",
                "1 passed, 1 failed"), run.lines, run.output);
    }

    @Test
    void scenariosLeaveAnAdapterTheyDidNotDeclareAlone() throws Exception {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(MiniportDriverProperties.DRIVER_NAME, "it-foreign");
        ServiceRegistration<MiniportDriver> driver = felix.context().registerService(MiniportDriver.class,
                new ScriptedMiniport(), props);
        Object config = felix.createAdapterConfiguration("foreign", "it-foreign", Map.of());
        NdisRuntime runtime = felix.waitFor(NdisRuntime.class);
        try {
            FelixHarness.awaitTrue(() -> runtime.adapter("foreign").map(a -> a.phase() == AdapterPhase.P2_OPERATIONAL)
                    .orElse(false), "the foreign adapter running");
            Run run = run(scenarios().resolve("spec-examples.scn"));
            assertEquals("5 passed, 0 failed", run.lines.get(run.lines.size() - 1), run.output);
            assertEquals(AdapterPhase.P2_OPERATIONAL, runtime.adapter("foreign").orElseThrow().phase());
        } finally {
            config.getClass().getMethod("delete").invoke(config);
            driver.unregister();
        }
    }

    @Test
    void theRepositorysScenarioSuitePasses() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(scenarios())) {
            files = s.filter(p -> p.toString().endsWith(".scn")).sorted().toList();
        }
        Run run = run(files.toArray(Path[]::new));
        assertFalse(run.failed, run.output);
        assertTrue(run.lines.get(run.lines.size() - 1).endsWith(" 0 failed"), run.output);
    }

    /** The command's class here is not the bundle's, so look it up without the class-space check. */
    private static ServiceReference<?> runCommand() {
        try {
            ServiceReference<?>[] refs = felix.context().getAllServiceReferences(RunCommand.class.getName(), null);
            return refs == null ? null : refs[0];
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path scenarios() {
        return Path.of(System.getProperty("it.scenarios"));
    }

    private record Run(List<String> lines, String output, boolean failed) {
    }

    private static Run run(Path... files) throws Exception {
        String[] args = Stream.of(files).map(Path::toString).toArray(String[]::new);
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        boolean failed = false;
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            command.getClass().getMethod("run", String[].class).invoke(command, (Object) args);
        } catch (InvocationTargetException e) {
            failed = true;
        } finally {
            System.setOut(original);
        }
        String output = buffer.toString(StandardCharsets.UTF_8);
        original.print(output);
        return new Run(output.lines().filter(l -> l.startsWith("ok ") || l.startsWith("not ok ")
                || l.matches("\\d+ passed, \\d+ failed")).toList(), output, failed);
    }

}
