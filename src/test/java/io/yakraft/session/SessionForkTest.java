package io.yakraft.session;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Forks made explicit: a session knows how many recorded actions lie after now, acting drops
 * them (and can be undone, to the same trace), and Save writes only what is on the timeline now.
 */
class SessionForkTest {
    private static int actionsIn(String json) {
        return json.split("\"kill\"|\"heal\"", -1).length - 1;
    }

    @Test
    void aRewindLeavesAFutureThatActingDropsAndUndoRestores() {
        Session s = new Session(Session.defaultConfig(42, 3, 2));
        s.advance(3_000);
        s.perform(Act.of("heal"), o -> { }, r -> { });
        s.advance(500);
        s.perform(Act.of("kill", "node", "n2"), o -> { }, r -> { });
        s.advance(2_000);
        assertEquals(0, s.recordedActionsAfterNow());
        assertEquals(2, actionsIn(s.recordingJson()));

        s.rewindTo(3_200);
        assertEquals(1, s.recordedActionsAfterNow(), "the kill at 3.5 s lies after now");
        assertEquals(3_500, s.firstRecordedActionAfterNow());
        assertEquals(1, actionsIn(s.recordingJson()), "Save writes what is on the timeline now, not the future");
        String before = s.traceSha256();

        s.perform(Act.of("heal"), o -> { }, r -> { });
        assertEquals(0, s.recordedActionsAfterNow(), "acting in the past forks: the kill is gone");
        assertTrue(s.canUndoFork());

        assertTrue(s.undoFork());
        assertFalse(s.canUndoFork());
        assertEquals(3_200, s.now());
        assertEquals(1, s.recordedActionsAfterNow(), "Undo brings the dropped kill back");
        assertEquals(before, s.traceSha256(), "to the very same moment, event for event");
        s.advance(1_000);
        assertEquals(0, s.recordedActionsAfterNow(), "and it replays as time passes");
        assertTrue(s.snapshot().node(2).displayRole().equals("Dead"), "n2 was killed again");
    }

    @Test
    void aStepBackOverAnActionUndoesItForSave() {
        Session s = new Session(Session.defaultConfig(42, 3, 0));
        s.advance(3_000);
        s.perform(Act.of("kill", "node", "n2"), o -> { }, r -> { });
        assertEquals(1, actionsIn(s.recordingJson()));
        long events = s.snapshot().events();
        for (int i = 0; i < 3 && s.recordedActionsAfterNow() == 0; i++) {
            s.stepBack();
        }
        assertTrue(s.snapshot().events() < events);
        assertEquals(1, s.recordedActionsAfterNow(), "stepping back over the kill puts it after now");
        assertEquals(0, actionsIn(s.recordingJson()), "so Save leaves it out");
    }
}
