package org.ndisport.testkit.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Scenario text that breaks the format's structure: every case is a syntax error naming its line, the
 * parser never throws, and the other scenarios of the text are unaffected.
 */
class MalformedScenarioTest {
    private static final String HEAD = "scenario x\nminiport m1\nprotocol p1\ninit m1\n";

    @Test
    void n52_emptyOrCommentOnlyTextFailsAsOneScenarioNamedAfterTheSource() {
        for (String text : List.of("", "\n\n", "   \t \n", "# only a comment\n  # another\n", "\uFEFF")) {
            List<Scenario> all = ScenarioParser.parse("empty.scn", text);
            assertEquals(1, all.size(), text);
            assertEquals("empty.scn", all.get(0).name());
            assertEquals("line 1: no scenario in the text (expected a line 'scenario NAME')", all.get(0).syntaxError());
        }
    }

    @Test
    void unknownKeywordsStepsAndExpectations() {
        assertError("line 5: 'frobnicate' is neither a keyword nor a declared miniport or protocol", "frobnicate m1");
        assertError("line 5: unknown miniport step 'allocte'", "m1 allocte");
        assertError("line 5: unknown protocol step 'recv' (send, oid)", "p1 recv m1 0 count=1");
        assertError("line 5: unknown expectation 'colour'", "expect m1 colour red");
        assertError("line 5: unknown allocate field 'colour'", "m1 allocate colour=red");
        assertError("line 5: unknown port type 'token-ring'", "m1 allocate type=token-ring");
        assertError("line 5: unknown PnP event code 'Reboot'", "m1 pnp-event Reboot");
        assertError("line 5: unknown status 'SUCESS'", "m1 free 1 => SUCESS");
        assertError("line 5: unknown detail 'slot' (port, offset, ports, needed)", "m1 allocate => SUCCESS slot 1");
        assertError("line 5: unexpected 'ports=[1]' for activate-raw", "m1 activate-raw ports=[1]");
        assertError("line 2: verifier mode is report or fail-fast", "scenario x\noption verifier=loud\n");
        assertError("line 2: expected verifier=VALUE, got 'colour=red'", "scenario x\noption colour=red\n");
    }

    @Test
    void missingArguments() {
        assertError("line 1: expected 'scenario NAME' (letters, digits, '-', '_')", "scenario\nminiport m1\n");
        assertError("line 2: miniport needs a NAME", "scenario x\nminiport\n");
        assertError("line 2: expected 'device D ne2000|latch io=BASE len=COUNT'", "scenario x\ndevice d ne2000 io=0x300\n");
        assertError("line 2: init needs a declared miniport adapter", "scenario x\ninit\n");
        assertError("line 5: wrong number of words in 'free'", "m1 free");
        assertError("line 5: wrong number of words in 'io-write8 0x300'", "m1 io-write8 0x300");
        assertError("line 5: activate needs at least one port", "m1 activate");
        assertError("line 5: missing miniport step", "m1 => SUCCESS");
        assertError("line 5: nothing after '=>'", "m1 allocate =>");
        assertError("line 5: nothing before '=>'", "=> SUCCESS");
        assertError("line 5: expected 'P send A N count=K' or 'P oid A N enumerate-ports|port-state'", "p1 send m1 1");
        assertError("line 5: expected count=VALUE, got 'count='", "m1 receive 1 count=");
        assertError("line 5: expected 'expect A port N nonexistent|allocated|activated'", "expect m1 port 1");
        assertError("line 5: incomplete expect line", "expect violations");
        assertError("line 5: activate-raw chain=[…] needs at least one port", "m1 activate-raw chain=[]");
    }

    @Test
    void extraArguments() {
        assertError("line 1: expected 'scenario NAME' (letters, digits, '-', '_')", "scenario a b\n");
        assertError("line 2: expected 'miniport A' or 'miniport A on D' with D declared", "scenario x\nminiport m1 m2\n");
        assertError("line 5: wrong number of words in 'free 1 2'", "m1 free 1 2");
        assertError("line 5: unexpected 'now' after halt m1", "halt m1 now");
        assertError("line 5: expected 'set-attributes [controls-default-port]'", "m1 set-attributes controls-default-port x");
        assertError("line 5: expected 'expect violations […]'", "expect violations [] []");
        assertError("line 5: malformed expectation 'SUCCESS port 1 2'", "m1 allocate => SUCCESS port 1 2");
        assertError("line 5: unexpected words after port-state", "p1 oid m1 0 port-state buffer=4");
        assertError("line 6: '}' stands alone on its line", "init m1 {\n} x");
        assertError("line 6: expected 'return STATUS'", "init m1 {\nreturn FAILURE now\n}");
    }

    @Test
    void unterminatedListsAndBlocks() {
        assertError("line 5: unbalanced '[' at column 19", "expect violations [R1");
        assertError("line 5: unbalanced ']' at column 21", "expect violations R1]");
        assertError("line 3: block not closed with '}'", "scenario x\nminiport m1\ninit m1 {\nset-attributes\n");
        assertError("line 5: '}' without an open init or halt block", "}");
        assertError("line 6: unknown miniport step 'init'", "init m1 {\ninit m1 {\n}\n}");
        List<Scenario> all = ScenarioParser.parse("t", "scenario a\nminiport m1\ninit m1 {\nscenario b\nminiport m1\n");
        assertEquals("line 3: block not closed with '}'", all.get(0).syntaxError());
        assertNull(all.get(1).syntaxError(), "a scenario line ends the open block's scenario; the next one is fine");
    }

    @Test
    void n52_duplicatedNames() {
        assertError("line 5: name 'm1' is already declared", "miniport m1");
        assertError("line 5: name 'p1' is already declared", "miniport p1");
        assertError("line 3: name 'd' is already declared", "scenario x\ndevice d latch io=0 len=1\ndevice d latch io=2 len=1\n");
        List<Scenario> all = ScenarioParser.parse("t", "scenario a\nminiport m1\n\nscenario b\nminiport m1\nscenario a\n");
        assertNull(all.get(0).syntaxError());
        assertNull(all.get(1).syntaxError(), "names are per scenario");
        assertEquals("line 6: scenario a is already defined at line 1", all.get(2).syntaxError());
    }

    @Test
    void referencesToUndeclaredAdaptersProtocolsAndDevices() {
        assertError("line 5: init needs a declared miniport adapter", "init m2");
        assertError("line 2: 'm1' is neither a keyword nor a declared miniport or protocol", "scenario x\nm1 allocate\nminiport m1\n");
        assertError("line 2: expected 'miniport A' or 'miniport A on D' with D declared", "scenario x\nminiport m1 on d9\n");
        assertError("line 5: 'm9' is not a declared miniport adapter", "p1 send m9 1 count=1");
        assertError("line 5: expected 'expect P bound|unbound A' with A declared", "expect p1 bound m9");
        assertError("line 5: 'm9' is not a declared adapter or protocol", "expect m9 phase running");
        assertError("line 5: 'p1' is not a declared miniport adapter", "p1 oid p1 0 port-state");
    }

    @Test
    void stepsInTheWrongOrderOrSection() {
        assertError("line 1: expected 'scenario NAME' first", "miniport m1\nscenario x\n");
        assertError("line 5: 'return' is only allowed inside init A { … }", "return SUCCESS");
        assertError("line 6: 'return' is only allowed inside init A { … }", "halt m1 {\nreturn SUCCESS\n}");
        assertError("line 5: halt reports no status", "halt m1 => SUCCESS");
        assertError("line 5: this line takes no '=>' expectation", "miniport m2 => SUCCESS");
        assertError("line 5: this line takes no '=>' expectation", "expect m1 phase running => SUCCESS");
        assertError("line 5: this line takes no '=>' expectation", "init m1 { => SUCCESS");
    }

    @Test
    void theFirstErrorOfAScenarioWinsAndTheNextScenarioStillParses() {
        List<Scenario> all = ScenarioParser.parse("t", "scenario a\nm1 x\nfoo\nscenario b\nminiport m1\ninit m1\n");
        assertEquals("line 2: 'm1' is neither a keyword nor a declared miniport or protocol", all.get(0).syntaxError());
        assertEquals(3, all.get(0).lastLine());
        assertNull(all.get(1).syntaxError());
        assertEquals(2, all.get(1).steps().size());
    }

    /** Parses {@link #HEAD} + {@code tail} (or {@code tail} alone when it starts a scenario). */
    static void assertError(String expected, String tail) {
        String text = tail.startsWith("scenario") || tail.startsWith("miniport m1\nscenario") ? tail : HEAD + tail + "\n";
        List<Scenario> all = ScenarioParser.parse("t", text);
        assertEquals(expected, all.get(0).syntaxError(), text);
    }
}
