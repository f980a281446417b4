package io.yakraft.data;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One partition replica on a broker: its log, what the broker's metadata says of the partition,
 * and its role. As leader it tracks each follower and an ISR change it asked for; as follower,
 * when it may fetch again after an error.
 */
final class PartitionReplica {
    final TopicPartition tp;
    final PartitionLog log;
    PartitionState state;
    /** The min.insync.replicas in force for this partition: its topic's config, else the broker's. */
    int minInsyncReplicas = 1;
    /**
     * The ISR this replica acts on, and its partition epoch: the image's, or (leader) the
     * controller's answer to its AlterPartition when that is newer, as Kafka's leaders take the
     * answer without waiting for their metadata to catch up.
     */
    List<Integer> isr = List.of();
    int partitionEpoch = -1;
    boolean leader;
    int leaderEpoch = -1;
    int leaderId = -1;
    /** leader: where its own epoch starts (a replica is caught up only past it). */
    long epochStartOffset;
    final Map<Integer, FollowerState> followers = new TreeMap<>();
    /** leader: the ISR asked of the controller and not yet answered or seen in the image, or null. */
    List<Integer> askedIsr;
    int askedAtPartitionEpoch;
    long askDeadline;
    /** follower: no fetch for this partition before then (after an error). */
    long retryAt;

    PartitionReplica(TopicPartition tp, PartitionLog log) {
        this.tp = tp;
        this.log = log;
    }

    /** Takes the ISR of a newer partition epoch; an ask it settles is done. */
    void adoptIsr(List<Integer> newIsr, int newPartitionEpoch) {
        if (newPartitionEpoch < partitionEpoch) {
            return;
        }
        isr = List.copyOf(newIsr);
        partitionEpoch = newPartitionEpoch;
        if (askedIsr != null && partitionEpoch > askedAtPartitionEpoch) {
            askedIsr = null;
        }
    }

    /** What a leader knows of one follower of one partition. */
    static final class FollowerState {
        long logEndOffset = -1;
        /** The follower's broker epoch as its last fetch gave it (Replica.scala's brokerEpoch), -1 unknown. */
        long brokerEpoch = -1;
        long lastCaughtUpAt;
        long lastFetchAt;
        long endAtLastFetch;
        long highWatermarkSent = -1;

        FollowerState(long lastCaughtUpAt) {
            this.lastCaughtUpAt = lastCaughtUpAt;
        }
    }
}
