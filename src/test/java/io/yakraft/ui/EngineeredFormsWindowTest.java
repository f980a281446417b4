package io.yakraft.ui;

import io.yakraft.cluster.Action;
import io.yakraft.cluster.NodeRef;
import io.yakraft.cluster.NodeView;
import io.yakraft.raft.Role;
import io.yakraft.sim.TraceKind;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The window's Split vote… and Drop next message… forms: what they do, and a refusal shown in the form. */
class EngineeredFormsWindowTest extends WindowTestBase {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void splitVoteFromTheMenuMakesTwoCandidatesOfOneEpoch(FxRobot robot) throws Exception {
        advanceUntil("a leader is elected", s -> s.leaderId() > 0);
        session.perform(new Action.Kill(new NodeRef.Leader()));
        settle();
        robot.interact(controller::splitVote);
        ComboBox<String> first = robot.lookup("#splitFirst").queryComboBox();
        ComboBox<String> second = robot.lookup("#splitSecond").queryComboBox();
        assertTrue(first.getValue() != null && second.getValue() != null && !first.getValue().equals(second.getValue()),
                "two live voters are offered: " + first.getValue() + ", " + second.getValue());
        robot.clickOn("#formSubmit");
        advanceUntilShown("the form closes once the cluster took it", () -> robot.lookup("#formSubmit").tryQuery().isEmpty());
        advanceUntil("both stand", s -> s.nodes().stream().filter(n -> n.role() == Role.CANDIDATE).count() == 2);
        int epoch = snapshot().nodes().stream().filter(n -> n.role() == Role.CANDIDATE).mapToInt(NodeView::epoch).max().orElse(-1);
        assertTrue(snapshot().nodes().stream().filter(n -> n.role() == Role.CANDIDATE).allMatch(n -> n.epoch() == epoch),
                "in one epoch");
        assertEquals(-1, snapshot().leaderId());
    }

    @Test
    void aRefusedSplitVoteIsShownInTheForm(FxRobot robot) throws Exception {
        advanceUntil("a leader is elected", s -> s.leaderId() > 0);
        int leader = snapshot().leaderId();
        robot.interact(controller::splitVote);
        ComboBox<String> first = robot.lookup("#splitFirst").queryComboBox();
        robot.interact(() -> first.setValue("n" + leader));
        robot.clickOn("#formSubmit");
        advanceUntilShown("the refusal is shown", () -> !robot.lookup("#formError").queryAs(Label.class).getText().isEmpty());
        assertTrue(robot.lookup("#formError").queryAs(Label.class).getText()
                .startsWith("splitVote: no candidate possible: n" + leader + " leads epoch"));
    }

    @Test
    void dropNextMessageLosesOneMessageOnTheLink(FxRobot robot) throws Exception {
        advanceUntil("a leader is elected", s -> s.leaderId() > 0);
        robot.interact(controller::dropMessage);
        assertEquals("FetchResponse", robot.lookup("#dropKind").queryComboBox().getValue(), "a FetchResponse by default");
        assertEquals("n" + snapshot().leaderId(), robot.lookup("#dropFrom").queryComboBox().getValue(), "from the leader");
        robot.clickOn("#formSubmit");
        advanceUntilShown("the form closes", () -> robot.lookup("#formSubmit").tryQuery().isEmpty());
        advanceUntilShown("the dropped message is in the event log", () -> controller.model().events().stream()
                .anyMatch(e -> e.kind() == TraceKind.DROP && e.reason().contains("dropped on purpose")));
    }
}
