package io.yakraft.session;

import io.yakraft.scenario.ScenarioReader;
import io.yakraft.scenario.ScenarioRun;
import io.yakraft.scenario.StepReport;
import io.yakraft.sim.TraceKind;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A run never passes what it did not run, and always ends, a violation included. */
class RunEndsTest {
    private static final String SCENARIO = """
            {"name": "t", "cluster": {"controllers": 3, "brokers": 0, "seed": 5},
             "steps": [
              {"waitFor": "leaderElected", "timeout": "10s", "action": "expect", "check": "leaderElected"},
              {"after": "1s", "action": "kill", "node": "leader"},
              {"waitFor": {"check": "epochAtLeast", "value": 50}, "timeout": "1h", "action": "caption", "text": "never"},
              {"action": "expect", "check": "epochAtLeast", "value": 1}
             ]}""";

    @Test
    void afterAViolationTheRunEndsAndEveryStepLeftIsAFailureNamedNotRun() throws Exception {
        var scenario = ScenarioReader.read("t.json", SCENARIO);
        boolean[] broke = new boolean[1];
        // the core breaks when the kill arrives: an exception inside the simulation, which stops the run
        Session s = Session.headless(scenario, e -> {
            if (e.kind() == TraceKind.INPUT && !broke[0]) {
                broke[0] = true;
                throw new IllegalStateException("core broke");
            }
        });
        ScenarioRun run = s.playToEnd(); // must return: the wait after the violation counts no simulated time
        assertFalse(run.passed(), "a run stopped by a violation never passes");
        StepReport violation = run.reports().stream().filter(r -> r.message() != null && r.message().contains("core broke"))
                .findFirst().orElseThrow();
        assertTrue(violation.expectation() && !violation.passed(), violation.toString());
        long notRun = run.reports().stream().filter(r -> r.message() != null && r.message().startsWith("not run")).count();
        assertEquals(3, notRun, "the kill, the wait and the last expectation did not run: " + run.reports());
    }

    @Test
    void aRunThatPlaysEveryStepStillPasses() throws Exception {
        String ok = SCENARIO.replace("\"value\": 50}, \"timeout\": \"1h\"", "\"value\": 2}, \"timeout\": \"20s\"");
        ScenarioRun run = Session.headless(ScenarioReader.read("t.json", ok), e -> { }).playToEnd();
        assertTrue(run.passed(), run.reports().toString());
        assertTrue(run.reports().stream().noneMatch(r -> r.message() != null && r.message().startsWith("not run")));
    }
}
