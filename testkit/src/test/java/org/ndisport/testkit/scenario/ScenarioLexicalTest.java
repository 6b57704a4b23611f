package org.ndisport.testkit.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.ndisport.testkit.scenario.MalformedScenarioTest.assertError;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Numbers, characters, line ends and sizes in scenario text (decisions N50 and N51). */
class ScenarioLexicalTest {
    @Test
    void n50_negativeAndSignedNumbersAreRefused() {
        for (String word : List.of("-1", "+1", "0x-1", "0x+1", "-0", "0x-0", "--1")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Words.number(word), word);
            assertEquals("expected a number (decimal or 0x hex), got '" + word + "'", e.getMessage());
        }
        assertError("line 5: expected a number (decimal or 0x hex), got '0x+5'", "m1 free 0x+5");
    }

    @Test
    void n50_numbersAboveAUlongAreRefusedWithoutOverflowing() {
        for (String word : List.of("4294967296", "0x100000000", "9223372036854775807", "9223372036854775808",
                "0xFFFFFFFFFFFFFFFFF", "1" + "0".repeat(400))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Words.number(word), word);
            assertEquals("number " + word + " is above 0xFFFFFFFF", e.getMessage());
        }
        assertEquals(0xFFFFFFFFL, Words.number("4294967295"));
        assertEquals(1, Words.number("0x" + "0".repeat(1000) + "1"), "leading zeros are allowed");
        assertEquals(7, Words.number("007"));
        assertError("line 5: number 0x100000000 is above 0xFFFFFFFF", "m1 io-read8 0x100000000");
    }

    @Test
    void n50_malformedHexAndOtherNotationsAreRefused() {
        for (String word : List.of("0x", "0X", "x10", "0xg1", "0x1.5", "1.0", "1e3", "0b101", "1_000", "0x_1", "",
                " 1", "1 ", "0x1h", "0o17", "１", "١", "0x１")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Words.number(word), word);
            assertEquals("expected a number (decimal or 0x hex), got '" + word + "'", e.getMessage());
        }
        assertEquals(0xAB, Words.number("0XaB"), "hex digits and the x are case-insensitive, like keywords");
    }

    @Test
    void n50_nonAsciiOutsideCommentsIsRefusedNamingTheColumn() {
        assertError("line 1: character U+00E9 at column 13: outside comments a scenario is printable ASCII, "
                + "spaces and tabs", "scenario caf\u00e9\n");
        assertError("line 5: character U+0661 at column 9: outside comments a scenario is printable ASCII, "
                + "spaces and tabs", "m1 free \u0661");
        assertError("line 5: character U+00A0 at column 3: outside comments a scenario is printable ASCII, "
                + "spaces and tabs", "m1\u00a0allocate");
        assertNull(ScenarioParser.parse("t", "scenario x # caf\u00e9 \u2713 \u0000\nminiport m1 # \u00a0\n").get(0)
                .syntaxError(), "comments may hold anything");
        assertEquals(false, Words.isName("m\u00e9"), "names are ASCII");
        assertEquals(false, Words.isName("m\u0661"));
    }

    @Test
    void n50_controlCharactersAreRefusedTabsSeparateWords() {
        assertError("line 5: character U+0000 at column 10: outside comments a scenario is printable ASCII, "
                + "spaces and tabs", "m1 free 1\u0000");
        assertError("line 5: character U+001B at column 1: outside comments a scenario is printable ASCII, "
                + "spaces and tabs", "\u001b[31mm1 free 1");
        assertError("line 5: character U+000C at column 3: outside comments a scenario is printable ASCII, "
                + "spaces and tabs", "m1\ffree 1");
        assertError("line 5: character U+000B at column 3: outside comments a scenario is printable ASCII, "
                + "spaces and tabs", "m1\u000bfree 1");
        assertError("line 5: character U+007F at column 9: outside comments a scenario is printable ASCII, "
                + "spaces and tabs", "m1 free \u007f");
        Scenario tabs = ScenarioParser.parse("t", "scenario\tx\nminiport\t\tm1\ninit m1\n\tm1 free 1\t=>\tINVALID_PORT\n")
                .get(0);
        assertNull(tabs.syntaxError());
        assertEquals(List.of("free", "1"), tabs.steps().get(2).words());
    }

    @Test
    void n50_crlfLineEndsAndALeadingByteOrderMarkAreAccepted() {
        String lf = "scenario x\nminiport m1\ninit m1 {\n  set-attributes\n}\nm1 allocate => SUCCESS port 1\n";
        Scenario plain = ScenarioParser.parse("t", lf).get(0);
        Scenario crlf = ScenarioParser.parse("t", "\uFEFF" + lf.replace("\n", "\r\n")).get(0);
        assertNull(crlf.syntaxError());
        assertEquals(plain, crlf);
        assertNull(ScenarioParser.parse("t", "scenario x\r\nminiport m1\r").get(0).syntaxError(), "a last CR too");
        assertError("line 1: character U+000D at column 11: outside comments a scenario is printable ASCII, "
                + "spaces and tabs", "scenario x\rminiport m1\r\n");
        assertError("line 2: character U+FEFF at column 1: outside comments a scenario is printable ASCII, "
                + "spaces and tabs", "scenario x\n\uFEFFminiport m1\n");
    }

    @Test
    void veryLongLinesAreParsedOrRefusedByTheirContent() {
        String ports = IntStream.range(1, 20_001).mapToObj(Integer::toString).collect(Collectors.joining(" "));
        Scenario s = ScenarioParser.parse("t", "scenario x\nminiport m1\ninit m1\n" + " ".repeat(1_000_000) + "m1 activate "
                + ports + " # " + "c".repeat(1_000_000) + "\n").get(0);
        assertNull(s.syntaxError());
        assertEquals(20_001, s.steps().get(2).words().size());
        String longName = "n".repeat(100_000);
        assertNull(ScenarioParser.parse("t", "scenario " + longName + "\n").get(0).syntaxError());
        assertError("line 5: expected a number (decimal or 0x hex), got 'x'", "m1 activate " + ports + " x");
    }

    @Test
    void n50_listsNestAtMostEightDeep() {
        String eight = "[".repeat(8) + "]".repeat(8);
        assertNull(ScenarioParser.parse("t", "scenario x\nexpect violations " + eight + "\n").get(0).syntaxError());
        assertError("line 2: lists nested more than 8 deep at column 27",
                "scenario x\nexpect violations " + "[".repeat(100_000) + "]".repeat(100_000) + "\n");
    }

    @Test
    void n51_countsAndBufferSizesAreBounded() {
        assertError("line 5: count must be 1 to 65536, got 0", "m1 receive 1 count=0");
        assertError("line 5: count must be 1 to 65536, got 65537", "m1 receive 1 count=65537");
        assertError("line 5: count must be 1 to 65536, got 0x7fffffff", "p1 send m1 1 count=0x7fffffff");
        assertError("line 5: a buffer holds at most 65536 elements", "m1 io-read-buffer8 0x300 0xffffffff");
        assertError("line 5: a buffer holds at most 65536 elements", "m1 io-write-buffer8 0x300 ["
                + IntStream.range(0, 65_537).mapToObj(i -> "0").collect(Collectors.joining(",")) + "]");
        assertNull(ScenarioParser.parse("t", "scenario x\nminiport m1\nm1 receive 0 count=65536\n"
                + "m1 io-read-buffer32 0 65536\n").get(0).syntaxError());
    }

    @Test
    void n51_writtenValuesMustFitTheirWidth() {
        assertError("line 5: value 0x100 does not fit in 8 bits", "m1 io-write8 0x300 0x100");
        assertError("line 5: value 65536 does not fit in 16 bits", "m1 io-write16 0x300 65536");
        assertError("line 5: value 0x1ff does not fit in 8 bits", "m1 io-write-buffer8 0x300 [1, 0x1ff]");
        assertError("line 5: value 0x10000 does not fit in 16 bits", "m1 io-write-buffer16 0x300 [0x10000]");
        assertNull(ScenarioParser.parse("t", "scenario x\nminiport m1\nm1 io-write8 0 0xff\nm1 io-write16 0 0xffff\n"
                + "m1 io-write32 0 0xffffffff\nm1 io-write-buffer32 0 [0xffffffff]\n").get(0).syntaxError());
    }

    @Test
    void n51_deviceRangesLieInTheIoSpace() {
        assertError("line 2: device I/O range io=0xfff0 len=0x20 is empty or leaves the I/O space (0x0-0xffff)",
                "scenario x\ndevice d latch io=0xfff0 len=0x20\n");
        assertError("line 2: device I/O range io=0x300 len=0 is empty or leaves the I/O space (0x0-0xffff)",
                "scenario x\ndevice d latch io=0x300 len=0\n");
        assertError("line 2: device I/O range io=0xffffffff len=0xffffffff is empty or leaves the I/O space (0x0-0xffff)",
                "scenario x\ndevice d ne2000 io=0xffffffff len=0xffffffff\n");
        assertNull(ScenarioParser.parse("t", "scenario x\ndevice d latch io=0xfff0 len=0x10\n").get(0).syntaxError());
    }

    @Test
    void eventAndClaimItemsAreCheckedBeforeAnythingRuns() {
        assertError("line 5: empty item in list [0,]", "expect p1 events [bind m1 [0,]]");
        assertError("line 5: empty item in list [,]", "expect ioports [[,]]");
    }
}
