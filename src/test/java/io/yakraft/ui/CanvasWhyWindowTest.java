package io.yakraft.ui;

import io.yakraft.cluster.Action;
import io.yakraft.cluster.MessageKind;
import io.yakraft.cluster.MessageView;
import io.yakraft.cluster.NodeRef;
import io.yakraft.cluster.NodeView;
import io.yakraft.raft.Role;
import io.yakraft.sim.MessageEvent;
import io.yakraft.sim.TraceEvent;
import javafx.geometry.Point2D;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The "why" on the cluster canvas, driven by simulated time: vote answers marked ✓ / ✗ with the
 * tally on the Prospective or Candidate, a refusal's callout that fades after its simulated
 * duration, the leader's state card with each follower's lag, and dropping one message in
 * flight from its right-click menu.
 */
class CanvasWhyWindowTest extends WindowTestBase {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    private List<String> drawn() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> controller.renderer().drawnTexts()).get();
    }

    @Test
    void midElectionAVoteAnswerIsMarkedAndTheTallyIsShown() throws Exception {
        advanceUntil("a pre-vote or vote answer in flight to a Prospective or Candidate counting its round",
                s -> s.inFlight().stream().anyMatch(m -> (m.kind() == MessageKind.PRE_VOTE_RESPONSE
                        || m.kind() == MessageKind.VOTE_RESPONSE) && s.node(m.to()).votes().running()));
        MessageView answer = snapshot().inFlight().stream()
                .filter(m -> m.kind() == MessageKind.PRE_VOTE_RESPONSE || m.kind() == MessageKind.VOTE_RESPONSE)
                .findFirst().orElseThrow();
        String mark = MessageFields.label(answer);
        assertTrue(mark.endsWith(" ✓") || mark.endsWith(" ✗"), mark);
        List<String> texts = drawn();
        assertTrue(texts.contains(mark), () -> "the canvas marks " + mark + ": " + texts);
        NodeView counting = snapshot().node(answer.to());
        String tally = NodeCard.tally(counting, 3);
        assertTrue(tally.matches("\\d/3 (pre-)?votes.*\\(2 needed\\)"), tally);
        assertTrue(texts.contains(tally), () -> "the tally " + tally + " is on the canvas: " + texts);
        assertTrue(counting.role() == Role.PROSPECTIVE || counting.role() == Role.CANDIDATE, counting.displayRole());
    }

    @Test
    void aRefusedPreVoteLeavesACalloutThatFadesAfterItsSimulatedDuration() throws Exception {
        brokersUnfenced();
        int leader = snapshot().leaderId();
        int follower = snapshot().nodes().stream().filter(n -> n.voter() && n.id() != leader).findFirst().orElseThrow().id();
        session.perform(new Action.ForceTimeout(NodeRef.node(follower)));
        advanceUntilShown("a refusal's callout on the canvas", 5_000, () -> controller.model().callouts().stream()
                .anyMatch(c -> c.kind() == Callouts.Kind.VOTE_REFUSED));
        Callouts.Callout c = WaitForAsyncUtils.asyncFx(() -> controller.model().callouts().stream()
                .filter(x -> x.kind() == Callouts.Kind.VOTE_REFUSED).findFirst().orElseThrow()).get();
        assertTrue(c.text().startsWith("✗ pre-vote for n" + follower + ": "), c.text());
        assertTrue(drawn().contains(c.text()), "drawn beside the node");
        assertTrue(c.node() != follower, "at the voter that refused");

        long age = snapshot().now() - c.at();
        advance(Callouts.DURATION_MS * 3 / 4 - age);
        double alpha = c.alpha(snapshot().now());
        assertTrue(alpha > 0 && alpha < 1, "fading at three quarters of its time: " + alpha);
        assertTrue(drawn().contains(c.text()), "still drawn while it fades");

        advance(Callouts.DURATION_MS / 4);
        assertFalse(drawn().contains(c.text()), "gone after " + Callouts.DURATION_MS + " simulated ms");
        assertFalse(controller.model().callouts().contains(c));
    }

    @Test
    void messageLabelsNeverOverlapEachOtherNorANodesTextNorLeaveTheCanvas() throws Exception {
        brokersUnfenced();
        // a slow network and a topic's replica fetches keep many messages on the links at once
        session.perform(new Action.Network(null, 60L, 120L, null));
        session.perform(new Action.CreateTopic("busy", 3, 3, java.util.Map.of()));
        advance(1_000);
        int mostLabels = 0;
        for (int look = 0; look < 120; look++) {
            advance(7);
            String trouble = WaitForAsyncUtils.asyncFx(() -> {
                List<ClusterLayout.Box> boxes = controller.renderer().labelBoxes();
                ClusterLayout layout = controller.clusterLayout();
                for (int i = 0; i < boxes.size(); i++) {
                    ClusterLayout.Box b = boxes.get(i);
                    if (layout.coversNodeText(b) || !b.inside(layout.width(), layout.height())) {
                        return "label " + b + " covers a node's text or leaves the canvas";
                    }
                    for (int j = i + 1; j < boxes.size(); j++) {
                        if (b.overlaps(boxes.get(j))) {
                            return "labels " + b + " and " + boxes.get(j) + " overlap";
                        }
                    }
                }
                return "";
            }).get();
            assertEquals("", trouble, "at t = " + snapshot().now());
            mostLabels = Math.max(mostLabels, WaitForAsyncUtils.asyncFx(() -> controller.renderer().labelBoxes().size()).get());
        }
        assertTrue(mostLabels >= 3, "a busy canvas was looked at: at most " + mostLabels + " labels at once");
    }

    @Test
    void theLeadersStateCardListsEachFollowersFetchOffsetAndLag() throws Exception {
        brokersUnfenced();
        int leader = snapshot().leaderId();
        WaitForAsyncUtils.asyncFx(() -> controller.model().selectedNodeProperty().set(leader)).get();
        advance(200);
        String card = WaitForAsyncUtils.asyncFx(() -> controller.overlay().card().isVisible()
                ? controller.overlay().card().getText() : "").get();
        assertTrue(card.startsWith("n" + leader + " · Leader"), card);
        assertTrue(card.contains("metadata HW"), card);
        for (NodeView n : snapshot().nodes()) {
            if (n.id() != leader) {
                assertTrue(card.matches("(?s).*\\n  n" + n.id() + "( \\(observer\\))? · fetch \\d+ · lag \\d+ · \\d+ ms ago.*"),
                        () -> "n" + n.id() + "'s fetch offset and lag: " + card);
            }
        }
    }

    @Test
    void rightClickingAMessageInFlightDropsIt(FxRobot robot) throws Exception {
        brokersUnfenced();
        int leader = snapshot().leaderId();
        MessageView fetch = fetchToLeaderHalfway();
        Point2D at = onScreen(fetch);
        robot.rightClickOn(at);
        robot.clickOn(robot.lookup(n -> n instanceof Labeled l && l.getText() != null
                && l.getText().startsWith("Drop this message (Fetch n" + fetch.from() + " → n" + leader)).queryAs(Labeled.class));
        settle();
        assertTrue(snapshot().inFlight().stream().noneMatch(m -> m.id() == fetch.id()), "no longer in flight");
        advance(200);
        List<TraceEvent> events = session.latest().recentEvents();
        assertTrue(events.stream().anyMatch(e -> e.messageId() == fetch.id() && e.detail() instanceof MessageEvent m
                && m.stage() == MessageEvent.Stage.DROPPED_BY_HAND), "the trace records the drop");
        assertEquals(0, events.stream().filter(e -> e.messageId() == fetch.id() && e.detail() instanceof MessageEvent m
                && m.stage() == MessageEvent.Stage.DELIVERED).count(), "and it is never delivered");
    }
}
