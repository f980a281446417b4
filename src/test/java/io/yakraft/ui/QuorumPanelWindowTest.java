package io.yakraft.ui;

import io.yakraft.cluster.NodeRef;
import io.yakraft.cluster.Action;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Quorum tab (View → Quorum tab): the leader's DescribeQuorum answer, one row per voter and
 * observer, with the log end the leader believes beside the one the node holds; with no leader
 * it says that only a leader answers.
 */
class QuorumPanelWindowTest extends WindowTestBase {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void theQuorumTabShowsTheLeadersViewBesideWhatEachNodeHolds(FxRobot robot) throws Exception {
        brokersUnfenced();
        robot.interact(() -> controller.showTab(6));
        settle();
        Label headline = robot.lookup("#quorumHeadline").query();
        TableView<QuorumRows.Row> table = robot.lookup("#quorumTable").query();
        int leader = snapshot().leaderId();
        assertTrue(headline.getText().startsWith("Leader n" + leader + " · epoch "), headline.getText());
        assertTrue(table.isVisible(), "the Quorum tab is the one shown");
        assertEquals(6, table.getItems().size(), "three voters and three brokers observing: " + table.getItems());
        assertEquals("leader", table.getItems().stream().filter(r -> r.replica().equals("n" + leader)).findFirst()
                .orElseThrow().kind());
        assertEquals(3, table.getItems().stream().filter(r -> r.kind().equals("observer")).count());

        session.request(new Action.Kill(NodeRef.node(leader)));
        advanceUntil("no leader after the kill", s -> s.leaderId() < 0);
        assertEquals("No leader: only a leader answers DescribeQuorum (others say NOT_LEADER_OR_FOLLOWER)",
                headline.getText());
        assertEquals(0, table.getItems().size());
    }
}
