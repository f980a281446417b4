package io.yakraft.session;

import io.yakraft.scenario.Lessons;
import io.yakraft.scenario.ReadingTime;
import io.yakraft.scenario.Scenario;
import io.yakraft.scenario.ScenarioException;
import io.yakraft.scenario.ScenarioReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pacing changes when things happen in wall time, never what happens: and every lesson reads at a human pace. */
class PacingTest {

    static List<String> lessons() {
        return Lessons.names();
    }

    /** The trace of a session played to time t without any pacing. */
    private static String unpacedHash(Scenario s, long t) {
        Session session = new Session(s.cluster());
        session.play(s);
        session.fastForward(t);
        assertEquals(t, session.now());
        return session.traceSha256();
    }

    @Test
    void captionHoldsAndSlowMotionLeaveTheTraceAsItIs() throws ScenarioException {
        Scenario s = Lessons.load("01-first-election.json");
        PacingReport paced = PacingReport.measure(s, LiveSession.LESSON_SPEED, true, true);
        PacingReport plain = PacingReport.measure(s, LiveSession.LESSON_SPEED, false, false);
        assertTrue(paced.wallMs() > plain.wallMs() + 5_000, "holding for reading takes longer: " + paced.wallMs() + " vs " + plain.wallMs());
        assertEquals(unpacedHash(s, paced.simulatedMs()), paced.traceSha256());
        assertEquals(unpacedHash(s, plain.simulatedMs()), plain.traceSha256());
    }

    @Test
    void slowMotionSlowsAnElectionAndHurriesAnIdleWait() {
        LiveSession live = new LiveSession(Session.defaultConfig(42, 3, 0), 1, false);
        live.setSlowMotion(true);
        while (live.latest().snapshot().now() < 400) {
            live.tick(16);
        }
        assertEquals(SlowMotion.FAST, live.pace(), "nothing in flight before the first timeout, nothing key just happened");
        long before = live.latest().snapshot().now();
        while (live.latest().snapshot().leaderId() < 0 && live.latest().snapshot().now() < 5_000) {
            live.tick(16);
        }
        assertTrue(live.latest().snapshot().now() > before);
        assertEquals(SlowMotion.SLOW, live.pace(), "a role change has just happened");
        long t0 = live.latest().snapshot().now();
        live.tick(16);
        assertTrue(live.latest().snapshot().now() - t0 <= 5, "at most a quarter of 16 ms passed in slow motion");
    }

    @Test
    void aCaptionHoldsTheNextStepUntilReadThenLetsItGo() throws ScenarioException {
        Scenario s = ScenarioReader.read("t.json", """
                {"name": "t", "cluster": {"controllers": 3, "seed": 42}, "steps": [
                  {"action": "caption", "text": "one two three four five six"},
                  {"after": "100ms", "action": "caption", "text": "next"}
                ]}""");
        LiveSession live = new LiveSession(s.cluster(), 1, false);
        live.play(s);
        long need = ReadingTime.millis("one two three four five six");
        assertEquals(3_500, need);
        double wall = 0;
        while (wall < need - 100) {
            live.tick(16);
            wall += 16;
        }
        assertEquals("one two three four five six", live.latest().scenario().caption());
        assertTrue(live.latest().scenario().heldForReading());
        assertEquals(100, live.latest().snapshot().now(), "the simulation waits at the next step's time");
        for (int i = 0; i < 20; i++) {
            live.tick(16);
        }
        assertEquals("next", live.latest().scenario().caption());
        assertEquals(2, live.latest().scenario().history().size());
    }

    @Test
    void aQuestionPausesUntilAnsweredThenReveals() throws ScenarioException {
        Scenario s = ScenarioReader.read("q.json", """
                {"name": "q", "cluster": {"controllers": 3, "seed": 42}, "steps": [
                  {"action": "question", "id": "epoch", "text": "Which epoch will the first leader have?",
                   "choices": ["0", "1", "2"], "answer": 1, "explain": "Pre-vote wins without bumping it; the real vote bumps it once."},
                  {"waitFor": "leaderElected", "timeout": "5s"},
                  {"action": "expect", "check": "epochIs", "value": 1, "proves": "epoch"}
                ]}""");
        LiveSession live = new LiveSession(s.cluster(), 1, false);
        live.play(s);
        for (int i = 0; i < 10; i++) {
            live.tick(16);
        }
        ScenarioStatus st = live.latest().scenario();
        assertEquals("epoch", st.asked().id());
        assertTrue(live.paused(), "a question pauses the run");
        assertEquals(0, live.latest().snapshot().now());
        live.answer(2);
        live.tick(16);
        st = live.latest().scenario();
        assertEquals(null, st.asked());
        assertEquals("epoch", st.revealed().id());
        assertEquals(2, st.picked());
        assertTrue(st.caption().startsWith("Answer: 1."), st.caption());
        assertFalse(live.paused());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lessons")
    void everyLessonReadsAtAHumanPace(String name) throws ScenarioException {
        PacingReport r = PacingReport.measure(Lessons.load(name), LiveSession.LESSON_SPEED);
        for (PacingReport.Caption c : r.captions()) {
            assertTrue(c.readableLongEnough(), () -> name + " step " + c.step() + " readable " + c.readableMs() + " ms, needs "
                    + c.readingMs() + ": " + c.text());
            assertTrue(c.stateVisibleLongEnough(), () -> name + " step " + c.step() + ": " + c.shows() + " visible only "
                    + c.visibleMs() + " ms: " + c.text());
        }
        assertTrue(r.captions().size() >= 2, name);
    }
}
