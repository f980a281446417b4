package io.yakraft.session;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rewinding rebuilds the past exactly; going back to where we were gives the same trace; step back undoes one event, and a step redoes it. */
class RewindTest {

    private static Session aSessionWithHistory() {
        Session s = new Session(Session.defaultConfig(42, 3, 2));
        s.advance(5_000);
        s.perform(Act.of("kill", "node", "leader"), o -> { }, r -> { });
        s.advance(4_000);
        s.perform(Act.of("createTopic", "name", "t", "partitions", 1, "rf", 1), o -> { }, r -> { });
        s.advance(4_000);
        return s;
    }

    @Test
    void rewindAndComeBackGivesTheSameHistory() {
        Session s = aSessionWithHistory();
        long end = s.now();
        long events = s.snapshot().events();
        String before = s.traceSha256();

        s.rewindTo(end / 2);
        assertEquals(end / 2, s.now(), "the rewind lands at the middle");
        assertTrue(s.snapshot().events() < events, "fewer events in the past");
        assertEquals(end, s.frame(1, true, 0).horizon(), "the horizon remembers where the session got to");

        s.rewindTo(end);
        assertEquals(end, s.now());
        assertEquals(before, s.traceSha256(), "rebuilding the same history gives the same trace");
        assertEquals(events, s.snapshot().events());

        s.stepBack();
        assertEquals(events - 1, s.snapshot().events(), "one event fewer");
        // (the undone event may have left no trace record: a timer that found nothing to do)
        assertTrue(s.step());
        assertEquals(events, s.snapshot().events(), "that event again");
        assertEquals(before, s.traceSha256(), "stepping forward again replays the undone event exactly");
    }

    @Test
    void afterARewindTheRecordedFutureReplaysAsTimePassesUntilThePersonActs() {
        Session s = aSessionWithHistory();
        long end = s.now();
        String before = s.traceSha256();
        s.rewindTo(3_000); // before the kill at 5 s
        s.advance(end - 3_000);
        assertEquals(before, s.traceSha256(), "the recorded kill and createTopic happened again at their times");

        s.rewindTo(3_000);
        s.perform(Act.of("resign"), o -> { }, r -> { }); // acting in the past forks a new future
        s.advance(end - 3_000);
        assertTrue(!s.traceSha256().equals(before), "the new future differs");
        assertTrue(!s.recordingJson().contains("\"kill\""), "the forked-off kill is no longer recorded");
    }
}
