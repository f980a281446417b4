package io.yakraft.ui;

import io.yakraft.kafka.KafkaObservation;
import io.yakraft.kafka.KafkaObservation.Part;
import io.yakraft.kafka.KafkaProbe;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;
import java.util.Properties;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real-Kafka view, headless and without a cluster: observations made by hand are shown as the
 * quorum's, brokers' and partitions' rows, marked as real, and a change of leader between two
 * observations lands in the observed history. (The probe points at a port nobody listens on; the
 * view is never started, so it never asks.)
 */
@ExtendWith(ApplicationExtension.class)
class KafkaPaneTest {
    private KafkaConnection connection;
    private KafkaPane pane;

    @Start
    void start(Stage stage) {
        connection = new KafkaConnection(KafkaProbe.attach("127.0.0.1:1", new Properties()), null);
        pane = new KafkaPane(connection, () -> { });
        stage.setScene(new Scene(pane.root(), 1200, 800));
        stage.show();
    }

    @AfterEach
    void close() {
        connection.close();
    }

    private static KafkaObservation observation(long at, int leader, long epoch) {
        var voters = List.of(new KafkaObservation.Replica(1, "d1", 40, 0, at - 100, at - 100),
                new KafkaObservation.Replica(2, "d2", 40, 0, at - 50, at - 50),
                new KafkaObservation.Replica(3, "d3", -1, -1, -1, -1));
        var observers = List.of(new KafkaObservation.Replica(101, "d101", 35, 5, at - 300, at - 2000));
        var quorum = new KafkaObservation.Quorum(leader, epoch, 40, voters, observers);
        var brokers = List.of(new KafkaObservation.Broker(101, "127.0.0.1", 9092, false),
                new KafkaObservation.Broker(102, "127.0.0.1", 9093, true));
        var topics = List.of(new KafkaObservation.Topic("orders", "id", false,
                List.of(new KafkaObservation.Partition(0, 101, List.of(101, 102), List.of(101), List.of(), List.of()))));
        return new KafkaObservation(at, Part.of(quorum), Part.of(brokers), Part.of(topics));
    }

    @Test
    void anObservationIsShownAsRowsAndALeaderChangeIsRecorded(FxRobot robot) {
        robot.interact(() -> pane.show(new KafkaConnection.Update(observation(1_000_000, 2, 5), List.of(), Set.of())));
        TableView<?> quorum = robot.lookup(".table-view").nth(0).queryTableView();
        TableView<?> brokers = robot.lookup(".table-view").nth(1).queryTableView();
        TableView<?> partitions = robot.lookup(".table-view").nth(2).queryTableView();
        assertEquals(4, quorum.getItems().size(), "3 voters and 1 observer");
        assertEquals(new KafkaPane.QuorumRow("leader", 2, "40", "0", "0.1 s ago", "0.1 s ago", ""), quorum.getItems().get(1));
        assertEquals(new KafkaPane.QuorumRow("voter", 3, "unknown", "?", "never", "never", ""), quorum.getItems().get(2));
        assertEquals(new KafkaPane.BrokerRow(102, "127.0.0.1:9093", "FENCED", ""), brokers.getItems().get(1));
        assertEquals(new KafkaPane.PartitionRow("orders", 0, "101", "[101,102]", "[101]", "[]", "[]"), partitions.getItems().get(0));
        assertTrue(robot.lookup(".table-cell").queryAll().stream()
                .anyMatch(c -> "leader".equals(((javafx.scene.control.TableCell<?, ?>) c).getText())), "a drawn cell says leader");
        Label banner = robot.lookup("#kafkaBanner").query();
        assertTrue(banner.getText().contains("REAL KAFKA"), banner.getText());

        robot.interact(() -> pane.show(new KafkaConnection.Update(observation(1_001_000, 3, 6), List.of(), Set.of())));
        ListView<String> history = robot.lookup(".list-view").queryListView();
        assertEquals(1, history.getItems().size(), history.getItems().toString());
        assertTrue(history.getItems().get(0).endsWith("leader 2 (epoch 5) → 3 (epoch 6)"), history.getItems().get(0));
    }

    @Test
    void aPausedProcessIsShownAsPausedAndADeadOneAsNotRunning() {
        var nodes = List.of(new io.yakraft.kafka.LocalNode(101, io.yakraft.kafka.NodeRole.BROKER, 9092, "", 4242),
                new io.yakraft.kafka.LocalNode(102, io.yakraft.kafka.NodeRole.BROKER, 9093, "", 4343));
        var u = new KafkaConnection.Update(observation(1_000_000, 2, 5), nodes, Set.of(101), Set.of(101), KafkaConnection.MetadataLog.NONE);
        List<KafkaPane.BrokerRow> rows = KafkaPane.brokerRows(u.observation(), u);
        assertEquals("pid 4242 PAUSED (SIGSTOP)", rows.get(0).process());
        assertEquals("NOT RUNNING", rows.get(1).process());
    }

    @Test
    void aSnapshotsRecordsAreMarkedAsSnapshotNotByTheHighWatermark() {
        var log = new KafkaConnection.MetadataLog("c1", "/d", List.of(
                new io.yakraft.kafka.metalog.MetadataLogReader.Entry(0, 1, "TopicRecord", "name='orders'", "00000000000000000100-0000000001.checkpoint"),
                new io.yakraft.kafka.metalog.MetadataLogReader.Entry(100, 1, "PartitionRecord", "partitionId=0")));
        List<KafkaPane.LogRow> rows = KafkaPane.logRows(log, 50, false);
        assertEquals("snapshot", rows.get(0).committed());
        assertEquals("no", rows.get(1).committed(), "offset 100 is past the high watermark 50");
    }
}
