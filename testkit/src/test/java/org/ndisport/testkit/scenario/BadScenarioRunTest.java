package org.ndisport.testkit.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ndisport.api.runtime.VerifierMode;

/**
 * Scenarios that follow the format but make no sense (N29): each fails with {@code line N:} and what
 * was expected, never with an exception; everything it created is gone afterwards and the next
 * scenario of the run passes.
 */
class BadScenarioRunTest {
    private final EngineEnvironment env = new EngineEnvironment();
    private final ScenarioRunner runner = new ScenarioRunner(env, 0);

    @Test
    void n29_freeingAPortNeverAllocatedFailsWithTheStatus() throws Exception {
        assertFails("line 4: expected SUCCESS, got INVALID_PORT", "init m1\nm1 free 1");
        assertFails("line 4: expected SUCCESS, got INVALID_DATA", "init m1 {\nfree 0xffffffff\n}");
    }

    @Test
    void n29_stepsInTheWrongOrderFailNamingWhatWasMissing() throws Exception {
        assertFails("line 3: adapter m1 has not been initialized (no handle yet)", "m1 allocate");
        assertFails("line 4: adapter m1 was already initialized", "init m1\ninit m1");
        assertFails("line 4: adapter m1 was already initialized", "init m1\ninit m1 => FAILURE");
        assertFails("line 5: expected SUCCESS, got CLOSING", "init m1\nhalt m1\nm1 allocate");
        assertFails("line 5: expected SUCCESS, got CLOSING", "init m1\nhalt m1 {\nallocate\n}");
        assertFails("line 3: expected SUCCESS, got FAILURE", "init m1 {\nreturn SUCCESS\n}");
    }

    @Test
    void n29_extremeNumbersReachTheRuntimeAsTheirUlongs() throws Exception {
        assertFails("line 4: expected port 4294967295 activated, got port 4294967295 nonexistent",
                "init m1\nexpect m1 port 0xffffffff activated");
        assertFails("line 4: expected SUCCESS, got INVALID_DATA",
                "init m1\nm1 allocate type=0xffffffff size=0 revision=0xffffffff header-type=0");
        assertFails("line 4: expected SUCCESS, got INVALID_PARAMETER", "init m1\nm1 deactivate-raw ports=[1] length=0xffffffff");
        assertFails("line 4: expected SUCCESS, got NOT_SUPPORTED", "init m1\nm1 pnp-event 0xffffffff");
        assertFails("line 4: expected SUCCESS, got INVALID_PORT", "init m1\nm1 notify-port=0xffffffff activate 1");
        assertFails("line 4: expected SUCCESS, got FAILURE", "init m1\nm1 io-register 0xffffffff 0xffffffff");
        assertFails("line 4: expected nbls-outstanding 4294967295, got nbls-outstanding 0",
                "init m1\nexpect m1 nbls-outstanding 0xffffffff");
        assertFails("line 4: expected SUCCESS, got INVALID_PARAMETER", "init m1\nm1 activate-raw cycle=[1]");
    }

    @Test
    void n29_findingsNobodyExpectedFailTheScenarioWithTheirRule() throws Exception {
        assertFails("line 4: expected no unconsumed verifier findings, got [R11] (R11 port 5: receive indication "
                + "dropped: port is NONEXISTENT)", "init m1\nm1 receive 5 count=3");
        assertFails("line 4: expected violations [R1], got violations []", "init m1\nexpect violations [R1]");
    }

    @Test
    void n29_protocolStepsWithoutABindingFail() throws Exception {
        assertFails("line 5: p1 has no binding to m1", "protocol p1\ninit m1\np1 send m1 0 count=1");
        assertFails("line 5: p1 has no binding to m1", "protocol p1\ninit m1\np1 oid m1 0 enumerate-ports buffer=0xffffffff");
        assertFails("line 5: expected bound m1, got unbound m1", "protocol p1\ninit m1\nexpect p1 bound m1");
    }

    @Test
    void n29_aViolationExpectedInFailFastModeThatIsAStatusFails() throws Exception {
        assertFails("line 5: expected VIOLATION R37, got INVALID_PORT",
                "option verifier=fail-fast\ninit m1\nm1 free 7 => VIOLATION R37");
        assertEquals(VerifierMode.REPORT, env.engine.verifier().mode(), "the mode before the run is restored");
    }

    @Test
    void n52_aSyntaxErrorFailsWithoutRunningAndTheRunGoesOn() throws Exception {
        List<String> lines = new ArrayList<>();
        RunReport report = runner.run(ScenarioParser.parse("t", "scenario bad\nminiport m1\ninit m1\nm1 free 1 => "
                + "NOT_A_STATUS\n\nscenario good\nminiport m1\ninit m1\n"), lines::add);
        assertEquals(List.of("not ok bad: syntax error: line 4: unknown status 'NOT_A_STATUS'", "ok good",
                "1 passed, 1 failed"), lines);
        assertEquals(1, report.failed());
        assertTrue(env.engine.adapters().isEmpty());
    }

    private void assertFails(String failure, String body) throws Exception {
        List<String> lines = new ArrayList<>();
        RunReport report = runner.run(ScenarioParser.parse("t", "scenario bad\nminiport m1\n" + body
                + "\n\nscenario good\nminiport m1\ninit m1\nm1 allocate => SUCCESS port 1\n"), lines::add);
        ScenarioResult bad = report.results().get(0);
        assertNull(ScenarioParser.parse("t", "scenario bad\nminiport m1\n" + body + "\n").get(0).syntaxError());
        assertFalse(bad.passed(), body);
        assertEquals(failure, bad.failure(), body);
        assertTrue(report.results().get(1).passed(), lines.toString());
        assertTrue(env.engine.adapters().isEmpty(), "torn down");
    }
}
