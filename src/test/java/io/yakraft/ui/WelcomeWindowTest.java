package io.yakraft.ui;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The window as the app opens it: the welcome card over a paused cluster (free play, a lesson),
 * the shortcut sheet on ?, and the glossary's tooltips on table headers and captions.
 */
class WelcomeWindowTest extends WindowTestBase {
    private final List<Boolean> remembered = new ArrayList<>();

    @Start
    void start(Stage stage) {
        open(stage);
        session.setPaused(false); // as the app starts without the card; the card must pause it
        controller.showWelcome(true, remembered::add);
    }

    private static Stage windowTitled(String title) {
        for (Window w : Window.getWindows()) {
            if (w instanceof Stage s && s.isShowing() && title.equals(s.getTitle())) {
                return s;
            }
        }
        return null;
    }

    @Test
    void theCardListsEveryLessonOverAPausedClusterAndEnterStartsFreePlay(FxRobot robot) throws Exception {
        settle();
        assertNotNull(windowTitled("Welcome to YAKRaft Studio"), "the card is shown at start");
        assertTrue(session.paused(), "the cluster waits behind the card");
        long before = snapshot().now();
        session.tick(2_000); // what the pacer does with two seconds of wall time
        assertEquals(before, session.latest().snapshot().now(), "paused: the first election cannot be missed");
        int lessons = io.yakraft.scenario.Lessons.names().size();
        Button split = robot.lookup("#welcomeLesson12").queryButton();
        assertTrue(split.getText().startsWith("12. Split votes"), split.getText());
        assertTrue(robot.lookup("#welcomeLesson" + lessons).tryQuery().isPresent(), "every lesson has its button");
        assertTrue(robot.lookup(".welcome-description").queryAll().stream()
                .anyMatch(n -> ((Label) n).getText().startsWith("Two followers time out at the same instant")),
                "each lesson's one-line description, from its file");
        assertTrue(robot.lookup("#welcomeCard #shortcutSheet .label").queryAll().stream()
                .anyMatch(n -> ((Label) n).getText().equals("Kill selected node")), "the shortcut sheet is on the card");

        robot.clickOn("#welcomeShowAtStart");
        assertEquals(List.of(false), remembered, "the box is the person's preference");
        robot.type(KeyCode.ENTER);
        settle();
        assertEquals(null, windowTitled("Welcome to YAKRaft Studio"), "Enter closes the card");
        assertFalse(session.paused(), "and starts free play");
        advanceUntil("a leader is elected in free play", s -> s.leaderId() > 0);
    }

    @Test
    void aLessonOnTheCardStartsThatLesson(FxRobot robot) throws Exception {
        settle();
        robot.clickOn("#welcomeLesson1");
        settle();
        assertEquals(null, windowTitled("Welcome to YAKRaft Studio"));
        Label caption = robot.lookup("#captionLabel").queryAs(Label.class);
        advanceUntilShown("lesson 1 tells its first caption", () -> session.latest().scenario() != null
                && session.latest().scenario().name().startsWith("1. The first election") && caption.getText().contains("epoch"));
        assertNotNull(caption.getTooltip(), "the glossary explains the caption's words");
        assertTrue(caption.getTooltip().getText().startsWith("Epoch: "), caption.getTooltip().getText());
    }

    @Test
    void questionMarkOpensTheSheetAlsoAfterTypingInTheFilter(FxRobot robot) throws Exception {
        settle();
        robot.type(KeyCode.ENTER); // free play
        settle();
        TextField filter = robot.lookup("#filterField").query();
        robot.clickOn(filter);
        robot.write("vote?");
        assertEquals("vote?", filter.getText(), "a ? typed in the filter is the person's");
        assertEquals(null, windowTitled("Keyboard shortcuts"));
        robot.type(KeyCode.ESCAPE);
        robot.write("?");
        WaitForAsyncUtils.waitForFxEvents();
        Stage sheet = windowTitled("Keyboard shortcuts");
        assertNotNull(sheet, "? opens the shortcut sheet once the filter is left");
        List<String> texts = new ArrayList<>();
        sheet.getScene().getRoot().lookupAll(".label").forEach(n -> texts.add(((Label) n).getText()));
        int kill = texts.indexOf("Kill selected node");
        assertTrue(kill > 0 && texts.get(kill - 1).equals("K"), "rows come from the menus' accelerators: " + texts);
        assertTrue(texts.contains("Split vote…") && texts.contains("Drop next message…"), texts.toString());
        assertTrue(texts.contains("Show the keyboard shortcuts"), "and the scene's own keys");
        assertEquals("vote?", filter.getText());
    }

    @Test
    void theHighWatermarkHeaderExplainsItself(FxRobot robot) throws Exception {
        settle();
        robot.type(KeyCode.ENTER);
        advanceUntil("a leader is elected", s -> s.leaderId() > 0);
        TableView<?> nodes = robot.lookup("#nodeTable").queryTableView();
        WaitForAsyncUtils.waitForFxEvents();
        TableColumnHeader hw = null;
        for (Node n : nodes.lookupAll(".column-header")) {
            if (n instanceof TableColumnHeader h && h.getTableColumn() != null && "Metadata\nHW".equals(h.getTableColumn().getText())) {
                hw = h;
            }
        }
        assertNotNull(hw, "the Metadata HW column's header");
        assertEquals("High watermark (HW)", hw.getProperties().get(GlossaryTips.TERM_KEY));
        Object tip = hw.getProperties().get("javafx.scene.control.Tooltip");
        assertTrue(tip instanceof Tooltip t && t.getText().startsWith("High watermark (HW): The offset up to which"),
                String.valueOf(tip));
    }
}
