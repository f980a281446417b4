package io.yakraft.ui;

import io.yakraft.data.FeedStatus;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Data → Feed data into a topic, through the real window (headless): the orders sample is
 * previewed (41 clean, 12 rejected), fed into a three-partition topic with acks=all, the
 * dialog follows the feed to 41 acknowledged records and the Partitions tab's log ends add up
 * to 41; a topic the cluster does not know is refused in the dialog, in words.
 */
class FeedDialogTest extends WindowTestBase {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    private void createOrders(FxRobot robot) throws Exception {
        robot.clickOn("Create topic…");
        robot.clickOn("#topicName").write("orders");
        robot.clickOn("#topicRf").eraseText(1).write("3");
        robot.clickOn("#formSubmit");
        advanceUntilShown("the form closes after the commit", () -> robot.lookup("#formSubmit").tryQuery().isEmpty());
        advanceUntil("orders has three partitions with leaders in the committed image", s -> {
            var t = s.committedImage().topics().get("orders");
            return t != null && t.partitions().size() == 3 && t.partitions().values().stream().allMatch(p -> p.hasLeader());
        });
    }

    private void previewOrders(FxRobot robot) throws Exception {
        robot.interact(controller::feedData);
        TextField raw = robot.lookup("#feedRaw").query();
        TextField spec = robot.lookup("#feedSpec").query();
        assertEquals("data/orders.csv", raw.getText(), "the sample is the default");
        assertEquals("data/orders.spec.json", spec.getText());
        assertTrue(robot.lookup("#feedStart").queryButton().isDisabled(), "Feed waits for a preview");
        robot.clickOn("#feedPreview");
        Label summary = robot.lookup("#feedSummary").query();
        awaitBackgroundWork();
        assertTrue(summary.getText().startsWith("read 53"), summary.getText());
        assertTrue(summary.getText().contains("clean 41") && summary.getText().contains("rejected 12"), summary.getText());
        TableView<?> rejects = robot.lookup("#feedRejects").queryTableView();
        assertEquals(12, rejects.getItems().size());
    }

    @Test
    void theOrdersSampleIsFedWithAcksAllAndTheLogEndsAddUp(FxRobot robot) throws Exception {
        brokersUnfenced();
        createOrders(robot);
        previewOrders(robot);
        ComboBox<String> topic = robot.lookup("#feedTopic").queryComboBox();
        robot.interact(() -> topic.getEditor().setText("orders"));
        assertEquals("all", robot.lookup("#feedAcks").queryComboBox().getValue(), "acks all by default");
        TextField rate = robot.lookup("#feedRate").query();
        robot.interact(() -> rate.setText("0"));
        robot.clickOn("#feedStart");

        ProgressBar progress = robot.lookup("#feedProgress").query();
        Label text = robot.lookup("#feedProgressText").query();
        advanceUntilShown("the dialog shows 41 of 41 acknowledged", () -> text.getText().contains("41/41 acked") && progress.getProgress() == 1.0);
        FeedStatus feed = snapshot().feeds().get(0);
        assertEquals(41, feed.acked());
        assertEquals(0, feed.failed());
        assertTrue(text.getText().contains("0 failed"), text.getText());

        robot.interact(() -> controller.showTab(3));
        TableView<MetadataRows.PartitionRow> partitions = robot.lookup("#partitionTable").queryTableView();
        advanceUntilShown("the Partitions tab's log end offsets add up to 41", () -> leoSum(partitions) == 41);
        assertTrue(partitions.getItems().stream().allMatch(p -> p.logEnd().equals(p.highWatermark())),
                "with acks=all every acknowledged record is under the high watermark: " + partitions.getItems());
        assertTrue(snapshot().violations().isEmpty(), () -> snapshot().violations().toString());
    }

    @Test
    void anUnknownTopicIsRefusedInTheDialog(FxRobot robot) throws Exception {
        brokersUnfenced();
        previewOrders(robot);
        ComboBox<String> topic = robot.lookup("#feedTopic").queryComboBox();
        robot.interact(() -> topic.getEditor().setText("nosuch"));
        robot.clickOn("#feedStart");
        Label error = robot.lookup("#feedError").query();
        advanceUntilShown("the dialog names the problem", () -> !error.getText().isEmpty());
        assertTrue(error.getText().contains("'nosuch' does not exist in the cluster's metadata"), error.getText());
        assertTrue(error.getText().contains("Create topic"), "suggests creating it: " + error.getText());
        TextField rate = robot.lookup("#feedRate").query();
        robot.interact(() -> rate.setText("fast"));
        robot.clickOn("#feedStart");
        advanceUntilShown("a bad rate is named", () -> error.getText().startsWith("Rate: 'fast' is not a number"));
        robot.interact(() -> rate.setText("-5"));
        robot.clickOn("#feedStart");
        advanceUntilShown("a negative rate is refused", () -> error.getText().startsWith("Rate: -5 is outside"));
        robot.interact(() -> topic.getEditor().setText(""));
        assertTrue(robot.lookup("#feedStart").queryButton().isDisabled(), "no topic, no Feed");
        assertTrue(snapshot().feeds().isEmpty(), "nothing was fed");
    }

    private static long leoSum(TableView<MetadataRows.PartitionRow> table) {
        long sum = 0;
        for (MetadataRows.PartitionRow p : table.getItems()) {
            if (p.topic().equals("orders") && !p.logEnd().equals("—")) {
                sum += Long.parseLong(p.logEnd());
            }
        }
        return sum;
    }
}
