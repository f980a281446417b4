package io.yakraft.ui;

import io.yakraft.cluster.MessageView;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In front of a class: presenter mode (F5) scales the canvas and folds the tables into a drawer,
 * F5 again brings them back; a click on a message in flight shows its fields beside it.
 */
class PresenterWindowTest extends WindowTestBase {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    private static boolean inWindow(javafx.scene.Node n) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> n.getScene() != null).get();
    }

    @Test
    void f5ScalesTheCanvasAndFoldsTheTablesIntoADrawerAndF5BringsThemBack(FxRobot robot) throws Exception {
        brokersUnfenced();
        TableView<?> nodes = robot.lookup("#nodeTable").queryAs(TableView.class);
        TableView<?> events = robot.lookup("#eventTable").queryAs(TableView.class);
        double radius = WaitForAsyncUtils.asyncFx(() -> controller.clusterLayout().nodeRadius()).get();
        String sizesBefore = WaitForAsyncUtils.asyncFx(() -> controller.canvas().getWidth() + "x" + controller.canvas().getHeight() + splits(robot)).get();
        double[] dividersBefore = WaitForAsyncUtils.asyncFx(() -> dividers(robot)).get();
        assertTrue(inWindow(nodes) && inWindow(events), "the tables show outside presenter mode");
        javafx.scene.control.ToolBar toolBar = robot.lookup("#toolBar").queryAs(javafx.scene.control.ToolBar.class);
        double toolBarBefore = WaitForAsyncUtils.asyncFx(toolBar::getHeight).get();

        robot.type(KeyCode.F5);
        advance(50);
        assertFalse(inWindow(nodes), "the Nodes table folds away");
        assertFalse(inWindow(events), "so does the event log");
        ToggleButton drawer = robot.lookup("#drawerButton").queryAs(ToggleButton.class);
        assertTrue(drawer.isVisible(), "a Tables button opens the drawer");
        double presenterRadius = WaitForAsyncUtils.asyncFx(() -> controller.clusterLayout().nodeRadius()).get();
        assertTrue(presenterRadius > radius, "the nodes grow: " + radius + " → " + presenterRadius);

        // at 1366x768 the presenter canvas is squeezed: a name stays inside its circle, clear of the timer ring
        String tooWide = WaitForAsyncUtils.asyncFx(() -> {
            double r = controller.clusterLayout().nodeRadius();
            StringBuilder out = new StringBuilder();
            for (var n : snapshot().nodes()) {
                javafx.scene.text.Text probe = new javafx.scene.text.Text("n" + n.id());
                probe.setFont(controller.renderer().nodeNameFont(r, "n" + n.id()));
                if (probe.getLayoutBounds().getWidth() > 2 * r) {
                    out.append("n").append(n.id()).append(" is ").append(probe.getLayoutBounds().getWidth())
                            .append(" px wide in a circle of ").append(2 * r).append(" px; ");
                }
            }
            return out.toString();
        }).get();
        assertEquals("", tooWide, "every node's name fits inside its circle");

        robot.clickOn(drawer);
        advance(50);
        assertTrue(inWindow(nodes), "the drawer holds the Nodes table");

        robot.type(KeyCode.F5);
        advance(50);
        advance(50); // the first frame after the switch may still see the old sizes: the split panes lay out on the pulse after it
        String sizes = WaitForAsyncUtils.asyncFx(() -> controller.canvas().getWidth() + "x" + controller.canvas().getHeight() + splits(robot)).get();
        assertTrue(inWindow(nodes) && inWindow(events), "the tables are back");
        assertFalse(drawer.isVisible(), "no drawer outside presenter mode");
        double[] dividers = WaitForAsyncUtils.asyncFx(() -> dividers(robot)).get();
        for (int i = 0; i < dividers.length; i++) {
            assertEquals(dividersBefore[i], dividers[i], 0.01, "every divider back where it was: " + sizes + " (before " + sizesBefore + ")");
        }
        assertEquals(toolBarBefore, WaitForAsyncUtils.asyncFx(toolBar::getHeight).get(), 0.5,
                "the toolbar as tall as before (its buttons' text back to its size)");
        double back = WaitForAsyncUtils.asyncFx(() -> controller.clusterLayout().nodeRadius()).get();
        assertTrue(Math.abs(back - radius) <= radius * 0.05, "the nodes as before: " + radius + " → " + back);
    }

    @Test
    void clickingAMessageInFlightShowsItsFields(FxRobot robot) throws Exception {
        brokersUnfenced();
        int leader = snapshot().leaderId();
        MessageView fetch = fetchToLeaderHalfway();
        Point2D at = onScreen(fetch);
        robot.clickOn(at);
        settle();
        Label popover = controller.overlay().popover();
        String text = WaitForAsyncUtils.asyncFx(() -> popover.isVisible() ? popover.getText() : "").get();
        assertTrue(text.startsWith(MessageFields.label(fetch) + "   n" + fetch.from() + " → n" + leader), text);
        assertTrue(text.lines().count() >= 2, "its fields under the name: " + text);
    }

    private static double[] dividers(FxRobot robot) {
        return java.util.stream.Stream.of("#verticalSplit", "#mainSplit", "#canvasSplit")
                .mapToDouble(id -> robot.lookup(id).queryAs(javafx.scene.control.SplitPane.class).getDividerPositions()[0]).toArray();
    }

    private static String splits(FxRobot robot) {
        StringBuilder b = new StringBuilder();
        for (String id : new String[] {"#verticalSplit", "#mainSplit", "#canvasSplit"}) {
            javafx.scene.control.SplitPane p = robot.lookup(id).queryAs(javafx.scene.control.SplitPane.class);
            b.append(' ').append(id).append(java.util.Arrays.toString(p.getDividerPositions())).append(p.getHeight());
        }
        b.append(" toolbar ").append(robot.lookup("#toolBar").queryAs(javafx.scene.layout.Region.class).getHeight());
        return b.toString();
    }
}
