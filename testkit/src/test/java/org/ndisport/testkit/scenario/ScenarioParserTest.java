package org.ndisport.testkit.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ndisport.api.NdisStatus;

class ScenarioParserTest {
    @Test
    void wordsKeepNestedListsTogetherAndDropComments() {
        assertEquals(List.of("expect", "p1", "events", "[bind m1 [0, 1], unbind m1]"),
                Words.split("  expect p1 events [bind m1 [0, 1], unbind m1]   # trailing comment"));
        assertEquals(List.of("bind m1 [0, 1]", "unbind m1"), Words.items("[bind m1 [0, 1], unbind m1]"));
        assertEquals(List.of(), Words.items("[]"));
        assertEquals(0xFFFFFFFFL, Words.number("0xFFFFFFFF"));
        assertEquals(-1, Words.uint("0xffffffff"));
        assertThrows(IllegalArgumentException.class, () -> Words.number("0x100000000"));
        assertThrows(IllegalArgumentException.class, () -> Words.number("-1"));
        assertThrows(IllegalArgumentException.class, () -> Words.split("activate-raw chain=[1, 2"));
    }

    @Test
    void keywordsAreCaseInsensitiveNamesAreNot() {
        List<Scenario> s = ScenarioParser.parse("t", "SCENARIO a\nMiniport M1\nINIT M1\nM1 Allocate => success PORT 1\n");
        assertNull(s.get(0).syntaxError());
        Step allocate = s.get(0).steps().get(2);
        assertEquals(Step.Kind.MINIPORT, allocate.kind());
        assertEquals(NdisStatus.SUCCESS, allocate.expectation().status());
        String error = ScenarioParser.parse("t", "scenario b\nminiport M1\ninit m1\n").get(0).syntaxError();
        assertEquals("line 3: init needs a declared miniport adapter", error);
    }

    @Test
    void anInitBlockFollowedByAnExpectationLineBecomesItsResult() {
        Scenario s = ScenarioParser.parse("t", String.join("\n", "scenario c", "miniport m1", "init m1 {",
                "  set-attributes", "  return FAILURE", "}", "init m1 => FAILURE")).get(0);
        assertNull(s.syntaxError());
        assertTrue(s.steps().get(1).hasBlock());
        assertEquals(2, s.steps().get(1).block().size());
        assertEquals(Step.Kind.INIT_RESULT, s.steps().get(2).kind());
        assertEquals(7, s.steps().get(2).line());
    }

    @Test
    void malformedLinesFailTheirScenarioWithTheLineNumber() {
        assertError("line 3: block not closed with '}'", "scenario x\nminiport m1\ninit m1 {\nset-attributes\n");
        assertError("line 2: expected 'scenario NAME' first", "\nminiport m1\nscenario y\n");
        assertError("line 4: unknown status 'SUCESS'", "scenario x\nminiport m1\ninit m1\nm1 free 1 => SUCESS\n");
        assertError("line 4: 'return' is only allowed inside init A { … }",
                "scenario x\nminiport m1\nhalt m1 {\nreturn SUCCESS\n}\n");
        assertError("line 2: expected 'device D ne2000|latch io=BASE len=COUNT'", "scenario x\ndevice d1 floppy io=1 len=2\n");
        assertError("line 3: name 'p1' is already declared", "scenario x\nprotocol p1\nminiport p1\n");
        assertError("line 2: verifier mode is report or fail-fast", "scenario x\noption verifier=loud\n");
        assertError("line 4: expected a number (decimal or 0x hex), got 'one'",
                "scenario x\nminiport m1\ninit m1\nm1 activate one\n");
    }

    @Test
    void aBadScenarioDoesNotStopTheNextOne() {
        List<Scenario> all = ScenarioParser.parse("t", "scenario bad\nfoo\nscenario good\nminiport m1\n");
        assertEquals(2, all.size());
        assertTrue(all.get(0).syntaxError().startsWith("line 2:"));
        assertNull(all.get(1).syntaxError());
    }

    private static void assertError(String expected, String text) {
        List<Scenario> all = ScenarioParser.parse("t", text);
        assertEquals(expected, all.get(0).syntaxError());
    }
}
