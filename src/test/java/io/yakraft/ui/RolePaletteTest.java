package io.yakraft.ui;

import io.yakraft.cluster.MessageKind;
import io.yakraft.cluster.MessageView;
import io.yakraft.cluster.NodeView;
import io.yakraft.raft.Role;
import io.yakraft.sim.NodeStatus;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Message colours follow the message's typed kind, never its name. */
class RolePaletteTest {

    @AfterEach
    void backToTheDefaultPalette() {
        RolePalette.setColourBlindSafe(true);
    }

    @Test
    void eachFamilyHasItsColour() {
        assertEquals(Color.web("#F0E442"), RolePalette.message(MessageKind.PRE_VOTE));
        assertEquals(Color.web("#D55E00"), RolePalette.message(MessageKind.VOTE));
        assertEquals(Color.web("#CC79A7"), RolePalette.message(MessageKind.END_QUORUM_EPOCH));
        assertEquals(Color.web("#009E73"), RolePalette.message(MessageKind.ALTER_PARTITION));
        assertEquals(Color.web("#0072B2"), RolePalette.message(MessageKind.FETCH_SNAPSHOT));
        assertEquals(Color.web("#56B4E9"), RolePalette.message(MessageKind.FETCH));
        assertEquals(RolePalette.data(), RolePalette.message(MessageKind.REPLICA_FETCH));
    }

    @Test
    void aRequestAndItsResponseShareAColour() {
        for (MessageKind k : MessageKind.values()) {
            for (MessageKind other : MessageKind.values()) {
                if (k.family() == other.family()) {
                    assertEquals(RolePalette.message(k), RolePalette.message(other), k + " and " + other);
                }
            }
        }
        assertNotEquals(RolePalette.message(MessageKind.PRE_VOTE), RolePalette.message(MessageKind.VOTE),
                "pre-vote and vote are told apart though both names hold 'Vote'");
        assertNotEquals(RolePalette.message(MessageKind.FETCH), RolePalette.message(MessageKind.FETCH_SNAPSHOT),
                "fetch and fetch-snapshot are told apart though both names begin with 'Fetch'");
    }

    @Test
    void dataPlaneMessagesAreTheProduceAndReplicaFetchFamilies() {
        for (MessageKind k : MessageKind.values()) {
            boolean data = k.family() == MessageKind.Family.PRODUCE || k.family() == MessageKind.Family.REPLICA_FETCH;
            assertEquals(data, RolePalette.isData(k), k.name());
        }
        assertTrue(RolePalette.isData(MessageKind.PRODUCE_RESPONSE));
        assertFalse(RolePalette.isData(MessageKind.FETCH), "raft's Fetch is not the data plane's ReplicaFetch");
    }

    @Test
    void theColourComesFromTheKindNotTheWords() {
        // A view whose words say "Produce" but whose kind is a vote: coloured as a vote.
        MessageView reworded = new MessageView(1, 1, 2, MessageKind.VOTE, "Produce(orders-0, looks like data)", 0, 10);
        assertEquals(RolePalette.message(MessageKind.VOTE), RolePalette.message(reworded.kind()));
        assertFalse(RolePalette.isData(reworded.kind()));
        assertEquals("Vote", reworded.label(), "the label people read is the kind's");
    }

    @Test
    void theConventionalPaletteStillColoursDataBrown() {
        RolePalette.setColourBlindSafe(false);
        assertEquals(Color.web("#8D6E63"), RolePalette.message(MessageKind.PRODUCE));
    }

    private static NodeView node(boolean voter, NodeStatus status, Role role) {
        return new NodeView(1, voter, status, role, 3, 1, -1, 0, 10, 3, 10, Long.MAX_VALUE, 0, 10, "");
    }

    @Test
    void aNodesFillComesFromItsTypedState() {
        Set<RolePalette.Look> voterLooks = EnumSet.noneOf(RolePalette.Look.class);
        for (Role r : Role.values()) {
            voterLooks.add(RolePalette.look(node(true, NodeStatus.UP, r)));
        }
        assertEquals(Role.values().length, voterLooks.size(), "each quorum role has a look of its own");
        assertEquals(RolePalette.Look.LEADER, RolePalette.look(node(true, NodeStatus.UP, Role.LEADER)));
        assertEquals(Color.web("#E69F00"), RolePalette.fill(node(true, NodeStatus.UP, Role.LEADER)));
        assertEquals(RolePalette.Look.DEAD, RolePalette.look(node(true, NodeStatus.DOWN, Role.LEADER)),
                "a dead leader is drawn dead");
        assertEquals(RolePalette.Look.PAUSED, RolePalette.look(node(false, NodeStatus.PAUSED, Role.FOLLOWER)));
        assertEquals(RolePalette.Look.OBSERVER, RolePalette.look(node(false, NodeStatus.UP, Role.FOLLOWER)));
        assertEquals(Color.web("#BBBBBB"), RolePalette.fill(node(false, NodeStatus.UP, Role.UNATTACHED)),
                "an observer that is not following is grey in both palettes");
        RolePalette.setColourBlindSafe(false);
        assertEquals(Color.web("#2E7D32"), RolePalette.fill(node(true, NodeStatus.UP, Role.LEADER)));
        assertEquals(Color.web("#BBBBBB"), RolePalette.fill(node(false, NodeStatus.UP, Role.CANDIDATE)));
        assertEquals(Color.WHITE, RolePalette.text(node(true, NodeStatus.DOWN, Role.FOLLOWER)), "white on the dark dead fill");
    }

    /**
     * KIP-853: a controller outside the voter set (added and not yet a voter, or back on a
     * replaced disk) is an observer of the quorum; the window draws and names it as one, while the
     * nodes table still says it is a controller.
     */
    @Test
    void aControllerOutsideTheVoterSetLooksLikeAnObserver() {
        NodeView observer = new NodeView(4, true, NodeStatus.UP, Role.FOLLOWER, 3, 1, -1, 0, 10, 3, 10, Long.MAX_VALUE, 0, 10,
                "standby controller", null, java.util.List.of(), false);
        assertTrue(observer.observerController());
        assertEquals(RolePalette.Look.OBSERVER, RolePalette.look(observer));
        assertEquals("Observer controller", observer.displayRole());
        assertEquals("controller (observer)", NodeRow.of(observer).kind());
        assertEquals("Observer", NodeRow.of(observer).role());
        NodeView looking = new NodeView(4, true, NodeStatus.UP, Role.UNATTACHED, 3, -1, -1, 0, 10, 3, 10, Long.MAX_VALUE, 0, 10,
                "standby controller", null, java.util.List.of(), false);
        assertEquals(RolePalette.Look.OBSERVER_NOT_FOLLOWING, RolePalette.look(looking));
        NodeView voter = node(true, NodeStatus.UP, Role.FOLLOWER);
        assertFalse(voter.observerController());
        assertEquals(RolePalette.Look.FOLLOWER, RolePalette.look(voter));
        assertEquals("controller", NodeRow.of(voter).kind());
    }
}
