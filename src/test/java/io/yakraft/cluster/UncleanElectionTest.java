package io.yakraft.cluster;

import io.yakraft.check.InvariantChecker;
import io.yakraft.data.Acks;
import io.yakraft.data.FeedRequest;
import io.yakraft.data.PartitionLog;
import io.yakraft.metadata.ControllerCommand;
import io.yakraft.metadata.PartitionRegistration;
import io.yakraft.metadata.TopicImage;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The data plane through an unclean election: the out-of-sync follower leads with fewer records,
 * and when the old leader comes back it truncates what the new leader never had and follows it.
 * Without the topic config the partition waits for its last ISR member instead.
 */
class UncleanElectionTest {

    private static Cluster run(boolean unclean) {
        Cluster c = new Cluster(ClusterConfig.defaults(5, 3, 3));
        InvariantChecker checker = new InvariantChecker(c);
        c.start();
        c.runUntil(6_000);
        for (int attempt = 0; attempt < 20 && c.committedImage().topics().get("u") == null; attempt++) {
            c.submit(new ControllerCommand.CreateTopic("u", 1, 2, Map.of(0, List.of(101, 102)),
                    unclean ? Map.of("unclean.leader.election.enable", "true") : Map.of()), r -> { });
            c.runFor(1_000);
        }
        c.feed(new FeedRequest("u", DataPlaneTest.records(20), Acks.LEADER, 20, 103));
        c.runFor(3_000);
        c.cutBoth(101, 102); // b102 stops fetching: out of the ISR after replica.lag.time.max.ms
        c.feed(new FeedRequest("u", DataPlaneTest.records(70), Acks.LEADER, 1, 103));
        c.runFor(60_000);
        assertEquals(List.of(101), partition(c).isr(), "b102 fell out of the ISR");
        c.healAll();
        c.crash(101);
        c.runFor(15_000); // fenced after broker.session.timeout.ms
        assertTrue(checker.violations().isEmpty(), checker.violations().toString());
        return c;
    }

    private static PartitionRegistration partition(Cluster c) {
        return c.committedImage().topics().get("u").partitions().get(0);
    }

    @Test
    void anOutOfSyncReplicaLeadsAndTheOldLeaderTruncatesToItWhenItReturns() {
        Cluster c = run(true);
        assertEquals(102, partition(c).leader(), "unclean election");
        TopicImage t = c.committedImage().topics().get("u");
        long newLeaderEnd = c.partitionLog(102, TopicIds.partition(t, 0)).endOffset();
        assertTrue(newLeaderEnd < c.partitionLog(101, TopicIds.partition(t, 0)).endOffset(),
                "the new leader lacks records the old one acknowledged");
        c.restart(101, false);
        c.runFor(40_000);
        PartitionLog leader = c.partitionLog(102, TopicIds.partition(t, 0));
        PartitionLog back = c.partitionLog(101, TopicIds.partition(t, 0));
        assertEquals(leader.endOffset(), back.endOffset(), "the old leader follows the new one");
        for (long o = 0; o < leader.endOffset(); o++) {
            assertEquals(leader.get(o).id(), back.get(o).id(), "the same record at offset " + o);
        }
        assertEquals(2, partition(c).isr().size(), "and rejoined the ISR: " + partition(c).isr());
    }

    @Test
    void withoutTheConfigThePartitionWaitsForItsLastIsrMember() {
        Cluster c = run(false);
        assertFalse(partition(c).hasLeader());
        // 4.3 bootstraps eligible.leader.replicas.version 1: the last ISR member leaves the ISR for the ELR
        // (KIP-966) instead of staying in it (KIP-841), and LastKnownElr remembers it led
        assertEquals(List.of(), partition(c).isr());
        assertEquals(List.of(101), partition(c).eligibleLeaderReplicas());
        assertEquals(List.of(101), partition(c).lastKnownElr());
    }

    /** ReplicationControlManagerTest.testMaybeTriggerUncleanLeaderElectionForLeaderlessPartitions, through the whole cluster. */
    @Test
    void enablingUncleanElectionLiveElectsTheLeaderlessPartitionAtTheNextPeriodicCheck() {
        Cluster c = run(false);
        assertFalse(partition(c).hasLeader());
        c.submit(new ControllerCommand.AlterTopicConfigs("u", Map.of("unclean.leader.election.enable", "true")), r -> { });
        c.runFor(ControllerProcess.UNCLEAN_ELECTION_CHECK_MS + 2_000);
        assertEquals(102, partition(c).leader(), "the controller's electUnclean task picked the out-of-sync replica");
        assertEquals(List.of(102), partition(c).isr());
        assertEquals(io.yakraft.metadata.MetadataRecord.RECOVERING, partition(c).leaderRecoveryState());
        assertEquals(List.of(), partition(c).eligibleLeaderReplicas(), "an unclean election clears the ELR");
    }

    @Test
    void theUncleanLeaderIsRecoveringUntilItsAlterPartitionSaysRecovered() {
        Cluster c = run(true);
        assertEquals(102, partition(c).leader());
        assertEquals(io.yakraft.metadata.MetadataRecord.RECOVERING, partition(c).leaderRecoveryState(),
                "PartitionChangeBuilder.tryElection marks an unclean leader RECOVERING");
        assertEquals(List.of(102), partition(c).isr(), "an ISR of one while it recovers");
        c.restart(101, false);
        c.runFor(40_000);
        assertEquals(2, partition(c).isr().size(), "101 caught up and the leader asked to add it");
        assertEquals(io.yakraft.metadata.MetadataRecord.RECOVERED, partition(c).leaderRecoveryState(),
                "that AlterPartition carried RECOVERED (Partition.makeLeader marks the leader recovered)");
    }
}
