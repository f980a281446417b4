package io.yakraft.cluster;

import io.yakraft.check.InvariantChecker;
import io.yakraft.data.Acks;
import io.yakraft.data.DataConfig;
import io.yakraft.data.Feed;
import io.yakraft.data.FeedRecord;
import io.yakraft.data.FeedRequest;
import io.yakraft.data.FeedStatus;
import io.yakraft.data.PartitionLog;
import io.yakraft.data.TopicPartition;
import io.yakraft.metadata.ControllerCommand;
import io.yakraft.metadata.ControllerReply;
import io.yakraft.metadata.PartitionRegistration;
import io.yakraft.metadata.TopicImage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Partition replicas, produce and replica fetch on the simulated cluster. */
class DataPlaneTest {

    static Cluster clusterWithTopic(long seed, String topic, int partitions, int rf) {
        Cluster c = new Cluster(ClusterConfig.defaults(seed, 3, 3));
        new InvariantChecker(c);
        c.start();
        c.runUntil(6_000);
        List<ControllerReply> replies = new ArrayList<>();
        for (int attempt = 0; attempt < 20 && (replies.isEmpty() || !replies.get(0).ok()); attempt++) {
            replies.clear();
            c.submit(new ControllerCommand.CreateTopic(topic, partitions, rf), replies::add);
            c.runFor(1_000);
        }
        assertTrue(!replies.isEmpty() && replies.get(0).ok(), "topic created: " + replies);
        c.runFor(1_000);
        return c;
    }

    static List<FeedRecord> records(int n) {
        List<FeedRecord> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new FeedRecord("key-" + (i % 17), "{\"n\":" + i + "}"));
        }
        return out;
    }

    @Test
    void acksAllFeedReachesEveryReplicaOfEveryPartition() {
        Cluster c = clusterWithTopic(3, "orders", 3, 3);
        Feed f = c.feed(new FeedRequest("orders", records(200), Acks.ALL, 100, -1));
        c.runFor(6_000);
        FeedStatus s = f.status();
        assertEquals(200, s.acked(), "all acknowledged: " + s);
        assertEquals(0, s.failed());
        assertTrue(c.violations().isEmpty(), c.violations().toString());
        TopicImage t = c.committedImage().topics().get("orders");
        int total = 0;
        for (Map.Entry<Integer, PartitionRegistration> e : t.partitions().entrySet()) {
            TopicPartition tp = TopicIds.partition(t, e.getKey());
            long leo = -1;
            for (int b : e.getValue().replicas()) {
                PartitionLog log = c.partitionLog(b, tp);
                if (leo < 0) {
                    leo = log.endOffset();
                }
                assertEquals(leo, log.endOffset(), tp + " on b" + b);
                assertEquals(leo, log.highWatermark(), tp + " hw on b" + b);
            }
            total += leo;
            assertEquals(s.ackedByPartition().getOrDefault(e.getKey(), 0).longValue(), leo, tp + " holds what was acked");
        }
        assertEquals(200, total);
    }

    private static TopicPartition tp(Cluster c, String topic, int p) {
        TopicImage t = c.committedImage().topics().get(topic);
        return TopicIds.partition(t, p);
    }

    private static PartitionRegistration partition(Cluster c, String topic, int p) {
        return c.committedImage().topics().get(topic).partitions().get(p);
    }

    @Test
    void killingThePartitionLeaderStallsProduceUntilTheControllerMovesLeadershipThenRetriesSucceed() {
        Cluster c = clusterWithTopic(5, "payments", 1, 3);
        Feed f = c.feed(new FeedRequest("payments", records(300), Acks.ALL, 30, -1));
        c.runFor(3_000);
        int oldLeader = partition(c, "payments", 0).leader();
        int ackedBefore = f.status().acked();
        assertTrue(ackedBefore > 0, "records flow before the crash");
        c.crash(oldLeader);
        c.runFor(4_000);
        assertTrue(f.status().acked() - ackedBefore <= 5, "produce stalls while the dead broker still leads: " + f.status());
        assertTrue(f.status().retries() > 0, "the producer retried");
        c.runFor(25_000);
        PartitionRegistration p = partition(c, "payments", 0);
        assertTrue(p.leader() != oldLeader && p.hasLeader(), "leadership moved: " + p);
        assertFalse(p.isr().contains(oldLeader), "the dead broker left the ISR");
        assertEquals(300, f.status().acked(), "every record acknowledged in the end: " + f.status());
        assertEquals(0, f.status().failed());
        assertTrue(c.violations().isEmpty(), c.violations().toString());
        c.restart(oldLeader, false);
        c.runFor(8_000);
        assertTrue(partition(c, "payments", 0).isr().contains(oldLeader), "back in the ISR after catching up");
        PartitionLog back = c.partitionLog(oldLeader, tp(c, "payments", 0));
        assertEquals(c.partitionLog(p.leader(), tp(c, "payments", 0)).endOffset(), back.endOffset(), "caught up");
    }

    @Test
    void aFollowerThatStopsFetchingLeavesTheIsrAndRejoinsAfterCatchingUp() {
        Cluster c = clusterWithTopic(6, "clicks", 1, 3);
        int leader = partition(c, "clicks", 0).leader();
        int follower = partition(c, "clicks", 0).replicas().stream().filter(r -> r != leader).findFirst().orElseThrow();
        Feed f = c.feed(new FeedRequest("clicks", records(400), Acks.ALL, 40, -1));
        c.runFor(2_000);
        c.cutBoth(follower, leader); // it still heartbeats to the controller, so it stays unfenced
        c.runFor(46_000); // replica.lag.time.max.ms 30 s, checked every 15 s
        PartitionRegistration shrunk = partition(c, "clicks", 0);
        assertFalse(shrunk.isr().contains(follower), "lagging follower dropped after replica.lag.time.max.ms: " + shrunk);
        assertEquals(0, f.status().failed(), "acks=all goes on with the smaller ISR");
        c.healAll();
        c.runFor(4_000);
        assertTrue(partition(c, "clicks", 0).isr().contains(follower), "rejoined after catching up");
        c.runFor(10_000);
        assertEquals(400, f.status().acked());
        assertTrue(c.violations().isEmpty(), c.violations().toString());
    }

    @Test
    void anAcksOneLeaderThatDiesAloneWithRecordsTruncatesThemWhenItReturns() {
        Cluster c = clusterWithTopic(7, "logs", 1, 2);
        int leader = partition(c, "logs", 0).leader();
        int other = partition(c, "logs", 0).replicas().stream().filter(r -> r != leader).findFirst().orElseThrow();
        c.cutBoth(other, leader); // the follower cannot fetch; the leader takes acks=1 writes alone
        Feed f = c.feed(new FeedRequest("logs", records(20), Acks.LEADER, 0, leader));
        c.runFor(500);
        long leaderEnd = c.partitionLog(leader, tp(c, "logs", 0)).endOffset();
        assertEquals(20, leaderEnd, "appended at the leader: " + f.status());
        c.crash(leader);
        c.healAll();
        c.runFor(15_000); // fenced; the follower, still in the ISR, takes over
        assertEquals(other, partition(c, "logs", 0).leader());
        c.feed(new FeedRequest("logs", records(5), Acks.ALL, 0, other));
        c.runFor(2_000);
        c.restart(leader, false);
        c.runFor(8_000);
        PartitionLog returned = c.partitionLog(leader, tp(c, "logs", 0));
        PartitionLog current = c.partitionLog(other, tp(c, "logs", 0));
        assertEquals(current.endOffset(), returned.endOffset(), "the returning replica matches the new leader");
        for (long o = 0; o < current.endOffset(); o++) {
            assertEquals(current.get(o).id(), returned.get(o).id(), "offset " + o);
        }
        assertTrue(c.violations().isEmpty(), c.violations().toString());
    }

    @Test
    void aFeedMovesToAnotherBrokerWhenItsProducersBrokerDies() {
        Cluster c = clusterWithTopic(8, "orders", 3, 3);
        Feed f = c.feed(new FeedRequest("orders", records(200), Acks.ALL, 40, 101));
        c.runFor(2_000);
        assertEquals(101, f.status().homeBroker());
        c.crash(101);
        assertEquals(102, f.status().homeBroker(), "the lowest-numbered live broker takes over");
        c.runFor(30_000);
        assertEquals(200, f.status().acked(), f.status().toString());
        assertTrue(c.violations().isEmpty(), c.violations().toString());
    }

    @Test
    void retriesReachTheNewLeaderAfterEveryRecordIsOut() {
        Cluster c = clusterWithTopic(5, "orders", 3, 3);
        PartitionRegistration p0 = c.committedImage().topics().get("orders").partitions().get(0);
        int victim = p0.leader();
        int home = p0.isr().stream().filter(b -> b != victim).findFirst().orElseThrow();
        // as fast as possible: every record is let out at once, so only the backoff can send the retries
        Feed f = c.feed(new FeedRequest("orders", records(60), Acks.ALL, 0, home));
        c.crash(victim);
        c.runFor(25_000);
        FeedStatus s = f.status();
        assertTrue(s.retries() > 0, "the dead leader's batches were retried: " + s);
        assertEquals(60, s.acked(), "retries went to the new leader and were acknowledged: " + s);
        assertEquals(0, s.failed(), s.toString());
        assertFalse(c.committedImage().topics().get("orders").partitions().get(0).leader() == victim);
        assertTrue(c.violations().isEmpty(), c.violations().toString());
    }

    @Test
    void aFeedWaitsForItsTopicThenSendsOrGivesUpAfterTheDeliveryTimeout() {
        Cluster c = clusterWithTopic(7, "orders", 1, 1);
        // every record is out at once, before the topic exists: only the producer's own wake-ups can send them
        Feed early = c.feed(new FeedRequest("later", records(10), Acks.ALL, 0, -1));
        Feed never = c.feed(new FeedRequest("missing", records(3), Acks.ALL, 0, -1));
        c.runFor(2_000);
        List<ControllerReply> replies = new ArrayList<>();
        c.submit(new ControllerCommand.CreateTopic("later", 2, 3), replies::add);
        c.runFor(5_000);
        assertTrue(!replies.isEmpty() && replies.get(0).ok(), replies.toString());
        assertEquals(10, early.status().acked(), "sent once the topic reached the producer's broker: " + early.status());
        assertEquals(0, never.status().failed(), "still within delivery.timeout.ms");
        c.runFor(115_000); // delivery.timeout.ms is Kafka's 120 s
        assertEquals(3, never.status().failed(), "failed for good after delivery.timeout.ms: " + never.status());
        assertTrue(never.status().lastError().contains("'missing' is not in"), never.status().lastError());
    }

    @Test
    void belowMinInsyncReplicasAcksAllIsRefusedWhileAcksOneGoesOn() {
        Cluster c = new Cluster(ClusterConfig.defaults(9, 3, 2).withData(DataConfig.defaults().withMinInsyncReplicas(2)));
        new InvariantChecker(c);
        c.start();
        c.runUntil(6_000);
        List<ControllerReply> replies = new ArrayList<>();
        c.submit(new ControllerCommand.CreateTopic("audit", 1, 2), replies::add);
        c.runFor(2_000);
        assertTrue(!replies.isEmpty() && replies.get(0).ok(), replies.toString());
        int leader = partition(c, "audit", 0).leader();
        int follower = partition(c, "audit", 0).replicas().stream().filter(r -> r != leader).findFirst().orElseThrow();
        c.crash(follower);
        // the partition is idle, so the follower, at the leader's log end, stays caught up for the leader; the
        // controller takes it out of the ISR when it fences it after broker.session.timeout.ms (9 s)
        c.runFor(5_000);
        assertEquals(2, partition(c, "audit", 0).isr().size(), "not dropped for lag while idle");
        c.runFor(6_000);
        assertEquals(List.of(leader), partition(c, "audit", 0).isr());
        Feed all = c.feed(new FeedRequest("audit", records(5), Acks.ALL, 0, leader));
        Feed one = c.feed(new FeedRequest("audit", records(5), Acks.LEADER, 0, leader));
        c.runFor(2_000);
        assertEquals(0, all.status().acked(), all.status().toString());
        assertTrue(all.status().lastError().contains("NOT_ENOUGH_REPLICAS"), all.status().lastError());
        assertEquals(5, one.status().acked(), one.status().toString());
        c.restart(follower, false);
        c.runFor(10_000);
        assertEquals(5, all.status().acked(), "answered once the ISR is back to two: " + all.status());
        assertTrue(c.violations().isEmpty(), c.violations().toString());
    }
}
