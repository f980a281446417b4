package io.yakraft.check;

import io.yakraft.cluster.Cluster;
import io.yakraft.cluster.ClusterConfig;
import io.yakraft.cluster.TopicIds;
import io.yakraft.data.Acks;
import io.yakraft.data.DataConfig;
import io.yakraft.data.FeedStatus;
import io.yakraft.data.PartitionLog;
import io.yakraft.data.TopicPartition;
import io.yakraft.metadata.PartitionRegistration;
import io.yakraft.metadata.TopicImage;
import io.yakraft.sim.NodeStatus;
import io.yakraft.check.lin.HistoryRecorder;
import io.yakraft.check.lin.Linearizability;
import io.yakraft.check.lin.Verdict;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The data plane under faults: for any seed, 3 controllers and 2–3 brokers, a feed of 1,500
 * records with acks=all (or acks=1) at 50 records per simulated second through a minute of
 * random faults (brokers killed, restarted with or without their disks, paused, cut off; lossy,
 * duplicating links), then 45 s of calm; with 3 brokers, min.insync.replicas 1 or 2. No invariant
 * breaks (no acknowledged acks=all record is lost, no two records acknowledged at one offset, none
 * acknowledged on fewer than min.insync.replicas replicas, every live replica at its leader's high
 * watermark after the calm), every record ends acknowledged or failed
 * (none is stuck), the history of produces and commands is linearizable, and after the calm every ISR replica holds
 * exactly its leader's log.
 */
class DataSafetyPropertyTest {

    @Property
    void acknowledgedRecordsSurviveFaults(
            @ForAll @LongRange(min = 1, max = Long.MAX_VALUE / 2) long seed,
            @ForAll @IntRange(min = 2, max = 3) int brokers,
            @ForAll @IntRange(min = 0, max = 3) int acksOneInFour,
            @ForAll @IntRange(min = 1, max = 2) int minInsyncReplicas) {
        Acks acks = acksOneInFour == 0 ? Acks.LEADER : Acks.ALL;
        int minIsr = brokers == 3 ? minInsyncReplicas : 1; // with rf 3, min.insync.replicas 2 as production runs it
        Cluster c = new Cluster(ClusterConfig.defaults(seed, 3, brokers).withTrace(false)
                .withData(DataConfig.defaults().withMinInsyncReplicas(minIsr)));
        InvariantChecker checker = new InvariantChecker(c);
        HistoryRecorder history = HistoryRecorder.attach(c);
        c.start();
        FeedWorkload feed = FeedWorkload.schedule(c, new FeedWorkload.Spec(1500, 50, 3, brokers, acks), 0, 60_000);
        RandomFaults.schedule(c, 2_000, 60_000, 1_500);
        c.runUntil(105_000);
        checker.checkReplicasReachHighWatermark(); // 45 s of calm is the bound a live replica gets to catch up
        assertTrue(checker.violations().isEmpty(), () -> "violations: " + checker.violations());
        history.readAll();
        Verdict lin = Linearizability.check(history.history()); // topic creation and every acks=all produce
        assertTrue(lin.linearizable(), lin::describe);
        FeedStatus s = feed.outcome();
        assertNotNull(s, "the topic was created");
        assertEquals(s.total(), s.finished(), () -> "every record acknowledged or failed: " + s);
        assertReplicasMatchLeaders(c);
    }

    static void assertReplicasMatchLeaders(Cluster c) {
        TopicImage t = c.committedImage().topics().get(FeedWorkload.TOPIC);
        for (Map.Entry<Integer, PartitionRegistration> e : t.partitions().entrySet()) {
            PartitionRegistration p = e.getValue();
            if (!p.hasLeader()) {
                continue;
            }
            TopicPartition tp = TopicIds.partition(t, e.getKey());
            PartitionLog leader = c.partitionLog(p.leader(), tp);
            for (int r : p.isr()) {
                PartitionLog log = c.partitionLog(r, tp);
                assertTrue(c.status(r) != NodeStatus.UP || (log != null && log.endOffset() == leader.endOffset()),
                        () -> tp + " on b" + r + " ends at " + (log == null ? "nothing" : log.endOffset()) + ", leader b"
                                + p.leader() + " at " + leader.endOffset());
            }
        }
    }
}
