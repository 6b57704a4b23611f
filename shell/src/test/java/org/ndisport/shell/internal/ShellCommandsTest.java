package org.ndisport.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ndisport.api.NdisStatus;
import org.ndisport.api.io.IoClaim;
import org.ndisport.api.io.IoPortRange;
import org.ndisport.api.io.IoPortSpace;
import org.ndisport.api.runtime.VerifierMode;
import org.ndisport.core.internal.EngineConfiguration;
import org.ndisport.core.internal.NdisEngine;
import org.ndisport.core.internal.TestConfigs;
import org.ndisport.testkit.ScriptedMiniport;
import org.ndisport.api.runtime.AdapterSpec;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/** The shell's commands against the real engine, built with new. */
class ShellCommandsTest {
    private final NdisEngine engine = new NdisEngine(TestConfigs.engine(VerifierMode.REPORT, EngineConfiguration.DEFAULT_PORT_LIMIT));
    private final PortCommands ports = new PortCommands(engine, context());
    private final InspectCommands inspect = new InspectCommands(engine);

    @AfterEach
    void stop() {
        ports.deactivate();
    }

    @Test
    void aShellAdapterGoesThroughThePortLifecycle() {
        assertEquals("adapter v1 is running; port 0 is active", ports.create("v1"));
        assertEquals("port 1 allocated on v1", ports.allocate("v1"));
        assertEquals("port 2 allocated on v1", ports.allocate("v1", "3"));
        assertEquals("ports [1, 2] activated on v1", ports.activate("v1", "1", "2"));
        assertEquals("ports [2] deactivated on v1", ports.deactivate("v1", "2"));
        String table = inspect.ports("v1");
        assertTrue(table.lines().anyMatch(l -> l.matches("1\\s+activated\\s+undefined\\s+unknown\\s+.*")), table);
        assertTrue(table.lines().anyMatch(l -> l.matches("2\\s+allocated\\s+ieee8021x_supplicant\\s+.*")), table);
        assertEquals("port 2 freed on v1", ports.free("v1", "2"));
        assertTrue(inspect.adapters().lines().anyMatch(l -> l.matches("v1\\s+running\\s+ScriptedMiniport\\s+shell.test.*")),
                inspect.adapters());
        assertEquals("adapter v1 halted", ports.halt("v1"));
        assertEquals("no adapters", inspect.adapters());
        assertEquals("no findings\nverifier REPORT: 0 recorded in all", inspect.violations("", ""));
    }

    @Test
    @org.junit.jupiter.api.DisplayName("R37 through the shell: the error names the NDIS status, nothing is thrown past Gogo but CommandFailed")
    void r37_errorsNameTheStatus() {
        ports.create("v1");
        ports.allocate("v1");
        ports.activate("v1", "1");
        CommandFailed f = assertThrows(CommandFailed.class, () -> ports.free("v1", "1"));
        assertEquals("free port 1 on v1: " + NdisStatus.INVALID_PORT_STATE, f.getMessage());
        assertTrue(f.getMessage().contains("NDIS_STATUS_INVALID_PORT_STATE"), f.getMessage());
        f = assertThrows(CommandFailed.class, () -> ports.activate("v1", "0x7"));
        assertEquals("activate [7] on v1: " + NdisStatus.INVALID_PORT, f.getMessage());
        assertEquals(0, f.getStackTrace().length, "Gogo prints the message alone");
    }

    @Test
    void theShellActsOnlyOnAdaptersItCreated() {
        engine.createAdapter(AdapterSpec.virtual("other", new ScriptedMiniport(), "third.party")).initialize();
        CommandFailed f = assertThrows(CommandFailed.class, () -> ports.allocate("other"));
        assertTrue(f.getMessage().startsWith("adapter other is driven by its own driver"), f.getMessage());
        assertEquals("no adapter named nope", assertThrows(CommandFailed.class, () -> ports.allocate("nope")).getMessage());
    }

    @Test
    void violationsFilterByAdapterAndRule() {
        ports.create("v1");
        ports.allocate("v1", "1");
        String all = inspect.violations("", "");
        assertTrue(all.contains("R10") && all.contains("warning") && all.contains("v1"), all);
        assertTrue(inspect.violations("", "r10").contains("R10"));
        assertTrue(inspect.violations("", "R11").startsWith("no findings match"));
        assertTrue(inspect.violations("v2", "").startsWith("no findings match"));
    }

    @Test
    void countersAndAwait() {
        ports.create("v1");
        String counters = inspect.counters("v1");
        assertTrue(counters.lines().anyMatch(l -> l.matches("total\\s+0\\s+0\\s+0")), counters);
        assertEquals("v1 is running", inspect.await("1", "v1"));
        CommandFailed f = assertThrows(CommandFailed.class, () -> inspect.await("0", "ghost"));
        assertEquals("adapter ghost is not running and bound after 0 s", f.getMessage());
    }

    @Test
    void r72_busCommandsRefuseClaimedPortsNamingTheAdapter() {
        List<String> writes = new ArrayList<>();
        IoPortSpace space = (IoPortSpace) java.lang.reflect.Proxy.newProxyInstance(IoPortSpace.class.getClassLoader(),
                new Class<?>[] {IoPortSpace.class}, (p, m, a) -> switch (m.getName()) {
                    case "claims" -> List.of(new IoClaim(new IoPortRange(0x300, 0x20), "nicA", "nicA"));
                    case "busRead" -> 0x5A;
                    case "busWrite" -> writes.add(Integer.toHexString((Integer) a[0]));
                    default -> null;
                });
        IoCommands io = new IoCommands(space);
        assertEquals("02fe: 0x5a", io.inb("0x2fe"));
        CommandFailed f = assertThrows(CommandFailed.class, () -> io.inw("0x2ff"));
        assertEquals("02ff is claimed by adapter nicA (0300-031f): only its driver may access it", f.getMessage());
        assertThrows(CommandFailed.class, () -> io.outb("0x31f", "1"));
        assertEquals("0320 <- 0x01", io.outb("0x320", "1"));
        assertEquals(List.of("320"), writes);
    }

    static BundleContext context() {
        Bundle bundle = (Bundle) java.lang.reflect.Proxy.newProxyInstance(Bundle.class.getClassLoader(),
                new Class<?>[] {Bundle.class}, (p, m, a) -> m.getName().equals("getSymbolicName") ? "shell.test" : null);
        return (BundleContext) java.lang.reflect.Proxy.newProxyInstance(BundleContext.class.getClassLoader(),
                new Class<?>[] {BundleContext.class}, (p, m, a) -> m.getName().equals("getBundle") ? bundle : null);
    }
}
