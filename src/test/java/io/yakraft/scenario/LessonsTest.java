package io.yakraft.scenario;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The built-in lessons are regression tests: every expectation must pass, and a replay gives the same trace. */
class LessonsTest {

    static List<String> lessons() {
        return Lessons.names();
    }

    @Test
    void thereAreAtLeastTenLessons() {
        assertTrue(Lessons.names().size() >= 10, Lessons.names().toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lessons")
    void lessonPassesHeadless(String name) throws ScenarioException {
        ScenarioRun run = ScenarioRun.play(Lessons.load(name));
        assertTrue(run.expectations().size() >= 3, "a lesson proves its point with expectations");
        for (StepReport r : run.expectations()) {
            assertTrue(r.passed(), () -> name + " step " + r.step() + " (line " + r.line() + "): " + r.description() + " — " + r.message());
        }
        assertTrue(run.reports().stream().anyMatch(r -> r.description().startsWith("caption")), "a lesson teaches with captions");
    }

    @Test
    void aLessonReplaysToTheSameTraceHash() throws ScenarioException {
        Scenario s = Lessons.load("07-divergent-follower-truncates.json");
        assertEquals(ScenarioRun.play(s).traceSha256(), ScenarioRun.play(s).traceSha256());
    }

    @Test
    void theSampleFeedScenarioBesideTheDataPasses() throws ScenarioException {
        ScenarioRun run = ScenarioRun.play(ScenarioReader.read(java.nio.file.Path.of("data", "feed-orders.scenario.json")));
        assertTrue(run.expectations().size() >= 5);
        for (StepReport r : run.expectations()) {
            assertTrue(r.passed(), () -> "step " + r.step() + ": " + r.description() + " — " + r.message());
        }
    }
}
