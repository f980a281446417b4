package io.yakraft.check;

import io.yakraft.cluster.Cluster;
import io.yakraft.cluster.ClusterConfig;
import io.yakraft.cluster.TopicIds;
import io.yakraft.data.Acks;
import io.yakraft.data.DataConfig;
import io.yakraft.data.DataRecord;
import io.yakraft.data.FeedRecord;
import io.yakraft.data.FeedRequest;
import io.yakraft.data.TopicPartition;
import io.yakraft.metadata.ControllerCommand;
import io.yakraft.metadata.PartitionRegistration;
import io.yakraft.metadata.TopicImage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The data plane's newer rules fire when what they guard is broken, and stay quiet on a healthy cluster. */
class DataInvariantsTest {
    private final List<String> broken = new ArrayList<>();

    private Cluster clusterWithTopic(int minIsr) {
        Cluster c = new Cluster(ClusterConfig.defaults(3, 3, 3).withData(DataConfig.defaults().withMinInsyncReplicas(minIsr)));
        c.addObserver(new DataInvariants(c, (rule, node, detail) -> broken.add(rule + ": " + detail)));
        c.start();
        c.runUntil(6_000);
        for (int attempt = 0; attempt < 20 && c.committedImage().topics().get("t") == null; attempt++) {
            c.submit(new ControllerCommand.CreateTopic("t", 1, 3), r -> { });
            c.runFor(1_000);
        }
        c.runFor(2_000);
        return c;
    }

    private static List<FeedRecord> records(int n) {
        List<FeedRecord> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new FeedRecord("k" + i, "v" + i));
        }
        return out;
    }

    @Test
    void anAcksAllRecordHeldByFewerThanMinInsyncReplicasBreaksTheRule() {
        Cluster c = clusterWithTopic(2);
        TopicImage t = c.committedImage().topics().get("t");
        TopicPartition tp = TopicIds.partition(t, 0);
        DataInvariants rules = new DataInvariants(c, (rule, node, detail) -> broken.add(rule + ": " + detail));
        rules.recordsAcked(tp, Acks.ALL, List.of(new DataRecord(0, 0, 4242, "k", "v"))); // on no replica at all
        assertEquals(1, broken.size(), broken.toString());
        assertTrue(broken.get(0).startsWith(DataInvariants.ACKS_ALL_ON_MIN_ISR), broken.get(0));
    }

    @Test
    void aDivergenceTruncationThatCutsNothingBreaksTheRule() {
        Cluster c = clusterWithTopic(1);
        TopicPartition tp = TopicIds.partition(c.committedImage().topics().get("t"), 0);
        DataInvariants rules = new DataInvariants(c, (rule, node, detail) -> broken.add(rule + ": " + detail));
        rules.partitionTruncated(2, tp, 7, 3);
        assertEquals(List.of(), broken, "a truncation that removed records is progress");
        rules.partitionTruncated(2, tp, 7, 0);
        assertEquals(1, broken.size(), broken.toString());
        assertTrue(broken.get(0).startsWith(DataInvariants.DIVERGENCE_SHORTENS_LOG), broken.get(0));
    }

    @Test
    void aDuplicatedBatchAppendedTwiceBreaksTheIdempotenceRuleAndKafkasLeaderNeverAppendsIt() {
        for (String variant : new String[] {"kraft", "append-duplicates"}) {
            broken.clear();
            Cluster c = new Cluster(ClusterConfig.defaults(3, 3, 3).withVariant(variant));
            c.start();
            c.runUntil(6_000);
            for (int attempt = 0; attempt < 20 && c.committedImage().topics().get("t") == null; attempt++) {
                c.submit(new ControllerCommand.CreateTopic("t", 1, 3), r -> { });
                c.runFor(1_000);
            }
            c.setLinkDefaults(new io.yakraft.sim.LinkConfig(1, 5, 0.0, 0.5)); // half the messages arrive twice
            io.yakraft.data.Feed f = c.feed(new FeedRequest("t", records(40), Acks.ALL, 20, -1));
            c.runFor(8_000);
            c.setLinkDefaults(io.yakraft.sim.LinkConfig.DEFAULT);
            c.runFor(4_000);
            assertEquals(40, f.status().acked(), f.status().toString());
            new DataInvariants(c, (rule, node, detail) -> broken.add(rule + ": " + detail)).checkReplicasReachHighWatermark();
            if (variant.equals("kraft")) {
                assertTrue(broken.isEmpty(), "the leader answered every duplicate with the first copy's offsets: " + broken);
            } else {
                assertEquals(1, broken.size(), broken.toString());
                assertTrue(broken.get(0).startsWith(DataInvariants.IDEMPOTENT_ONCE), broken.get(0));
            }
        }
    }

    @Test
    void aHealthyFeedKeepsBothRulesAndAReplicaCutOffFromItsLeaderFailsTheLivenessRule() {
        Cluster c = clusterWithTopic(2);
        c.feed(new FeedRequest("t", records(50), Acks.ALL, 50, -1));
        c.runFor(5_000);
        DataInvariants rules = new DataInvariants(c, (rule, node, detail) -> broken.add(rule + ": " + detail));
        rules.checkReplicasReachHighWatermark();
        assertTrue(broken.isEmpty(), "acks=all records on 2+ replicas, every replica at the HW: " + broken);

        PartitionRegistration p = c.committedImage().topics().get("t").partitions().get(0);
        int follower = p.replicas().stream().filter(r -> r != p.leader()).findFirst().orElseThrow();
        c.cutBoth(follower, p.leader()); // still heartbeating to the controller: live, but never fetching
        io.yakraft.data.Feed more = c.feed(new FeedRequest("t", records(20), Acks.ALL, 20, p.leader()));
        c.runFor(50_000); // dropped from the ISR after replica.lag.time.max.ms; the HW moves on without it
        assertEquals(20, more.status().acked(), more.status().toString());
        rules.checkReplicasReachHighWatermark();
        assertEquals(1, broken.size(), broken.toString());
        assertTrue(broken.get(0).startsWith(DataInvariants.REPLICA_REACHES_HW + ": b" + follower), broken.get(0));
    }
}
