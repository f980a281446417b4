package io.yakraft.check;

import io.yakraft.cluster.Cluster;
import io.yakraft.cluster.ClusterObserver;
import io.yakraft.cluster.TopicIds;
import io.yakraft.data.Acks;
import io.yakraft.data.DataRecord;
import io.yakraft.data.PartitionLog;
import io.yakraft.data.TopicPartition;
import io.yakraft.metadata.TopicImage;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The data plane's promise: a record acknowledged with acks=all is never lost while a replica of
 * the ISR survives. Checked where a loss would show:
 * <ul>
 * <li>whenever a broker starts leading a partition in the committed leader epoch, its log must
 *     hold every acknowledged record of that partition at the offset it was acknowledged at
 *     (leaders never truncate, so what a leader holds when it starts it keeps);</li>
 * <li>no two different records are ever acknowledged at the same offset of a partition;</li>
 * <li>an acks=all record is acknowledged only when at least min.insync.replicas replicas hold it
 *     (Kafka's promise behind the setting: the leader alone must not acknowledge);</li>
 * <li>a follower told that its log diverges from the leader's removes at least one record: a
 *     truncation that removes nothing leaves the follower fetching from the same offset with the same
 *     last epoch, so it draws the same answer forever (KIP-279's epoch lookup guarantees each answer
 *     moves the fetch position back, which is why reconciliation ends);</li>
 * <li>an idempotent producer's batch is in a partition once: no two records of a leader's log
 *     carry the same producer id, producer epoch and sequence (checked after calm);</li>
 * <li>after calm (faults healed, every node up), each live replica of a partition reaches its
 *     leader's high watermark within the calm the caller allows ({@link #checkReplicasReachHighWatermark}):
 *     a follower stuck truncating, or never taken back, fails it.</li>
 * </ul>
 * A broker that restarts with an empty disk no longer "survives" with its data: the partitions
 * it hosted are exempt from then on (Kafka itself cannot tell such a broker from a healthy one
 * when it was the last ISR member; KIP-966 is about that). A topic created with
 * unclean.leader.election.enable=true has traded that promise for availability: its partitions are
 * held to the other rules only.
 */
final class DataInvariants implements ClusterObserver {
    static final String NO_ACKED_LOSS = "AcknowledgedRecordNeverLost";
    static final String ONE_RECORD_PER_OFFSET = "OneAcknowledgedRecordPerOffset";
    static final String ACKS_ALL_ON_MIN_ISR = "AcksAllOnMinInsyncReplicas";
    static final String REPLICA_REACHES_HW = "LiveReplicaReachesHighWatermark";
    static final String REPLICA_MATCHES_LEADER = "ReplicaMatchesLeaderBelowHighWatermark";
    static final String DIVERGENCE_SHORTENS_LOG = "DivergenceTruncationShortensLog";
    static final String IDEMPOTENT_ONCE = "IdempotentBatchWrittenOnce";

    private final Cluster cluster;
    private final MetadataInvariants.Reporter reporter;
    /** The acks setting whose records are held to the promise: all; tests also hold acks=1 to it, to see it broken. */
    private final Acks promised;
    /** partition → offset → id of the record acknowledged (acks=all) there. */
    private final Map<TopicPartition, TreeMap<Long, Long>> acked = new TreeMap<>(DataInvariants::compare);
    private final Set<TopicPartition> exempt = new HashSet<>();
    private long checks;

    DataInvariants(Cluster cluster, MetadataInvariants.Reporter reporter) {
        this(cluster, reporter, Acks.ALL);
    }

    DataInvariants(Cluster cluster, MetadataInvariants.Reporter reporter, Acks promised) {
        this.cluster = cluster;
        this.reporter = reporter;
        this.promised = promised;
    }

    private static int compare(TopicPartition a, TopicPartition b) {
        int c = a.toString().compareTo(b.toString());
        return c != 0 ? c : a.topicId().toString().compareTo(b.topicId().toString());
    }

    long checks() {
        return checks;
    }

    @Override
    public void partitionTruncated(int broker, TopicPartition partition, long newEndOffset, int removed) {
        checks++;
        if (removed == 0) {
            reporter.fail(DIVERGENCE_SHORTENS_LOG, broker, "b" + broker + "'s replica of " + partition + " was told its log"
                    + " diverges from the leader's but truncated nothing (it stays at offset " + newEndOffset + "): its next"
                    + " fetch asks from the same offset with the same last epoch and draws the same answer, forever");
        }
    }

    @Override
    public void recordsAcked(TopicPartition partition, Acks acks, java.util.List<DataRecord> records) {
        if (acks == Acks.ALL) {
            checkOnMinInsyncReplicas(partition, records);
        }
        if (acks != promised || unclean(partition)) {
            return; // acks=0 and acks=1 promise nothing once the leader dies, nor does a topic that allows unclean election
        }
        TreeMap<Long, Long> m = acked.computeIfAbsent(partition, k -> new TreeMap<>());
        for (DataRecord r : records) {
            checks++;
            Long before = m.put(r.offset(), r.id());
            if (before != null && before != r.id() && !exempt.contains(partition)) {
                reporter.fail(ONE_RECORD_PER_OFFSET, -1, partition + " offset " + r.offset() + " acknowledged for record "
                        + Long.toHexString(before) + " and later for record " + Long.toHexString(r.id())
                        + ": the first acknowledged record was lost");
            }
        }
    }

    /** Each acks=all record just acknowledged must sit, at its offset, on min.insync.replicas replicas at least. */
    private void checkOnMinInsyncReplicas(TopicPartition partition, java.util.List<DataRecord> records) {
        io.yakraft.metadata.PartitionRegistration p = registration(partition);
        if (p == null || exempt.contains(partition)) {
            return; // deleted since, or a replica lost its disk: nothing left to count on
        }
        int min = io.yakraft.metadata.TopicConfigs.minInsyncReplicas(cluster.committedImage(), partition.topic(),
                cluster.config().data().minInsyncReplicas());
        for (DataRecord r : records) {
            checks++;
            java.util.List<Integer> holders = new java.util.ArrayList<>();
            for (int b : p.replicas()) {
                PartitionLog log = cluster.partitionLog(b, partition);
                if (log != null && r.offset() < log.endOffset() && log.get(r.offset()).id() == r.id()) {
                    holders.add(b);
                }
            }
            if (holders.size() < min) {
                reporter.fail(ACKS_ALL_ON_MIN_ISR, p.leader(), partition + " offset " + r.offset() + " acknowledged with"
                        + " acks=all while only " + holders + " hold it, fewer than min.insync.replicas " + min);
                return;
            }
        }
    }

    /**
     * Liveness after calm: call once faults have been healed (every link up, every node running) for
     * longer than the bound a replica is given to catch up. Every live replica of a partition with a
     * live leader must hold at least the leader's high watermark.
     */
    void checkReplicasReachHighWatermark() {
        for (TopicImage t : cluster.committedImage().topics().values()) {
            for (Map.Entry<Integer, io.yakraft.metadata.PartitionRegistration> e : t.partitions().entrySet()) {
                io.yakraft.metadata.PartitionRegistration p = e.getValue();
                if (!p.hasLeader() || cluster.status(p.leader()) != io.yakraft.sim.NodeStatus.UP) {
                    continue;
                }
                TopicPartition tp = TopicIds.partition(t, e.getKey());
                PartitionLog leader = cluster.partitionLog(p.leader(), tp);
                if (leader == null) {
                    continue;
                }
                checkWrittenOnce(tp, p.leader(), leader);
                for (int b : p.replicas()) {
                    checks++;
                    PartitionLog log = cluster.partitionLog(b, tp);
                    long end = log == null ? 0 : log.endOffset();
                    if (cluster.status(b) == io.yakraft.sim.NodeStatus.UP && end < leader.highWatermark()) {
                        reporter.fail(REPLICA_REACHES_HW, b, "b" + b + "'s replica of " + tp + " ends at " + end
                                + " after calm, below leader b" + p.leader() + "'s high watermark " + leader.highWatermark());
                    } else if (cluster.status(b) == io.yakraft.sim.NodeStatus.UP && b != p.leader() && !exempt.contains(tp)) {
                        checkSameRecords(tp, b, log, p.leader(), leader);
                    }
                }
            }
        }
    }

    /**
     * After calm a replica holds exactly its leader's records below the leader's high watermark:
     * what a diverging follower kept instead of truncating (KIP-279's epoch comparison skipped) is
     * found here even when it later reached the high watermark.
     */
    private void checkSameRecords(TopicPartition tp, int b, PartitionLog log, int leaderId, PartitionLog leader) {
        long upTo = Math.min(log.endOffset(), leader.highWatermark());
        for (long o = 0; o < upTo; o++) {
            DataRecord mine = log.get(o);
            DataRecord theirs = leader.get(o);
            if (mine.id() != theirs.id() || mine.leaderEpoch() != theirs.leaderEpoch()) {
                reporter.fail(REPLICA_MATCHES_LEADER, b, "b" + b + "'s replica of " + tp + " holds record " + mine.id()
                        + " (epoch " + mine.leaderEpoch() + ") at offset " + o + " where leader b" + leaderId + " holds "
                        + theirs.id() + " (epoch " + theirs.leaderEpoch() + "), below its high watermark "
                        + leader.highWatermark());
                return;
            }
        }
    }

    /**
     * No batch of an idempotent producer twice in a leader's log: a retried batch the log already
     * holds must be answered with the first copy's offsets (Kafka's duplicate check), never appended.
     */
    private void checkWrittenOnce(TopicPartition tp, int leaderId, PartitionLog leader) {
        Map<String, Long> seen = new java.util.HashMap<>();
        for (DataRecord r : leader.records()) {
            if (!r.batch().idempotent()) {
                continue;
            }
            checks++;
            Long before = seen.put(r.batch().producerId() + "/" + r.batch().producerEpoch() + "/" + r.sequence(), r.offset());
            if (before != null) {
                reporter.fail(IDEMPOTENT_ONCE, leaderId, "leader b" + leaderId + "'s log of " + tp + " holds producer "
                        + r.batch().producerId() + " epoch " + r.batch().producerEpoch() + " sequence " + r.sequence()
                        + " at offsets " + before + " and " + r.offset() + ": a retried batch was appended twice");
                return;
            }
        }
    }

    /** Whether the partition's topic was created with unclean.leader.election.enable=true. */
    private boolean unclean(TopicPartition partition) {
        return io.yakraft.metadata.TopicConfigs.uncleanLeaderElection(cluster.committedImage(), partition.topic());
    }

    private io.yakraft.metadata.PartitionRegistration registration(TopicPartition partition) {
        TopicImage t = cluster.committedImage().topic(TopicIds.uuid(partition.topicId()));
        return t == null ? null : t.partitions().get(partition.partition());
    }

    @Override
    public void partitionLeaderStarted(int broker, TopicPartition partition, int leaderEpoch, PartitionLog log) {
        TreeMap<Long, Long> m = acked.get(partition);
        if (m == null || exempt.contains(partition) || unclean(partition) || !currentLeader(broker, partition, leaderEpoch)) {
            return;
        }
        for (Map.Entry<Long, Long> e : m.entrySet()) {
            checks++;
            long offset = e.getKey();
            if (offset >= log.endOffset() || log.get(offset).id() != e.getValue()) {
                reporter.fail(NO_ACKED_LOSS, broker, "b" + broker + " leads " + partition + " in leader epoch " + leaderEpoch
                        + " but its log " + (offset >= log.endOffset() ? "ends at " + log.endOffset() + ", before"
                        : "holds another record at") + " offset " + offset + ", acknowledged with acks=" + promised.label());
                return;
            }
        }
    }

    /**
     * Whether the broker is the partition's leader in the committed metadata: a broker acting on a
     * stale image may believe it leads an old epoch, but nobody acknowledges through it then
     * (its followers know the newer epoch).
     */
    private boolean currentLeader(int broker, TopicPartition partition, int leaderEpoch) {
        TopicImage t = cluster.committedImage().topic(TopicIds.uuid(partition.topicId()));
        io.yakraft.metadata.PartitionRegistration p = t == null ? null : t.partitions().get(partition.partition());
        return p != null && p.leader() == broker && p.leaderEpoch() == leaderEpoch;
    }

    @Override
    public void fault(int node, String what, boolean diskLost) {
        if (!diskLost || !what.equals("restarting") || cluster.isVoter(node)) {
            return;
        }
        exempt.addAll(cluster.replicas(node).keySet()); // what its lost disk held
        for (TopicImage t : cluster.committedImage().topics().values()) {
            t.partitions().forEach((p, reg) -> {
                if (reg.replicas().contains(node)) {
                    exempt.add(TopicIds.partition(t, p));
                }
            });
        }
    }
}
