package io.yakraft.ui;

import io.yakraft.scenario.Lessons;
import io.yakraft.session.ScenarioStatus;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A lesson plays in the window: the caption bar narrates, holds at a pausing caption, and shows expectations pass. */
class LessonWindowTest extends WindowTestBase {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    private ScenarioStatus status() {
        return session.latest().scenario();
    }

    @Test
    void theFirstLessonHoldsAtItsCaptionThenPlaysToTheEndWithEveryExpectationPassing(FxRobot robot) throws Exception {
        var lesson = Lessons.load("01-first-election.json");
        robot.interact(() -> controller.play(lesson));
        advanceUntilShown("the lesson holds at its first caption", () -> status() != null && status().heldByCaption());
        Label caption = robot.lookup("#captionLabel").query();
        advanceUntilShown("the caption bar shows the narration", () -> caption.getText().startsWith("Three controllers start Unattached"));
        long held = snapshot().now();
        session.tick(300);
        assertEquals(held, snapshot().now(), "simulated time stands still while the caption waits");
        assertTrue(session.paused(), "the caption paused the session for the presenter");
        robot.clickOn("#continueButton");
        settle();
        assertFalse(session.paused(), "Continue plays on");
        advanceUntilShown("the lesson asks its question", () -> status().asked() != null
                && robot.lookup(".question-choice").queryAll().size() == 3);
        assertTrue(caption.getText().startsWith("Which epoch"), caption.getText());
        assertTrue(session.paused(), "a question pauses until answered");
        robot.clickOn("Epoch 2");
        advanceUntilShown("the answer is revealed", () -> caption.getText().startsWith("Answer: Epoch 1.")
                && robot.lookup(".choice-wrong").tryQuery().isPresent() && robot.lookup(".choice-right").tryQuery().isPresent());
        assertEquals(2, status().picked(), "the pick is remembered");
        assertFalse(session.paused(), "after the reveal the lesson plays on to show it");
        advanceUntilShown("the lesson finishes", 120_000, () -> status().finished());
        assertEquals(0, status().failed(), () -> "failed: " + status().lastExpectation());
        assertTrue(status().passed() >= 5, "expectations passed: " + status().passed());
        advanceUntilShown("the progress line says so", () -> robot.lookup("#scenarioProgress").queryAs(Label.class).getText()
                .contains("(finished)"));
        assertTrue(status().history().size() >= 8, "every caption is in the history: " + status().history().size());
    }
}
