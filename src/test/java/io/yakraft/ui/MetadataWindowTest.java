package io.yakraft.ui;

import io.yakraft.cluster.NodeView;
import javafx.collections.ListChangeListener;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Metadata menu and tabs driven through the real window (headless): a registered broker
 * appears fenced and then unfenced, a created topic reaches every node's Topics tab after
 * commit, and an invalid topic name is answered in the form, in words, with nothing committed.
 */
class MetadataWindowTest extends WindowTestBase {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    private void seeAs(FxRobot robot, String choice) {
        ComboBox<String> box = robot.lookup("#seenByBox").queryComboBox();
        robot.interact(() -> box.getSelectionModel().select(choice));
    }

    @Test
    void aCreatedTopicReachesEveryNodesTopicsTabAfterCommit(FxRobot robot) throws Exception {
        brokersUnfenced();
        robot.clickOn("Create topic…");
        robot.clickOn("#topicName").write("orders");
        robot.clickOn("#topicPartitions").eraseText(1).write("4");
        robot.clickOn("#formSubmit");
        advanceUntilShown("the form closes after the commit", () -> robot.lookup("#formSubmit").tryQuery().isEmpty());
        robot.clickOn("#topicsTab");
        TableView<MetadataRows.TopicRow> topics = robot.lookup("#topicTable").queryTableView();
        for (NodeView n : snapshot().nodes()) {
            seeAs(robot, "n" + n.id());
            advanceUntilShown("n" + n.id() + "'s Topics tab shows orders", () -> topics.getItems().stream()
                    .anyMatch(t -> t.name().equals("orders") && t.partitions() == 4));
        }
        robot.clickOn("#partitionsTab");
        TableView<MetadataRows.PartitionRow> partitions = robot.lookup("#partitionTable").queryTableView();
        advanceUntilShown("four partitions with leaders", () -> partitions.getItems().stream()
                .filter(p -> p.topic().equals("orders") && !p.leader().equals("none")).count() == 4);
    }

    @Test
    void anInvalidTopicNameIsAnsweredInTheFormAndNothingIsCommitted(FxRobot robot) throws Exception {
        brokersUnfenced();
        robot.clickOn("Create topic…");
        robot.clickOn("#topicName").write("bad name!");
        robot.clickOn("#formSubmit");
        Label error = robot.lookup("#formError").query();
        advanceUntilShown("the controller's answer shows in the form", () -> error.getText().contains("INVALID_TOPIC_EXCEPTION"));
        assertTrue(error.getText().contains("' '"), "the message names the bad character: " + error.getText());
        robot.clickOn("#topicPartitions").eraseText(1).write("x");
        robot.clickOn("#topicName").eraseText(9).write("fine");
        robot.clickOn("#formSubmit");
        advanceUntilShown("a bad field is named before anything is sent", () -> error.getText().startsWith("Partitions:"));
        robot.clickOn("Cancel");
        advance(2_000);
        assertTrue(snapshot().images().get(snapshot().leaderId()).topics().isEmpty(), "no topic was created");
    }

    @Test
    void aRegisteredBrokerAppearsFencedThenUnfenced(FxRobot robot) throws Exception {
        brokersUnfenced();
        robot.clickOn("#brokersTab");
        TableView<MetadataRows.BrokerRow> brokers = robot.lookup("#brokerTable").queryTableView();
        List<String> seen = new CopyOnWriteArrayList<>();
        robot.interact(() -> brokers.getItems().addListener((ListChangeListener<MetadataRows.BrokerRow>) c ->
                brokers.getItems().stream().filter(b -> b.id() == 104).forEach(b -> {
                    if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(b.state())) {
                        seen.add(b.state());
                    }
                })));
        robot.clickOn("Metadata").clickOn("Register broker…");
        robot.clickOn("#brokerRack").write("rack-b");
        robot.clickOn("#formSubmit");
        advanceUntilShown("b104 is unfenced once it caught up", () -> brokers.getItems().stream()
                .anyMatch(b -> b.id() == 104 && b.state().equals("unfenced") && b.rack().equals("rack-b")));
        assertEquals(List.of("fenced", "unfenced"), seen, "the Brokers tab showed b104 fenced, then unfenced");
        assertTrue(snapshot().violations().isEmpty(), () -> snapshot().violations().toString());
    }
}
