package io.yakraft.cluster;

import io.yakraft.data.ReplicationRules;
import io.yakraft.metadata.MetadataRecord;
import io.yakraft.metadata.QuorumController;
import io.yakraft.raft.OffsetAndEpoch;
import io.yakraft.raft.RaftNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The named protocols a cluster can run: "kraft" (Kafka's) and the broken variants a teacher
 * picks to show why each rule exists. Every variant must be caught by the fuzz campaign's
 * invariants (FuzzVariantsTest holds each to a seed budget).
 */
public final class ProtocolVariants {
    public static final String DEFAULT = "kraft";

    private static final Map<String, ProtocolVariant> ALL = new LinkedHashMap<>();

    static {
        add(new ProtocolVariant(DEFAULT, "nothing: Kafka's KRaft and replication as they are",
                "every invariant holds", RaftNodeFactory.KRAFT, QuorumControllerFactory.KAFKA, ReplicationRules.KAFKA));
        raft("vote-without-log-check",
                "voters grant their vote without Raft's check that the candidate's log is at least as up to date",
                "a leader that lacks committed entries (LeaderCompleteness), then committed entries lost or overwritten",
                (id, voters, config, disk, random, out, inc) -> new RaftNode(id, voters, config, disk, random, out, inc) {
                    @Override
                    protected boolean candidateLogUpToDate(int lastEpoch, long endOffset) {
                        return true;
                    }
                });
        raft("hw-without-majority",
                "the leader advances the high watermark to the largest voter end offset instead of the majority's",
                "entries called committed that only a minority holds (MajorityReachedHighWatermark): a lost commit",
                (id, voters, config, disk, random, out, inc) -> new RaftNode(id, voters, config, disk, random, out, inc) {
                    @Override
                    protected long quorumOffset(long[] voterEndOffsets) {
                        return java.util.Arrays.stream(voterEndOffsets).max().orElse(0);
                    }
                });
        raft("no-divergence-check",
                "the leader never tells a fetching follower that its log diverges, so nobody truncates",
                "followers that keep a deposed leader's entries where the committed log has others (ConsistentCommittedData)",
                (id, voters, config, disk, random, out, inc) -> new RaftNode(id, voters, config, disk, random, out, inc) {
                    @Override
                    protected OffsetAndEpoch divergence(long fetchOffset, int lastFetchedEpoch) {
                        return null;
                    }
                });
        raft("follower-hw-past-log-end",
                "followers take the leader's high watermark even past their own log end",
                "a high watermark beyond the node's own log (HighWatermarkWithinLog)",
                (id, voters, config, disk, random, out, inc) -> new RaftNode(id, voters, config, disk, random, out, inc) {
                    @Override
                    protected long followerHighWatermark(long leaderHw, long logEnd) {
                        return leaderHw;
                    }
                });
        controller("answer-before-commit",
                "the active controller answers a command as soon as it appended the records, before they commit",
                "a client told 'done' about metadata a new controller may never have (ControllerAnswersAfterCommit)",
                (timeout, random) -> new QuorumController(timeout, random) {
                    @Override
                    public boolean answersAfterCommit() {
                        return false;
                    }
                });
        controller("fenced-broker-keeps-leadership",
                "fencing a broker leaves it leading its partitions",
                "partitions led by a fenced broker nobody can reach (NoFencedPartitionLeader)",
                (timeout, random) -> new QuorumController(timeout, random) {
                    @Override
                    protected List<MetadataRecord> partitionChangesOnFence(int brokerId) {
                        return List.of();
                    }
                });
        data("ack-before-isr",
                "the partition leader answers acks=all as soon as it appended, before the ISR holds the records",
                "acks=all records acknowledged on fewer than min.insync.replicas replicas (AcksAllOnMinInsyncReplicas)"
                        + " and lost when the leader dies",
                new ReplicationRules(false, true));
        data("truncate-without-epoch",
                "a diverging follower truncates to the leader's end offset without looking the epoch up in its own cache",
                "a follower that keeps records of an epoch the leader never had and truncates nothing, forever"
                        + " (DivergenceTruncationShortensLog; after calm, LiveReplicaReachesHighWatermark)",
                new ReplicationRules(true, false));
        data("append-duplicates",
                "the partition leader appends an idempotent producer's batch without checking its producer state",
                "a retried or duplicated batch written twice (IdempotentBatchWrittenOnce)",
                new ReplicationRules(true, true, false));
    }

    private ProtocolVariants() {
    }

    private static void add(ProtocolVariant v) {
        ALL.put(v.name(), v);
    }

    private static void raft(String name, String breaks, String shows, RaftNodeFactory f) {
        add(new ProtocolVariant(name, breaks, shows, f, QuorumControllerFactory.KAFKA, ReplicationRules.KAFKA));
    }

    private static void controller(String name, String breaks, String shows, QuorumControllerFactory f) {
        add(new ProtocolVariant(name, breaks, shows, RaftNodeFactory.KRAFT, f, ReplicationRules.KAFKA));
    }

    private static void data(String name, String breaks, String shows, ReplicationRules rules) {
        add(new ProtocolVariant(name, breaks, shows, RaftNodeFactory.KRAFT, QuorumControllerFactory.KAFKA, rules));
    }

    /** Every protocol, Kafka's first. */
    public static List<ProtocolVariant> all() {
        return Collections.unmodifiableList(new ArrayList<>(ALL.values()));
    }

    /** The broken variants only. */
    public static List<ProtocolVariant> broken() {
        return all().stream().filter(v -> !v.isDefault()).toList();
    }

    public static List<String> names() {
        return List.copyOf(ALL.keySet());
    }

    public static boolean exists(String name) {
        return ALL.containsKey(name);
    }

    /** The protocol of that name; an unknown name is an IllegalArgumentException listing the known ones. */
    public static ProtocolVariant named(String name) {
        ProtocolVariant v = ALL.get(name);
        if (v == null) {
            throw new IllegalArgumentException("unknown protocol variant '" + name + "' (expected one of: "
                    + String.join(", ", ALL.keySet()) + ")");
        }
        return v;
    }
}
