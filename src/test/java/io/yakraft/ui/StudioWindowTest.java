package io.yakraft.ui;

import io.yakraft.cluster.NodeView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Drives the real window headless (Monocle): the default cluster elects a leader, killing it
 * through the keyboard shortcut shows it Dead and brings a new leader in a higher epoch, and
 * pause/step behave.
 */
class StudioWindowTest extends WindowTestBase {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void killingTheLeaderShowsItDeadAndElectsANewOne(FxRobot robot) throws Exception {
        waitUntil("a leader is elected", () -> snapshot().leaderId() > 0);
        int oldLeader = snapshot().leaderId();
        int oldEpoch = snapshot().leaderEpoch();
        TableView<?> table = robot.lookup("#nodeTable").queryAs(TableView.class);
        waitUntil("the nodes table lists all six nodes", () -> table.getItems().size() == 6);

        robot.press(KeyCode.SHIFT).type(KeyCode.K).release(KeyCode.SHIFT);

        waitUntil("the old leader shows Dead", () -> snapshot().node(oldLeader).displayRole().equals("Dead"));
        waitUntil("a new leader in a higher epoch", () -> snapshot().leaderId() > 0 && snapshot().leaderId() != oldLeader
                && snapshot().leaderEpoch() > oldEpoch);
        waitUntil("the table shows the old leader Dead", () -> table.getItems().stream()
                .anyMatch(r -> ((NodeRow) r).id() == oldLeader && ((NodeRow) r).role().equals("Dead")));
        assertTrue(snapshot().violations().isEmpty(), () -> "invariants: " + snapshot().violations());
    }

    @Test
    void pauseFreezesTimeAndStepProcessesOneEvent(FxRobot robot) throws Exception {
        waitUntil("a leader is elected", () -> snapshot().leaderId() > 0);
        robot.clickOn("#playButton");
        waitUntil("the driver is paused", () -> driver.latest().paused());
        WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS);
        long events = snapshot().events();
        long time = snapshot().now();
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        assertEquals(events, snapshot().events(), "no events while paused");
        assertEquals(time, snapshot().now(), "simulated time stands still while paused");

        robot.type(KeyCode.PERIOD);
        waitUntil("one step was processed", () -> snapshot().events() == events + 1);
        WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS);
        assertEquals(events + 1, snapshot().events(), "a step processes exactly one event");
    }

    @Test
    void isolatingTheLeaderMakesItResignThroughCheckQuorum(FxRobot robot) throws Exception {
        waitUntil("a leader is elected", () -> snapshot().leaderId() > 0);
        int oldLeader = snapshot().leaderId();
        int oldEpoch = snapshot().leaderEpoch();
        robot.type(KeyCode.I);
        waitUntil("the majority elects a newer epoch", () -> snapshot().leaderEpoch() > oldEpoch);
        waitUntil("the isolated leader resigns", () -> {
            NodeView n = snapshot().node(oldLeader);
            return !n.displayRole().equals("Leader");
        });
        assertTrue(snapshot().cutLinks().size() > 0, "the leader's links are drawn cut");
    }

    @Test
    void brokersShowUnfencedInTheTableOnceRegistered(FxRobot robot) throws Exception {
        TableView<?> table = robot.lookup("#nodeTable").queryAs(TableView.class);
        waitUntil("the three brokers are unfenced in the table", () -> table.getItems().stream()
                .filter(r -> ((NodeRow) r).kind().equals("broker"))
                .filter(r -> ((NodeRow) r).metadata().equals("unfenced")).count() == 3);
        waitUntil("one controller is the active one", () -> table.getItems().stream()
                .filter(r -> ((NodeRow) r).metadata().equals("active")).count() == 1);
        assertTrue(table.getColumns().stream().anyMatch(c -> c.getText().equals("Metadata")), "a Metadata column");
    }
}
