package io.yakraft.ui;

import io.yakraft.cluster.ClusterSnapshot;
import io.yakraft.cluster.TopicIds;
import io.yakraft.data.ReplicaView;
import io.yakraft.data.TopicPartition;
import io.yakraft.metadata.PartitionRegistration;
import io.yakraft.metadata.TopicImage;
import io.yakraft.scenario.Lessons;
import io.yakraft.scenario.ScenarioReader;
import io.yakraft.session.ScenarioStatus;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
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
 * The window on a 1366×740 laptop (a 768-pixel screen less a taskbar): no text cut short, the
 * metadata log's rows legible, the partition view drawing a fed topic's replicas as the cluster
 * holds them, a lesson switching to it, and the panes back in place after a lesson.
 */
class LaptopWindowTest extends WindowTestBase {
    @Start
    void start(Stage stage) {
        open(stage);
        stage.setHeight(740);
    }

    @Test
    void at1366x740NoTextIsCutShortAndTheMetadataLogRowsAreLegible(FxRobot robot) throws Exception {
        Label status = robot.lookup("#statusLabel").query();
        assertEquals(1366, status.getScene().getWidth(), 1);
        assertEquals(740, status.getScene().getHeight(), 1);
        // before the brokers know a leader: unattached observers, whose role read "Observer …" here
        advanceUntil("a broker is an observer without a leader", s -> s.nodes().stream()
                .anyMatch(n -> !n.voter() && n.displayRole().equals("Observer (Unattached)")));
        robot.interact(() -> controller.showTab(0));
        settle();
        TableView<NodeRow> nodes = robot.lookup("#nodeTable").queryTableView();
        assertTrue(nodes.getItems().stream().anyMatch(r -> r.role().equals("Observer") && r.leader().equals("—")),
                "an unattached observer reads Observer with no leader: " + nodes.getItems());
        assertNothingCutShort("the Nodes tab with unattached observers", robot.lookup("#root").query());
        brokersUnfenced();
        javafx.scene.layout.Region root = robot.lookup("#root").query();
        assertTrue(root.minWidth(-1) <= 1366, "nothing holds the window wider than the screen: min " + root.minWidth(-1));
        session.perform(Steps.of("createTopic", "name", "orders", "partitions", 3, "rf", 3));
        TableView<MetadataRows.PartitionRow> partitions = robot.lookup("#partitionTable").queryTableView();
        advanceUntilShown("three partitions of orders with three in sync", () -> partitions.getItems().stream()
                .filter(p -> p.topic().equals("orders") && p.isr().split(",").length == 3).count() == 3);
        for (int tab = 0; tab < 6; tab++) {
            int t = tab;
            robot.interact(() -> controller.showTab(t));
            settle();
            assertNothingCutShort("side tab " + tab, robot.lookup("#root").query());
        }
        robot.interact(() -> controller.showTab(3));
        settle();
        List<String> shown = new ArrayList<>();
        WaitForAsyncUtils.asyncFx(() -> collectTexts(partitions, shown)).get(30, TimeUnit.SECONDS);
        assertTrue(shown.stream().filter(t -> t.matches("\\[\\d+, \\d+, \\d+]")).count() >= 6,
                "every Replicas and ISR value shows whole: " + shown);
        assertTrue(shown.contains("Partition") && shown.contains("HW") && shown.contains("LEO"),
                "the partition's LEO and HW under a 'Partition' header, apart from the metadata HW: " + shown);

        // the metadata log's rows: six nodes, each label at least 11 px in a row that holds it
        StackPane host = robot.lookup("#replicationHost").query();
        double rowH = controller.replicationRenderer().rowHeight(host.getHeight(), snapshot().nodes().size());
        assertTrue(rowH >= 13, "a metadata log row is " + rowH + " px high, too low for an 11 px label");
        assertTrue(controller.replicationRenderer().labelFontSize(rowH) >= 11);
        Labeled legend = robot.lookup("#metadataLegend").query();
        assertTrue(legend.getText().contains("metadata HW"), legend.getText());

        robot.clickOn("#partitionLogTab");
        settle();
        assertNothingCutShort("the partition view", root);
        assertEquals(1366, root.getWidth(), 1, "the window's content is as wide as the screen, no wider");
        assertTrue(root.minWidth(-1) <= 1366, "min width " + root.minWidth(-1));
    }

    @Test
    void thePartitionViewDrawsEachReplicaAsTheClusterHoldsIt(FxRobot robot) throws Exception {
        brokersUnfenced();
        session.perform(Steps.of("createTopic", "name", "orders", "partitions", 2, "rf", 3));
        advanceUntil("orders has its partitions", s -> !PartitionPicture.choices(s).isEmpty());
        session.perform(Steps.of("feed", "topic", "orders", "count", 200, "keys", 8, "acks", "all", "rate", 50));
        robot.clickOn("#partitionLogTab");
        ComboBox<String> box = robot.lookup("#partitionBox").query();
        robot.interact(() -> box.setValue("orders-1"));
        advanceUntil("orders-1 holds records on its leader", s -> {
            PartitionPicture p = PartitionPicture.of(s, "orders-1");
            return p.leaderRow() != null && p.leaderRow().logEnd() >= 20;
        });
        assertPictureIsTheCluster(robot, "orders-1");

        // its leader dies: the view shows it down, then the controller's new leader and the ISR without it
        int dead = controller.logViews().picture().leader();
        session.perform(Steps.of("kill", "node", "n" + dead));
        advanceUntil("a new leader of orders-1 and an ISR without b" + dead, 30_000, s -> {
            PartitionPicture p = PartitionPicture.of(s, "orders-1");
            return p.leader() >= 0 && p.leader() != dead && !p.isr().contains(dead);
        });
        PartitionPicture p = controller.logViews().picture();
        PartitionPicture.Row deadRow = p.rows().stream().filter(r -> r.broker() == dead).findFirst().orElseThrow();
        assertFalse(deadRow.up(), "the dead broker's row says so");
        assertFalse(deadRow.inIsr());
        advanceUntil("records of the new leader epoch arrive", 30_000, s -> {
            PartitionPicture q = PartitionPicture.of(s, "orders-1");
            return q.leaderRow() != null && q.leaderRow().epochStarts().containsKey(q.leaderEpoch());
        });
        assertPictureIsTheCluster(robot, "orders-1");
    }

    /** Every row and the header say what the cluster's snapshot says: LEO, partition HW, leader, ISR, epochs. */
    private void assertPictureIsTheCluster(FxRobot robot, String name) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            ClusterSnapshot s = snapshot();
            controller.showLatestFrame();
            PartitionPicture p = controller.logViews().picture();
            assertEquals(name, p.name());
            TopicImage topic = s.committedImage().topics().values().stream().filter(t -> t.name().equals("orders"))
                    .findFirst().orElseThrow();
            PartitionRegistration reg = topic.partitions().get(1);
            TopicPartition tp = TopicIds.partition(topic, 1);
            assertEquals(reg.isr(), p.isr(), "the ISR is the controller's");
            assertEquals(reg.leader(), p.leader());
            assertEquals(reg.replicas().size(), p.rows().size(), "one row per replica");
            for (PartitionPicture.Row r : p.rows()) {
                ReplicaView v = s.replicas().get(r.broker()).get(tp);
                assertNotNull(v, "b" + r.broker() + " holds a replica");
                assertEquals(v.logEndOffset(), r.logEnd(), "b" + r.broker() + "'s LEO");
                assertEquals(v.highWatermark(), r.highWatermark(), "b" + r.broker() + "'s partition HW");
                assertEquals(v.epochStarts(), r.epochStarts(), "b" + r.broker() + "'s records by leader epoch");
                assertEquals(reg.isr().contains(r.broker()), r.inIsr());
                assertEquals(reg.leader() == r.broker(), r.leader());
            }
            Label summary = robot.lookup("#partitionSummary").query();
            assertEquals(p.summary(), summary.getText());
            assertTrue(summary.getText().contains("ISR " + reg.isr()) && summary.getText().contains("partition HW "),
                    summary.getText());
            return null;
        }).get(30, TimeUnit.SECONDS);
    }

    @Test
    void lessonElevenShowsThePartitionViewWhenItSpeaksOfPayments0(FxRobot robot) throws Exception {
        var lesson = Lessons.load("11-produce-while-a-partition-leader-dies.json");
        robot.interact(() -> controller.play(lesson));
        advanceUntilShown("the lesson holds at its first caption", () -> status() != null && status().heldByCaption());
        assertFalse(controller.logViews().showingPartition(), "the metadata log first");
        robot.clickOn("#continueButton");
        ToggleButton partitionTab = robot.lookup("#partitionLogTab").query();
        advanceUntilShown("the caption about the leaders switches to payments-0", 60_000, () -> partitionTab.isSelected());
        assertEquals("payments-0", status().view().partition(), "the hint of the caption about the leaders");
        assertTrue(status().history().stream().anyMatch(n -> n.text().startsWith("The controller spread the leaders")));
        assertEquals("payments-0", robot.lookup("#partitionBox").queryComboBox().getValue());
        advanceUntilShown("payments-0's records arrive on its replicas", 60_000, () -> {
            PartitionPicture p = controller.logViews().picture();
            return p != null && p.rows().stream().allMatch(r -> r.logEnd() > 0);
        });
        assertEquals(102, controller.logViews().picture().leader(), "b102 leads payments-0, as the caption says");
        // under the caption the canvas took room from the event log: every node's text is on it (the
        // observers' details fell off its bottom edge), and the partition view still holds its three
        // replicas and its legend
        assertTrue(controller.clusterLayout().fits(), "every node's text is on the cluster canvas, height "
                + controller.clusterLayout().height());
        Region partitionHost = robot.lookup("#partitionHost").query();
        double rowH = controller.logViews().renderer().rowHeight(partitionHost.getHeight(), 3);
        assertTrue(rowH >= 16 && PartitionRenderer.HEADER + 3 * rowH + 14 <= partitionHost.getHeight(),
                "three legible replica rows and the legend fit the partition view: rows of " + rowH + " px in "
                        + partitionHost.getHeight());
        // the person may look elsewhere: the same hint does not pull the view back
        robot.clickOn("#metadataLogTab");
        advance(200);
        assertFalse(controller.logViews().showingPartition());
    }

    @Test
    void afterALessonThePanesAndTheLogViewGoBack(FxRobot robot) throws Exception {
        SplitPane main = robot.lookup("#mainSplit").query();
        SplitPane vertical = robot.lookup("#verticalSplit").query();
        SplitPane canvasSplit = robot.lookup("#canvasSplit").query();
        var tiny = ScenarioReader.read("tiny.json", """
                {"name": "tiny", "cluster": {"controllers": 3, "brokers": 3, "seed": 42}, "steps": [
                  {"action": "caption", "text": "Look at payments-0", "view": {"show": "partition", "partition": "payments-0"}},
                  {"after": "200ms", "action": "expect", "check": "invariantsHold"}]}""");
        robot.interact(() -> controller.play(tiny));
        robot.interact(() -> {
            main.setDividerPositions(0.3);
            vertical.setDividerPositions(0.9);
            canvasSplit.setDividerPositions(0.2);
        });
        advanceUntilShown("the lesson ends", () -> status() != null && status().finished()
                && robot.lookup("#closeCaptionButton").query().isVisible());
        assertTrue(controller.logViews().showingPartition(), "the caption asked for the partition view");
        robot.interact(() -> robot.lookup("#closeCaptionButton").queryButton().fire());
        settle();
        assertEquals(WindowLayout.MAIN_DIVIDER, main.getDividerPositions()[0], 0.01);
        assertEquals(WindowLayout.LOG_DIVIDER, vertical.getDividerPositions()[0], 0.01);
        assertEquals(WindowLayout.CANVAS_DIVIDER, canvasSplit.getDividerPositions()[0], 0.01);
        assertFalse(controller.logViews().showingPartition(), "the metadata log view is back");
    }

    private ScenarioStatus status() {
        return session.latest().scenario();
    }

    /**
     * Fails on any visible text the window shortened: a label, button, header or table cell whose
     * drawn text differs from its own (the skin put an ellipsis in), or that runs past the window's
     * edge. The event log's Reason cells are left out: a long reason may run past its column, as in
     * any log viewer.
     */
    private static void assertNothingCutShort(String where, Node root) throws Exception {
        List<String> cut = WaitForAsyncUtils.asyncFx(() -> {
            List<String> out = new ArrayList<>();
            findCut(root, out);
            return out;
        }).get(30, TimeUnit.SECONDS);
        assertTrue(cut.isEmpty(), where + ": text cut short: " + cut);
    }

    private static void findCut(Node n, List<String> out) {
        if (!n.isVisible()) {
            return;
        }
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty() && !isInTable(l)
                && l.getScene() != null && l.localToScene(l.getLayoutBounds()).getMaxX() > l.getScene().getWidth() + 1) {
            out.add("'" + l.getText() + "' runs past the window's right edge");
        }
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty() && !insideEventRows(l)) {
            for (Node c : l.getChildrenUnmodifiable()) {
                String own = l.isMnemonicParsing() ? l.getText().replace("_", "") : l.getText();
                if (c instanceof Text t && c.isVisible() && !t.getText().equals(own)) {
                    out.add("'" + l.getText() + "' shown as '" + t.getText() + "' (" + l.getClass().getSimpleName()
                            + ", " + Math.round(l.getWidth()) + " px wide)");
                }
            }
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                findCut(c, out);
            }
        }
    }

    /** A cell of the event log's Reason column (its other columns and its headers are checked). */
    private static boolean insideEventRows(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p instanceof javafx.scene.control.TableCell<?, ?> cell && cell.getTableColumn() != null
                    && "Reason".equals(cell.getTableColumn().getText()) && isIn(p, "eventTable")) {
                return true;
            }
        }
        return false;
    }

    /** Inside a table, which clips and scrolls its own columns. */
    private static boolean isInTable(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p instanceof TableView<?>) {
                return true;
            }
        }
        return false;
    }

    private static boolean isIn(Node n, String id) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (id.equals(p.getId())) {
                return true;
            }
        }
        return false;
    }

    private static Void collectTexts(Node n, List<String> out) {
        if (!n.isVisible()) {
            return null;
        }
        if (n instanceof Text t && t.getText() != null && !t.getText().isEmpty()) {
            out.add(t.getText());
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collectTexts(c, out);
            }
        }
        return null;
    }
}
