package org.ndisport.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.ndisport.api.io.IoPortSpace;
import org.ndisport.api.runtime.VerifierMode;
import org.ndisport.core.internal.EngineConfiguration;
import org.ndisport.core.internal.NdisEngine;
import org.ndisport.core.internal.TestConfigs;

/**
 * The inspection, verifier and bus commands with bad arguments: a CommandFailed message each, no
 * bus write and no mode change (N53).
 */
class BadInspectAndIoInputTest {
    private final NdisEngine engine = new NdisEngine(TestConfigs.engine(VerifierMode.REPORT, EngineConfiguration.DEFAULT_PORT_LIMIT));
    private final PortCommands ports = new PortCommands(engine, ShellCommandsTest.context());
    private final InspectCommands inspect = new InspectCommands(engine);
    private final VerifierCommand verifier = new VerifierCommand(engine, null);
    private final List<String> bus = new ArrayList<>();
    private final IoCommands io = new IoCommands((IoPortSpace) Proxy.newProxyInstance(IoPortSpace.class.getClassLoader(),
            new Class<?>[] {IoPortSpace.class}, (p, m, a) -> switch (m.getName()) {
                case "claims" -> List.of();
                case "busRead" -> {
                    bus.add("read " + Integer.toHexString((Integer) a[0]));
                    yield -1;
                }
                case "busWrite" -> bus.add("write " + Integer.toHexString((Integer) a[0]));
                default -> null;
            }));

    @AfterEach
    void stop() {
        ports.deactivate();
    }

    @Test
    void n53_inspectionNeedsAnAdapterThatExists() {
        refused("missing adapter name", () -> inspect.ports(null));
        refused("missing adapter name", () -> inspect.counters(""));
        refused("no adapter named ghost", () -> inspect.ports("ghost"));
        assertEquals("no findings\nverifier REPORT: 0 recorded in all", inspect.violations(null, null),
                "an unset filter is no filter");
    }

    @Test
    void n53_awaitRefusesBadTimeoutsAndMissingAdapters() {
        refused("missing number (decimal or 0x hex)", () -> inspect.await(null, "v1"));
        refused("expected a number (decimal or 0x hex), got '-1'", () -> inspect.await("-1", "v1"));
        refused("number 0x1ffffffff is above 0xFFFFFFFF", () -> inspect.await("0x1ffffffff", "v1"));
        refused("timeout 0xffffffff is above 86400 s", () -> inspect.await("0xffffffff", "ghost"));
        refused("usage: ndis:await [-t SECONDS] ADAPTER…", () -> inspect.await("1"));
        refused("usage: ndis:await [-t SECONDS] ADAPTER…", () -> inspect.await("1", (String[]) null));
        refused("missing adapter name", () -> inspect.await("0", " "));
        ports.create("v1");
        assertEquals("v1 is running", inspect.await("86400", "v1"));
    }

    @Test
    void n53_awaitStopsWhenInterrupted() {
        Thread.currentThread().interrupt();
        try {
            refused("interrupted while waiting for adapter ghost", () -> inspect.await("86400", "ghost"));
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt is kept for Gogo");
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void n53_verifierModeMustBeNamed() {
        refused("unknown verifier mode 'null' (report or fail-fast)", () -> verifier.verifier(null));
        refused("unknown verifier mode '' (report or fail-fast)", () -> verifier.verifier(""));
        refused("unknown verifier mode 'loud' (report or fail-fast)", () -> verifier.verifier("loud"));
        refused("unknown verifier mode 'fail-fast ' (report or fail-fast)", () -> verifier.verifier("fail-fast "));
        assertEquals(VerifierMode.REPORT, engine.verifier().mode());
    }

    @Test
    void n53_busAddressesAndValuesOutOfRangeOrMalformed() {
        refused("missing number (decimal or 0x hex)", () -> io.inb(null));
        refused("expected a number (decimal or 0x hex), got '-1'", () -> io.inb("-1"));
        refused("expected a number (decimal or 0x hex), got ''", () -> io.outb("", "1"));
        refused("expected a number (decimal or 0x hex), got '0x3g0'", () -> io.inw("0x3g0"));
        refused("port 0x10000 is outside the I/O space (0x0000-0xffff)", () -> io.inb("0x10000"));
        refused("port 0xffff is outside the I/O space (0x0000-0xffff)", () -> io.inw("0xffff"));
        refused("port 0xfffd is outside the I/O space (0x0000-0xffff)", () -> io.outl("0xfffd", "0"));
        refused("number 0x100000000 is above 0xFFFFFFFF", () -> io.inl("0x100000000"));
        refused("value 0x100 does not fit in 8 bits", () -> io.outb("0x300", "0x100"));
        refused("value 65536 does not fit in 16 bits", () -> io.outw("0x300", "65536"));
        refused("number 0x100000000 is above 0xFFFFFFFF", () -> io.outl("0x300", "0x100000000"));
        refused("expected a number (decimal or 0x hex), got '-1'", () -> io.outb("0x300", "-1"));
        refused("missing number (decimal or 0x hex)", () -> io.outw("0x300", null));
        assertEquals(List.of(), bus, "nothing reached the bus");
        assertEquals("fffc <- 0xffffffff", io.outl("0xfffc", "0xffffffff"));
        assertEquals(List.of("write fffc"), bus);
    }

    private static void refused(String message, Executable command) {
        CommandFailed f = assertThrows(CommandFailed.class, command);
        assertEquals(message, f.getMessage());
    }
}
