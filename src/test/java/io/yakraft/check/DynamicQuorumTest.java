package io.yakraft.check;

import io.yakraft.cluster.Cluster;
import io.yakraft.cluster.ClusterConfig;
import io.yakraft.raft.RaftError;
import io.yakraft.raft.VoterChangeResult;
import io.yakraft.sim.NodeStatus;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * KIP-853 in a running cluster, watched by the invariant checker: growing the quorum, and the
 * disk-loss rules (a controller on a new disk is not the voter it was). Kafka's own account of
 * the rules: KafkaRaftClientReconfigTest (testAddVoter, testRemoveVoter) and KIP-853's
 * "Disk failure recovery" section.
 */
class DynamicQuorumTest {

    private static Cluster started(long seed) {
        Cluster c = new Cluster(ClusterConfig.defaults(seed, 3, 0).withTrace(false));
        new InvariantChecker(c);
        c.start();
        c.runUntil(5_000);
        assertTrue(c.leaderId() > 0, "a leader after 5 s");
        return c;
    }

    private static void settle(Cluster c, long ms) {
        c.runFor(ms);
    }

    private static int[] committedVoters(Cluster c) {
        return c.committedVoters().ids();
    }

    /** Kafka: KafkaRaftClientReconfigTest.testAddVoter, twice: a 3-voter quorum grows to 5 and then survives two crashes. */
    @Test
    void aQuorumGrowsFromThreeToFiveOneVoterAtATime() {
        Cluster c = started(11);
        for (int id : new int[] {4, 5}) {
            c.addController(id);
            assertFalse(c.currentVoters().containsId(id), "a new controller starts as an observer");
            settle(c, 2_000);
            VoterChangeResult r = c.addVoter(id);
            assertTrue(r.accepted(), r.message());
            settle(c, 1_000);
            assertTrue(c.pendingVoterChange().isEmpty(), "committed within a second");
        }
        assertArrayEquals(new int[] {1, 2, 3, 4, 5}, committedVoters(c));
        int leader = c.leaderId();
        List<Integer> others = new ArrayList<>();
        for (int id : c.voterIds()) {
            if (id != leader) {
                others.add(id);
            }
        }
        c.crash(leader);
        c.crash(others.get(0));
        settle(c, 6_000);
        assertTrue(c.leaderId() > 0, "three of five voters elect a leader");
        assertEquals(List.of(), c.violations());
    }

    /**
     * The second case: the only follower holding a committed entry loses its disk. On its
     * new disk it cannot vote as the voter it was, so the lagging voter cannot be elected without
     * the old leader, and the entry survives. Replacing it (remove the old key, add the new one,
     * as KIP-853's recovery says) brings the quorum back to three.
     */
    @Test
    void losingTheDiskOfTheOnlyUpToDateFollowerLosesNoCommittedEntry() {
        Cluster c = started(12);
        int leader = c.leaderId();
        int[] followers = Arrays.stream(c.voterIds()).filter(id -> id != leader).toArray();
        int upToDate = followers[0];
        int lagging = followers[1];
        c.cutBoth(leader, lagging);
        long base = c.propose(List.of("w1", "w2", "w3"));
        settle(c, 500);
        long committed = c.logRange(leader).highWatermark();
        assertTrue(committed > base + 2, "committed by the leader and " + upToDate);
        assertTrue(c.logRange(lagging).endOffset() < committed, "the cut voter lags");

        c.crash(leader);
        c.crash(upToDate);
        c.restart(upToDate, true);
        c.healAll();
        settle(c, 10_000);
        assertEquals(-1, c.leaderId(), "the lagging voter must not win with the vote of a replaced disk");
        assertEquals(List.of(), c.violations());

        c.restart(leader, false);
        settle(c, 6_000);
        int newLeader = c.leaderId();
        assertTrue(newLeader == leader || newLeader == lagging, "a leader among the two real voters: " + newLeader);
        assertTrue(c.logRange(newLeader).highWatermark() >= committed);
        assertEquals("w3", c.entries(newLeader, base + 2, base + 3).get(0).payload());

        VoterChangeResult stale = c.addVoter(upToDate);
        assertEquals(RaftError.DUPLICATE_VOTER, stale.error(), "its id is still a voter, with the old disk");
        assertTrue(c.removeVoter(upToDate).accepted());
        settle(c, 1_000);
        assertTrue(c.addVoter(upToDate).accepted(), "caught up as an observer meanwhile");
        settle(c, 1_000);
        assertArrayEquals(new int[] {1, 2, 3}, committedVoters(c));
        assertTrue(c.committedVoters().isVoter(c.replicaKey(upToDate)), "the voter is now its new disk");
        assertEquals(NodeStatus.UP, c.status(upToDate));
        assertEquals(List.of(), c.violations());
    }

    /**
     * The voter operator of random-fault runs looks at the quorum every 300 ms; a look that finds
     * nothing to repair leaves no trace line, and each repair it makes is one INPUT line naming it.
     */
    @Test
    void theVoterOperatorTracesItsRepairsAndNotItsLooks() {
        Cluster c = new Cluster(ClusterConfig.defaults(7, 3, 0));
        new InvariantChecker(c);
        List<String> operatorLines = new ArrayList<>();
        c.addTraceListener(e -> {
            if (e.kind() == io.yakraft.sim.TraceKind.INPUT && e.reason().startsWith("voter operator")) {
                operatorLines.add(e.reason());
            }
        });
        c.start();
        RandomFaults.scheduleWithVoterChanges(c, 1_000, 60_000, 2_000);
        c.runUntil(90_000);
        assertTrue(operatorLines.size() < 60_000 / VoterOperator.PERIOD_MS / 4,
                operatorLines.size() + " operator lines: " + operatorLines);
        assertFalse(operatorLines.isEmpty(), "seed 7 loses a voter's disk or removes a voter within the minute");
        for (String line : operatorLines) {
            assertTrue(line.contains("RemoveRaftVoter") || line.contains("AddRaftVoter"), line);
        }
        assertTrue(c.violations().isEmpty(), c.violations().toString());
    }

    /**
     * Kafka: KafkaRaftClientReconfigTest.testFollowerSendsUpdateVoterWhenDifferent and testLeaderUpdatesVoter,
     * in a running cluster: a follower restarted on a new listener updates its entry through
     * UpdateRaftVoter; so does the leader restarted on a new listener, once it follows the leader
     * elected meanwhile. Every controller ends with both endpoints, committed.
     */
    @Test
    void controllersOnNewListenersUpdateTheirVoterEntries() {
        Cluster c = started(42);
        int leader = c.leaderId();
        int follower = leader == 1 ? 2 : 1;
        c.at(c.now() + 1, "move a follower's listener", x -> x.reconfigureController(follower, "CONTROLLER://n" + follower
                + ":19093", io.yakraft.raft.VoterSet.KRaftVersionRange.SUPPORTED));
        settle(c, 6_000);
        assertEquals("CONTROLLER://n" + follower + ":19093", c.committedVoters().voterFor(follower).orElseThrow().endpoint());
        c.at(c.now() + 1, "move the leader's listener", x -> x.reconfigureController(leader, "CONTROLLER://n" + leader
                + ":19093", io.yakraft.raft.VoterSet.KRaftVersionRange.SUPPORTED));
        settle(c, 10_000);
        assertEquals("CONTROLLER://n" + leader + ":19093", c.committedVoters().voterFor(leader).orElseThrow().endpoint());
        for (int id : c.voterIds()) {
            assertEquals(c.committedVoters(), c.voterSetOf(id), "n" + id + " holds the updated set");
        }
        assertTrue(c.violations().isEmpty(), c.violations().toString());
    }
}
