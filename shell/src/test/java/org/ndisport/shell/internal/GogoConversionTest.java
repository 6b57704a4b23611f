package org.ndisport.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import org.apache.felix.gogo.runtime.CommandProcessorImpl;
import org.apache.felix.gogo.runtime.threadio.ThreadIOImpl;
import org.apache.felix.service.command.CommandSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ndisport.api.runtime.VerifierMode;
import org.ndisport.core.internal.EngineConfiguration;
import org.ndisport.core.internal.NdisEngine;
import org.ndisport.core.internal.TestConfigs;

/**
 * The port commands through a real Gogo command processor, as the shell types them: Gogo matches
 * arguments to the methods' parameters, and what it cannot match or convert fails in Gogo, naming
 * the command, before the command runs (N53).
 */
class GogoConversionTest {
    private final NdisEngine engine = new NdisEngine(TestConfigs.engine(VerifierMode.REPORT, EngineConfiguration.DEFAULT_PORT_LIMIT));
    private final PortCommands ports = new PortCommands(engine, ShellCommandsTest.context());
    private final InspectCommands inspect = new InspectCommands(engine);
    private final ThreadIOImpl threadIo = new ThreadIOImpl();
    private final CommandProcessorImpl processor = new CommandProcessorImpl(threadIo);
    private final CommandSession session;

    GogoConversionTest() {
        threadIo.start();
        for (String f : new String[] {"create", "allocate", "activate", "free", "halt"}) {
            processor.addCommand("ndis", ports, f);
        }
        session = processor.createSession(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(),
                new ByteArrayOutputStream());
    }

    @AfterEach
    void stop() {
        session.close();
        processor.stop();
        threadIo.stop();
        ports.deactivate();
    }

    @Test
    void n53_argumentsGogoCannotMatchFailBeforeTheCommandRuns() throws Exception {
        assertEquals("adapter v1 is running; port 0 is active", session.execute("ndis:create v1"));
        assertEquals("port 1 allocated on v1", session.execute("ndis:allocate v1"));
        String before = inspect.ports("v1");
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> session.execute("ndis:free v1"));
        assertEquals("Cannot coerce free(Token) to any of [(String, String)]", missing.getMessage());
        IllegalArgumentException extra = assertThrows(IllegalArgumentException.class,
                () -> session.execute("ndis:free v1 1 2"));
        assertEquals("Cannot coerce free(Token, Token, Token) to any of [(String, String)]", extra.getMessage());
        assertEquals(before, inspect.ports("v1"));
    }

    @Test
    void n53_valuesGogoPassesOnFailInTheCommandWithItsMessage() throws Exception {
        session.execute("ndis:create v1");
        String before = inspect.ports("v1");
        CommandFailed negative = assertThrows(CommandFailed.class, () -> session.execute("ndis:free v1 -1"));
        assertEquals("expected a number (decimal or 0x hex), got '-1'", negative.getMessage());
        CommandFailed unset = assertThrows(CommandFailed.class, () -> session.execute("ndis:free v1 $nothing"));
        assertEquals("missing number (decimal or 0x hex)", unset.getMessage());
        CommandFailed noName = assertThrows(CommandFailed.class, () -> session.execute("ndis:allocate $nothing"));
        assertEquals("missing adapter name", noName.getMessage());
        CommandFailed overflow = assertThrows(CommandFailed.class,
                () -> session.execute("ndis:activate v1 0x100000000"));
        assertEquals("number 0x100000000 is above 0xFFFFFFFF", overflow.getMessage());
        assertEquals(before, inspect.ports("v1"));
        assertEquals("port 1 allocated on v1", session.execute("ndis:allocate v1 0"));
    }
}
