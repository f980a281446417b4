package io.yakraft.ui;

import io.yakraft.sim.TraceEvent;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The window as a class meets it: shortcuts after the event-log filter was used and after a
 * dialog, a picked event that stays picked while the log rolls, a fork that asks first and can
 * be undone, and the whole window readable at 1366×768.
 */
class ClassroomWindowTest extends WindowTestBase {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    private void pickNodeInTable(FxRobot robot, int id) throws Exception {
        TableView<NodeRow> table = robot.lookup("#nodeTable").queryTableView();
        advanceUntilShown("the nodes table lists n" + id, () -> table.getItems().stream().anyMatch(r -> r.id() == id));
        Node row = robot.lookup("#nodeTable .table-row-cell").match((TableRow<NodeRow> r) -> r.getItem() != null
                && r.getItem().id() == id).query();
        robot.clickOn(row);
        assertEquals(id, controller.model().selectedNodeProperty().get(), "the row click picks n" + id);
    }

    private void typeKeys(FxRobot robot, KeyCode... keys) {
        for (KeyCode k : keys) {
            robot.type(k);
        }
    }

    @Test
    void afterTypingInTheFilterEscGivesTheShortcutsBack(FxRobot robot) throws Exception {
        advanceUntil("a leader is elected", s -> s.leaderId() > 0);
        pickNodeInTable(robot, 2);
        TextField filter = robot.lookup("#filterField").query();
        robot.clickOn(filter);
        typeKeys(robot, KeyCode.V, KeyCode.O, KeyCode.T, KeyCode.E);
        assertEquals("vote", filter.getText(), "letters typed in the filter are the person's (T and E did not act)");

        robot.type(KeyCode.ESCAPE);
        assertFalse(filter.isFocused(), "Esc leaves the filter");
        assertTrue(controller.canvas().isFocused(), "and the canvas has the focus");
        robot.type(KeyCode.K);
        assertEquals("vote", filter.getText(), "K went to the window, not the filter");
        advanceUntil("the picked node n2 dies", s -> s.node(2).displayRole().equals("Dead"));
    }

    @Test
    void aClickOutsideTheFilterAlsoEndsTyping(FxRobot robot) throws Exception {
        advanceUntil("a leader is elected", s -> s.leaderId() > 0);
        robot.clickOn("#filterField");
        typeKeys(robot, KeyCode.N, KeyCode.DIGIT3);
        pickNodeInTable(robot, 3); // a click elsewhere: the filter is no longer being typed in
        robot.type(KeyCode.K);
        assertEquals("n3", robot.lookup("#filterField").queryAs(TextField.class).getText());
        advanceUntil("the picked node n3 dies", s -> s.node(3).displayRole().equals("Dead"));
    }

    @Test
    void afterADialogClosesTheShortcutsWork(FxRobot robot) throws Exception {
        advanceUntil("a leader is elected", s -> s.leaderId() > 0);
        pickNodeInTable(robot, 2);
        robot.clickOn("#filterField");
        typeKeys(robot, KeyCode.F, KeyCode.E, KeyCode.T, KeyCode.C, KeyCode.H);
        robot.press(KeyCode.CONTROL).type(KeyCode.N).release(KeyCode.CONTROL); // New cluster…, from the field
        DialogPane dialog = robot.lookup(".dialog-pane").query();
        assertNotNull(dialog, "the New cluster dialog is open");
        robot.clickOn("Cancel");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(controller.canvas().isFocused(), "the focus is back on the canvas after the dialog");
        robot.type(KeyCode.K);
        assertEquals("fetch", robot.lookup("#filterField").queryAs(TextField.class).getText());
        advanceUntil("the picked node n2 dies", s -> s.node(2).displayRole().equals("Dead"));
    }

    @Test
    void thePickedEventStaysPickedWhileTheLogRolls(FxRobot robot) throws Exception {
        advanceUntil("a leader is elected", s -> s.leaderId() > 0);
        advance(3_000);
        TableView<TraceEvent> log = robot.lookup("#eventTable").queryTableView();
        // a visible row whose event belongs to a node, not the newest row
        Node row = robot.lookup("#eventTable .table-row-cell").match((TableRow<TraceEvent> r) -> r.getItem() != null && r.isVisible()
                && r.localToScene(r.getBoundsInLocal()).getMinY() > log.localToScene(log.getBoundsInLocal()).getMinY() + 30
                && r.getItem().node() >= 0 && r.getIndex() < log.getItems().size() - 1).query();
        robot.clickOn(row);
        TraceEvent picked = log.getSelectionModel().getSelectedItem();
        assertNotNull(picked, "a row is picked");
        int node = picked.node();
        assertEquals(node, controller.model().selectedNodeProperty().get(), "picking an event picks its node");

        boolean rolledPast = false;
        for (int i = 0; i < 120 && !rolledPast; i++) {
            advance(4_000); // a few hundred rows come and the oldest go between two looks
            assertEquals(node, controller.model().selectedNodeProperty().get(), "the picked node never changes by itself");
            List<TraceEvent> rows = new ArrayList<>(log.getItems());
            if (rows.get(0).seq() <= picked.seq()) {
                TraceEvent selected = log.getSelectionModel().getSelectedItem();
                assertNotNull(selected, "the picked event stays selected while it is in the log");
                assertEquals(picked.seq(), selected.seq(), "the selection stays on the event, not on its row index");
            } else {
                rolledPast = rows.get(0).seq() > picked.seq() + 500;
            }
        }
        assertTrue(rolledPast, "the log rolled past the picked event");
        assertEquals(node, controller.model().selectedNodeProperty().get(), "and the picked node is still " + node);
    }

    @Test
    void actingInThePastAsksOnceAndCancelKeepsTheFuture(FxRobot robot) throws Exception {
        advanceUntil("a leader is elected", s -> s.leaderId() > 0);
        long mid = snapshot().now();
        for (int i = 0; i < 4; i++) {
            advance(300);
            robot.type(KeyCode.H); // Heal all: a recorded action
        }
        advance(1_000);
        session.rewindTo(mid);
        settle();
        assertEquals(4, session.recordedActionsAfterNow(), "four recorded actions lie after the rewind point");

        robot.type(KeyCode.H);
        DialogPane ask = robot.lookup(".dialog-pane").query();
        assertTrue(ask.getHeaderText().contains("This drops 4 recorded actions after "
                + String.format(java.util.Locale.ROOT, "%.1f s", mid / 1000.0)), ask.getHeaderText());
        robot.clickOn("Cancel");
        settle();
        assertEquals(4, session.recordedActionsAfterNow(), "Cancel keeps the recorded future");
        assertFalse(session.canUndoFork(), "nothing was forked");

        robot.type(KeyCode.H);
        robot.clickOn(robot.lookup(".dialog-pane .button").match((javafx.scene.control.Button b) ->
                b.getText().equals(ForkPrompt.ACT.getText())).queryButton());
        settle();
        assertEquals(0, session.recordedActionsAfterNow(), "acting drops the future");
        assertTrue(session.canUndoFork());
        advanceUntilShown("the Undo bar shows what was dropped", () -> robot.lookup("#forkBar").query().isVisible()
                && robot.lookup("#forkLabel").queryLabeled().getText().contains("4 recorded actions"));

        robot.type(KeyCode.H); // acting again in the new future: no question (the future is already gone)
        assertTrue(robot.lookup(".dialog-pane").tryQuery().isEmpty(), "asked once per fork");
        settle();

        robot.clickOn("#undoForkButton");
        settle();
        assertEquals(4, session.recordedActionsAfterNow(), "Undo brings the dropped future back");
        assertEquals(mid, snapshot().now(), "at the moment of the fork");
    }

    @Test
    void atLaptopSizeTheStatusBarAndThePartitionsShowWhole(FxRobot robot) throws Exception {
        Label status = robot.lookup("#statusLabel").query();
        assertEquals(1366, status.getScene().getWidth(), 1);
        assertEquals(768, status.getScene().getHeight(), 1);
        brokersUnfenced();
        session.perform(Steps.of("createTopic", "name", "orders", "partitions", 3, "rf", 3));
        robot.interact(() -> controller.showTab(3));
        TableView<MetadataRows.PartitionRow> partitions = robot.lookup("#partitionTable").queryTableView();
        advanceUntilShown("three partitions of orders with three in sync", () -> partitions.getItems().stream()
                .filter(p -> p.topic().equals("orders") && p.isr().split(",").length == 3).count() == 3);

        Bounds bar = status.localToScene(status.getBoundsInLocal());
        assertTrue(bar.getMaxY() <= status.getScene().getHeight() && bar.getMinY() >= 0, "status bar on screen: " + bar);
        assertTrue(status.getText().startsWith("t = "), status.getText());

        List<String> shown = texts(partitions);
        assertTrue(shown.stream().filter(t -> t.matches("\\[\\d+, \\d+, \\d+]")).count() >= 6,
                "every Replicas and ISR value shows whole: " + shown);
        assertNoEllipsis("Partitions tab", shown);
        assertTrue(shown.contains("LEO") && shown.contains("HW"), "the log end and high watermark headers: " + shown);
        robot.interact(() -> controller.showTab(0));
        WaitForAsyncUtils.waitForFxEvents();
        assertNoEllipsis("Nodes tab", texts(robot.lookup("#nodeTable").query()));

        TableView<TraceEvent> log = robot.lookup("#eventTable").queryTableView();
        VirtualFlow<?> flow = (VirtualFlow<?>) log.lookup(".virtual-flow");
        int rows = flow.getLastVisibleCell().getIndex() - flow.getFirstVisibleCell().getIndex() + 1;
        assertTrue(rows >= 5, "the event log shows at least five rows, not " + rows);
    }

    private static void assertNoEllipsis(String where, List<String> shown) {
        for (String t : shown) {
            assertFalse(t.endsWith("...") || t.endsWith("…"), where + ": '" + t + "' is cut short");
        }
    }

    /** Every piece of text drawn inside {@code root} (headers and cells), as shown. */
    private static List<String> texts(Node root) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            List<String> out = new ArrayList<>();
            collect(root, out);
            return out;
        }).get(30, TimeUnit.SECONDS);
    }

    private static void collect(Node n, List<String> out) {
        if (!n.isVisible()) {
            return;
        }
        if (n instanceof Text t && t.getText() != null && !t.getText().isEmpty()) {
            out.add(t.getText());
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collect(c, out);
            }
        }
    }
}
