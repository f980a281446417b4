package io.yakraft.check;

import io.yakraft.cluster.Cluster;
import io.yakraft.cluster.ClusterConfig;
import io.yakraft.data.Acks;
import io.yakraft.data.DataConfig;
import io.yakraft.data.ReplicaView;
import io.yakraft.data.TopicPartition;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Found by {@link DataSafetyPropertyTest} (seed 36553): b101 led feed-1 in leader epoch 1 from an
 * empty log (its ISR peer b102 had crashed holding epoch-0 records 0-8), wrote 180 records and was
 * paused; b102 came back, was elected from the ISR in epoch 4 and wrote on from offset 9. Resumed,
 * b101 follows b102 with a log wholly of epoch 1, which b102 never had. b102 answers "diverging
 * after epoch 0, which ends at 9"; b101 holds no epoch 0, and it used to keep offsets 0-8 of epoch
 * 1 (the leader's end), then fetch from 9 with last epoch 1 and get the same answer forever, never
 * reaching the high watermark. As Kafka's LeaderEpochFileCache.endOffsetFor, epoch 0 ends where
 * b101's log starts: it truncates to 0 and copies b102's log.
 */
class LostEpochFollowerCatchesUpTest {

    @Test
    void aFollowerWhoseLogIsOfAnEpochTheLeaderNeverHadCatchesUp() {
        for (Acks acks : new Acks[] {Acks.LEADER, Acks.ALL}) {
            Cluster c = new Cluster(ClusterConfig.defaults(36553, 3, 3)
                    .withData(DataConfig.defaults().withMinInsyncReplicas(acks == Acks.ALL ? 2 : 1)));
            InvariantChecker checker = new InvariantChecker(c);
            c.start();
            FeedWorkload.schedule(c, new FeedWorkload.Spec(1500, 50, 3, 3, acks), 0, 60_000);
            RandomFaults.schedule(c, 2_000, 60_000, 1_500);
            c.runUntil(105_000);
            checker.checkReplicasReachHighWatermark();
            assertEquals(java.util.List.of(), checker.violations(), "acks=" + acks.label());

            Map<TopicPartition, ReplicaView> leader = c.replicas(102);
            Map<TopicPartition, ReplicaView> follower = c.replicas(101);
            for (Map.Entry<TopicPartition, ReplicaView> e : follower.entrySet()) {
                ReplicaView mine = e.getValue();
                ReplicaView lead = leader.get(e.getKey());
                if (e.getKey().partition() == 1 && lead != null && lead.leader()) {
                    assertEquals(lead.epochStarts(), mine.epochStarts(), "acks=" + acks.label()
                            + ": b101's leader-epoch cache of " + e.getKey() + " is its leader's");
                    assertTrue(mine.logEndOffset() >= lead.highWatermark(), "acks=" + acks.label() + ": " + mine);
                }
            }
        }
    }
}
