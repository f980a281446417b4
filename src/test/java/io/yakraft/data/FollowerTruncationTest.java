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

        long now = 0;
        for (int round = 0; round < 6; round++) {
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
        leader.wake(now + config().replicaLagMaxMs() / 2); // the leader's next ISR check

        List<String> truncations = followerOut.events.stream().filter(e -> e.startsWith("truncated")).toList();
        assertEquals(List.of("truncated orders-0 to 5 (3)"), truncations, "one truncation, of the three epoch-1 records");
        PartitionLog mine = followerDisk.get(orders(0));
        assertEquals(leaderDisk.get(orders(0)).records(), mine.records(), "the follower's log is the leader's");
        assertTrue(leaderOut.asks.stream().anyMatch(a -> a.request().isr().containsAll(List.of(1, 2))),
                "caught up, the follower is asked back into the ISR: " + leaderOut.asks);
    }

    private static DataConfig config() {
        return DataConfig.defaults();
    }
}
