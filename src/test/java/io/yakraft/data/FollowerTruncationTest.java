package io.yakraft.data;

import io.yakraft.data.DataMessage.ReplicaFetchRequest;
import io.yakraft.data.DataMessage.ReplicaFetchResponse;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static io.yakraft.data.Images.orders;
import static io.yakraft.data.Images.partition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * KIP-279 (Kafka's AbstractFetcherThread, truncation on a diverging epoch): the follower looks up
 * the leader's answer in its own leader-epoch cache and truncates to the smaller of both ends of
 * that epoch, so divergent records of an epoch the leader never had are removed in one go.
 */
class FollowerTruncationTest {
    private final RecordingOutputs leaderOut = new RecordingOutputs();
    private final RecordingOutputs followerOut = new RecordingOutputs();
    private final Map<TopicPartition, PartitionLog> leaderDisk = new TreeMap<>(TopicPartition.ORDER);
    private final Map<TopicPartition, PartitionLog> followerDisk = new TreeMap<>(TopicPartition.ORDER);

    private static PartitionLog log(int... epochs) {
        PartitionLog log = new PartitionLog();
        for (int i = 0; i < epochs.length; i++) {
            log.append(epochs[i], (long) epochs[i] * 1000 + i, "k", "v" + i);
        }
        return log;
    }

    /** Rounds of follower b2 fetching from leader b1, 10 ms apart; returns the time of the last round. */
    private long fetchRounds(ReplicaManager leader, ReplicaManager follower, int rounds) {
        long now = 0;
        for (int round = 0; round < rounds; round++) {
            now += 10;
            follower.afterEvent(now);
            for (ReplicaFetchRequest f : followerOut.take(ReplicaFetchRequest.class)) {
                leader.handle(now, 2, f);
            }
            leader.wake(now + config().fetchMaxWaitMs()); // an idle long poll answers at its deadline
            for (ReplicaFetchResponse r : leaderOut.take(ReplicaFetchResponse.class)) {
                follower.handle(now, 1, r);
            }
        }
        return now;
    }

    @Test
    void aFollowerTruncatesToTheEndOfTheLargestCommonEpochOnceAndRejoinsTheIsr() {
        // the leader: epoch 0 at offsets 0-7, epoch 2 at 8-9; the follower: epoch 0 at 0-4, epoch 1 (never the leader's) at 5-7
        leaderDisk.put(orders(0), log(0, 0, 0, 0, 0, 0, 0, 0, 2, 2));
        followerDisk.put(orders(0), log(0, 0, 0, 0, 0, 1, 1, 1));
        DataImage image = orders(Set.of(1, 2), partition(1, 2, 5, List.of(1, 2), List.of(1)));
        ReplicaManager leader = new ReplicaManager(1, DataConfig.defaults(), leaderDisk, leaderOut);
        ReplicaManager follower = new ReplicaManager(2, DataConfig.defaults(), followerDisk, followerOut);
        leader.follow(0, image);
        follower.follow(0, image);

        long now = fetchRounds(leader, follower, 6);
        leader.wake(now + config().replicaLagMaxMs() / 2); // the leader's next ISR check

        List<String> truncations = followerOut.events.stream().filter(e -> e.startsWith("truncated")).toList();
        assertEquals(List.of("truncated orders-0 to 5 (3)"), truncations, "one truncation, of the three epoch-1 records");
        PartitionLog mine = followerDisk.get(orders(0));
        assertEquals(leaderDisk.get(orders(0)).records(), mine.records(), "the follower's log is the leader's");
        assertTrue(leaderOut.asks.stream().anyMatch(a -> a.request().isr().containsAll(List.of(1, 2))),
                "caught up, the follower is asked back into the ISR: " + leaderOut.asks);
    }

    @Test
    void withoutTheEpochLookupAFollowerTruncatesNothingAgainAndAgainWithTheLookupOnce() {
        // the leader: epoch 0 at 0-9, epoch 2 at 10-11; the follower: epoch 0 at 0-4, epoch 1 (never the leader's) at 5-7.
        // Asked from 8 after epoch 1, the leader answers "epoch 0 ends at 10": the end alone (8 is below 10) cuts nothing.
        for (ReplicationRules rules : List.of(new ReplicationRules(true, false), ReplicationRules.KAFKA)) {
            leaderDisk.put(orders(0), log(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 2));
            followerDisk.put(orders(0), log(0, 0, 0, 0, 0, 1, 1, 1));
            followerOut.events.clear();
            DataImage image = orders(Set.of(1, 2), partition(1, 2, 5, List.of(1, 2), List.of(1)));
            ReplicaManager leader = new ReplicaManager(1, DataConfig.defaults(), leaderDisk, leaderOut);
            ReplicaManager follower = new ReplicaManager(2, DataConfig.defaults(), rules, followerDisk, followerOut);
            leader.follow(0, image);
            follower.follow(0, image);
            fetchRounds(leader, follower, 6);
            List<String> truncations = followerOut.events.stream().filter(e -> e.startsWith("truncated")).toList();
            if (rules.truncationLooksUpEpoch()) {
                assertEquals(List.of("truncated orders-0 to 5 (3)"), truncations);
            } else {
                assertTrue(truncations.size() >= 3 && truncations.stream().allMatch(t -> t.equals("truncated orders-0 to 8 (0)")),
                        "stuck: the same answer, nothing cut, every round: " + truncations);
            }
        }
    }

    @Test
    void aFollowerWhoseWholeLogIsOfAnEpochTheLeaderNeverHadDropsItAllAndCatchesUp() {
        // the leader (epoch 4): epoch 0 at offsets 0-2, epoch 4 at 3-5; the follower led epoch 1 alone and
        // lost it: epoch 1 at 0-4. The leader answers "diverging after epoch 0, which ends at 3"; the
        // follower holds nothing of epoch 0 or earlier, so (Kafka's endOffsetFor) epoch 0 ends at its
        // log start: it truncates to 0. Keeping offsets 0-2 (the leader's end) left it fetching from 3
        // with last epoch 1 forever, each answer the same divergence.
        leaderDisk.put(orders(0), log(0, 0, 0, 4, 4, 4));
        followerDisk.put(orders(0), log(1, 1, 1, 1, 1));
        DataImage image = orders(Set.of(1, 2), partition(1, 4, 7, List.of(1, 2), List.of(1)));
        ReplicaManager leader = new ReplicaManager(1, DataConfig.defaults(), leaderDisk, leaderOut);
        ReplicaManager follower = new ReplicaManager(2, DataConfig.defaults(), followerDisk, followerOut);
        leader.follow(0, image);
        follower.follow(0, image);

        long now = fetchRounds(leader, follower, 6);

        List<String> truncations = followerOut.events.stream().filter(e -> e.startsWith("truncated")).toList();
        assertEquals(List.of("truncated orders-0 to 0 (5)"), truncations, "one truncation, of the whole epoch-1 log");
        assertEquals(leaderDisk.get(orders(0)).records(), followerDisk.get(orders(0)).records(),
                "the follower's log is the leader's");
    }

    @Test
    void anAnswerToAFetchOfAPreviousIncarnationIsIgnored() {
        // incarnation 0 asked; it died; incarnation 1 asks too. The leader's answer to the first fetch
        // (here: records from offset 0) must not pass for the answer to the second one.
        leaderDisk.put(orders(0), log(0, 0, 0));
        followerDisk.put(orders(0), log());
        DataImage image = orders(Set.of(1, 2), partition(1, 0, 1, List.of(1, 2), List.of(1)));
        ReplicaManager leader = new ReplicaManager(1, DataConfig.defaults(), leaderDisk, leaderOut);
        ReplicaManager before = new ReplicaManager(2, 0, DataConfig.defaults(), ReplicationRules.KAFKA, followerDisk, followerOut);
        leader.follow(0, image);
        before.follow(0, image);
        before.afterEvent(10);
        List<ReplicaFetchRequest> old = followerOut.take(ReplicaFetchRequest.class);
        assertEquals(1, old.size());

        ReplicaManager after = new ReplicaManager(2, 1, DataConfig.defaults(), ReplicationRules.KAFKA, followerDisk, followerOut);
        after.follow(20, image);
        after.afterEvent(20);
        List<ReplicaFetchRequest> mine = followerOut.take(ReplicaFetchRequest.class);
        assertEquals(1, mine.size());

        leader.handle(30, 2, old.get(0));
        List<ReplicaFetchResponse> answers = leaderOut.take(ReplicaFetchResponse.class);
        assertEquals(1, answers.size(), "the leader answers the old fetch at once: it has records");
        after.handle(31, 1, answers.get(0));
        assertEquals(0, followerDisk.get(orders(0)).endOffset(), "the old incarnation's answer is not taken");
        after.afterEvent(32);
        assertTrue(followerOut.take(ReplicaFetchRequest.class).isEmpty(), "its own fetch is still out");
        leader.handle(33, 2, mine.get(0));
        for (ReplicaFetchResponse r : leaderOut.take(ReplicaFetchResponse.class)) {
            after.handle(34, 1, r);
        }
        assertEquals(3, followerDisk.get(orders(0)).endOffset(), "the answer to its own fetch is");
    }

    private static DataConfig config() {
        return DataConfig.defaults();
    }
}
