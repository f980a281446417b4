package io.yakraft.scenario;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Predict, then reveal: a headless run counts a question passed only when a later expectation proves it. */
class QuestionTest {
    private static String scenario(String proof) {
        return """
                {"name": "q", "cluster": {"controllers": 3, "seed": 42}, "steps": [
                  {"action": "question", "id": "e", "text": "Which epoch?", "choices": ["0", "1"], "answer": 1, "explain": "One real vote."},
                  {"waitFor": "leaderElected", "timeout": "5s"},
                  %s
                ]}""".formatted(proof);
    }

    @Test
    void aQuestionProvedByAPassingExpectationPasses() throws ScenarioException {
        ScenarioRun run = ScenarioRun.play(ScenarioReader.read("q.json",
                scenario("{\"action\": \"expect\", \"check\": \"epochIs\", \"value\": 1, \"proves\": \"e\"}")));
        assertEquals(1, run.questions().size());
        assertEquals(3, run.questions().get(0).provedAtStep());
        assertTrue(run.passed());
    }

    @Test
    void aQuestionWhoseProofFailsOrIsMissingFailsTheRun() throws ScenarioException {
        ScenarioRun wrong = ScenarioRun.play(ScenarioReader.read("q.json",
                scenario("{\"action\": \"expect\", \"check\": \"epochIs\", \"value\": 2, \"proves\": \"e\"}")));
        assertFalse(wrong.questions().get(0).proved());
        assertFalse(wrong.passed());
        ScenarioRun unproved = ScenarioRun.play(ScenarioReader.read("q.json",
                scenario("{\"action\": \"expect\", \"check\": \"epochIs\", \"value\": 1}")));
        assertTrue(unproved.expectations().stream().allMatch(StepReport::passed));
        assertFalse(unproved.passed(), "an unproved question fails the run");
    }

    @Test
    void theReaderRefusesAProofOfNoQuestionAndAnAnswerOutOfRange() {
        String noSuch = assertThrows(ScenarioException.class, () -> ScenarioReader.read("q.json",
                scenario("{\"action\": \"expect\", \"check\": \"epochIs\", \"value\": 1, \"proves\": \"x\"}"))).getMessage();
        assertTrue(noSuch.contains("'proves' names no earlier question"), noSuch);
        String range = assertThrows(ScenarioException.class, () -> ScenarioReader.read("q.json",
                scenario("{\"action\": \"expect\", \"check\": \"epochIs\", \"value\": 1}").replace("\"answer\": 1", "\"answer\": 5")))
                .getMessage();
        assertTrue(range.contains("not the index of one of the 2 choices"), range);
        String shows = assertThrows(ScenarioException.class, () -> ScenarioReader.read("q.json",
                scenario("{\"action\": \"kill\", \"node\": \"leader\", \"shows\": \"leaderElected\"}"))).getMessage();
        assertTrue(shows.contains("'shows' belongs to a caption"), shows);
    }
}
