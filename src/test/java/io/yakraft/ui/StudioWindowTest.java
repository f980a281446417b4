package io.yakraft.ui;

import io.yakraft.cluster.NodeView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
        advanceUntil("a leader is elected", s -> s.leaderId() > 0);
        int oldLeader = snapshot().leaderId();
        int oldEpoch = snapshot().leaderEpoch();
        TableView<?> table = robot.lookup("#nodeTable").queryAs(TableView.class);
        advanceUntilShown("the nodes table lists all six nodes", () -> table.getItems().size() == 6);

        robot.press(KeyCode.SHIFT).type(KeyCode.K).release(KeyCode.SHIFT);

        advanceUntil("the old leader shows Dead", s -> s.node(oldLeader).displayRole().equals("Dead"));
        advanceUntil("a new leader in a higher epoch", s -> s.leaderId() > 0 && s.leaderId() != oldLeader
                && s.leaderEpoch() > oldEpoch);
        advanceUntilShown("the table shows the old leader Dead", () -> table.getItems().stream()
                .anyMatch(r -> ((NodeRow) r).id() == oldLeader && ((NodeRow) r).role().equals("Dead")));
        assertTrue(snapshot().violations().isEmpty(), () -> "invariants: " + snapshot().violations());
    }

    @Test
    void pauseFreezesTimeAndStepProcessesOneEvent(FxRobot robot) throws Exception {
        advanceUntil("a leader is elected", s -> s.leaderId() > 0);
        assertTrue(session.paused(), "the test's window starts paused (the test moves time)");
        robot.clickOn("#playButton");
        assertFalse(session.paused(), "Play runs the session");
        long running = snapshot().now();
        session.tick(100); // what the pacer does after 100 ms of wall time
        assertEquals(running + 100, snapshot().now(), "at 1x, 100 ms of wall time are 100 ms of simulated time");

        robot.clickOn("#playButton");
        assertTrue(session.paused(), "Pause stops it");
        long events = snapshot().events();
        long time = snapshot().now();
        session.tick(300);
        assertEquals(events, snapshot().events(), "no events while paused");
        assertEquals(time, snapshot().now(), "simulated time stands still while paused");

        robot.type(KeyCode.PERIOD);
        settle();
        assertEquals(events + 1, snapshot().events(), "a step processes exactly one event");
        session.tick(300);
        assertEquals(events + 1, snapshot().events(), "and the session stays paused after it");
    }

    @Test
    void isolatingTheLeaderMakesItResignThroughCheckQuorum(FxRobot robot) throws Exception {
        advanceUntil("a leader is elected", s -> s.leaderId() > 0);
        int oldLeader = snapshot().leaderId();
        int oldEpoch = snapshot().leaderEpoch();
        robot.type(KeyCode.I);
        advanceUntil("the majority elects a newer epoch", s -> s.leaderEpoch() > oldEpoch);
        advanceUntil("the isolated leader resigns", s -> {
            NodeView n = s.node(oldLeader);
            return !n.displayRole().equals("Leader");
        });
        assertTrue(snapshot().cutLinks().size() > 0, "the leader's links are drawn cut");
    }

    @Test
    void brokersShowUnfencedInTheTableOnceRegistered(FxRobot robot) throws Exception {
        TableView<?> table = robot.lookup("#nodeTable").queryAs(TableView.class);
        advanceUntilShown("the three brokers are unfenced in the table", () -> table.getItems().stream()
                .filter(r -> ((NodeRow) r).kind().equals("broker"))
                .filter(r -> ((NodeRow) r).metadata().equals("unfenced")).count() == 3);
        advanceUntilShown("one controller is the active one", () -> table.getItems().stream()
                .filter(r -> ((NodeRow) r).metadata().equals("active")).count() == 1);
        assertTrue(table.getColumns().stream().anyMatch(c -> c.getText().equals("Metadata")), "a Metadata column");
    }
}
