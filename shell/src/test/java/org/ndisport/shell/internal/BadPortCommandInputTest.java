package org.ndisport.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.ndisport.api.runtime.VerifierMode;
import org.ndisport.core.internal.EngineConfiguration;
import org.ndisport.core.internal.NdisEngine;
import org.ndisport.core.internal.TestConfigs;

/**
 * The port commands with missing, extra, null, negative, non-numeric, overflowing and malformed
 * arguments and unknown adapters: each fails with a CommandFailed message (Gogo prints it alone) and
 * leaves the adapters, ports and verifier records as they were (N53).
 */
class BadPortCommandInputTest {
    private final NdisEngine engine = new NdisEngine(TestConfigs.engine(VerifierMode.REPORT, EngineConfiguration.DEFAULT_PORT_LIMIT));
    private final PortCommands ports = new PortCommands(engine, ShellCommandsTest.context());
    private final InspectCommands inspect = new InspectCommands(engine);

    @BeforeEach
    void adapterWithOneActivePort() {
        ports.create("v1");
        ports.allocate("v1");
        ports.activate("v1", "1");
    }

    @AfterEach
    void stop() {
        ports.deactivate();
    }

    @Test
    void n53_nullOrBlankAdapterNamesAreMissing() {
        for (String name : new String[] {null, "", "  "}) {
            refused("missing adapter name", () -> ports.allocate(name));
            refused("missing adapter name", () -> ports.free(name, "1"));
            refused("missing adapter name", () -> ports.activate(name, "1"));
            refused("missing adapter name", () -> ports.deactivate(name, "1"));
            refused("missing adapter name", () -> ports.halt(name));
            refused("missing adapter name", () -> ports.create(name));
        }
    }

    @Test
    void n53_createTakesOnlyScenarioStyleNamesAndNoDuplicate() {
        refused("adapter name 'a b' is not letters, digits, '-' and '_'", () -> ports.create("a b"));
        refused("adapter name 'a\u0000' is not letters, digits, '-' and '_'", () -> ports.create("a\u0000"));
        refused("adapter name 'caf\u00e9' is not letters, digits, '-' and '_'", () -> ports.create("caf\u00e9"));
        refused("adapter name already in use: v1", () -> ports.create("v1"));
    }

    @Test
    void n30_unknownAdaptersAreNamed() {
        refused("no adapter named v2", () -> ports.allocate("v2"));
        refused("no adapter named v2", () -> ports.free("v2", "1"));
        refused("no adapter named V1", () -> ports.halt("V1"));
    }

    @Test
    void n53_nullNegativeNonNumericOverflowingAndMalformedNumbers() {
        refused("missing number (decimal or 0x hex)", () -> ports.free("v1", null));
        refused("missing number (decimal or 0x hex)", () -> ports.activate("v1", "2", null));
        refused("missing number (decimal or 0x hex)", () -> ports.allocate("v1", (String) null));
        refused("expected a number (decimal or 0x hex), got '-1'", () -> ports.free("v1", "-1"));
        refused("expected a number (decimal or 0x hex), got 'one'", () -> ports.deactivate("v1", "one"));
        refused("expected a number (decimal or 0x hex), got ''", () -> ports.free("v1", ""));
        refused("expected a number (decimal or 0x hex), got '0x'", () -> ports.allocate("v1", "0x"));
        refused("expected a number (decimal or 0x hex), got '0xg'", () -> ports.activate("v1", "0xg"));
        refused("expected a number (decimal or 0x hex), got '\u0661'", () -> ports.free("v1", "\u0661"));
        refused("number 4294967297 is above 0xFFFFFFFF", () -> ports.free("v1", "4294967297"));
        refused("number 0x100000001 is above 0xFFFFFFFF", () -> ports.activate("v1", "0x100000001"));
        refused("number 99999999999999999999 is above 0xFFFFFFFF", () -> ports.allocate("v1", "99999999999999999999"));
    }

    @Test
    void n53_missingAndExtraArguments() {
        refused("activate needs at least one port number", () -> ports.activate("v1"));
        refused("deactivate needs at least one port number", () -> ports.deactivate("v1", (String[]) null));
        refused("usage: ndis:allocate ADAPTER [TYPE]", () -> ports.allocate("v1", "1", "2"));
    }

    @Test
    void outOfRangeValuesReachTheRuntimeAndFailWithTheirStatus() {
        refused("free port 4294967295 on v1: NDIS_STATUS_INVALID_DATA (0xC0010015)", () -> ports.free("v1", "0xffffffff"));
        refused("free port 1 on v1: NDIS_STATUS_INVALID_PORT_STATE (0xC023002E)", () -> ports.free("v1", "1"));
        refused("activate [4294967295] on v1: NDIS_STATUS_INVALID_PORT (0xC023002D)", () -> ports.activate("v1", "0xffffffff"));
        refused("activate [1, 1] on v1: NDIS_STATUS_INVALID_PARAMETER (0xC000000D)", () -> ports.activate("v1", "1", "1"));
        refused("allocate on v1: NDIS_STATUS_INVALID_DATA (0xC0010015)", () -> ports.allocate("v1", "0xffffffff"));
    }

    @Test
    void n53_afterTheRefusalsAGoodCommandStillWorks() {
        refused("missing adapter name", () -> ports.halt(null));
        refused("expected a number (decimal or 0x hex), got '-2'", () -> ports.free("v1", "-2"));
        assertEquals("port 2 allocated on v1", ports.allocate("v1"));
        assertEquals("adapter v1 halted", ports.halt("v1"));
    }

    /** Fails with exactly {@code message}; adapters, ports and records are as before. */
    private void refused(String message, Executable command) {
        String before = state();
        CommandFailed f = assertThrows(CommandFailed.class, command);
        assertEquals(message, f.getMessage());
        assertEquals(0, f.getStackTrace().length, "Gogo prints the message alone");
        assertEquals(before, state());
    }

    private String state() {
        return inspect.adapters() + "\n" + inspect.ports("v1") + "\n" + inspect.violations("", "");
    }
}
