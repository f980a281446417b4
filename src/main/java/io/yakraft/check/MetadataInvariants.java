package io.yakraft.check;

import io.yakraft.cluster.Cluster;
import io.yakraft.cluster.ClusterObserver;
import io.yakraft.cluster.LogRange;
import io.yakraft.metadata.BrokerRegistration;
import io.yakraft.metadata.ControllerCommand;
import io.yakraft.metadata.ControllerReply;
import io.yakraft.metadata.KafkaFeatures;
import io.yakraft.metadata.MetadataDelta;
import io.yakraft.metadata.MetadataImage;
import io.yakraft.metadata.MetadataRecord;
import io.yakraft.metadata.PartitionRegistration;
import io.yakraft.metadata.TopicImage;
import io.yakraft.raft.LogEntry;
import io.yakraft.raft.RaftSnapshot;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The metadata layer's safety rules, checked as the run happens:
 * <ul>
 * <li>every node's image equals the replay, from scratch, of the committed log up to the
 *     node's applied offset (so any two nodes at the same offset agree, snapshots included);</li>
 * <li>every committed prefix is a sound image: a partition's leader is in its ISR, the ISR is
 *     non-empty and within the replicas, and no partition is led by a fenced or unregistered
 *     broker (the controller moves leadership before it fences);</li>
 * <li>a broker's epoch only grows from one registration to the next;</li>
 * <li>the controller never answers a command before the command's records are committed.</li>
 * </ul>
 * The reference replay keeps one image per committed metadata record; images share
 * structure, so that history costs little.
 */
final class MetadataInvariants implements ClusterObserver {
    static final String IMAGE_EQUALS_REPLAY = "ImageEqualsCommittedReplay";
    static final String LEADER_IN_ISR = "PartitionLeaderInIsr";
    static final String ISR_WITHIN_REPLICAS = "IsrWithinReplicas";
    static final String NO_FENCED_LEADER = "NoFencedPartitionLeader";
    static final String CLEAN_LEADER_FROM_ISR_OR_ELR = "CleanLeaderFromIsrOrElr";
    static final String MONOTONIC_BROKER_EPOCH = "MonotonicBrokerEpoch";
    static final String ANSWER_AFTER_COMMIT = "ControllerAnswersAfterCommit";

    interface Reporter {
        void fail(String rule, int node, String detail);
    }

    private final Cluster cluster;
    private final Reporter reporter;
    /** next offset → the committed image after applying offsets [0, next). */
    private final TreeMap<Long, MetadataImage> history = new TreeMap<>();
    private MetadataImage reference = MetadataImage.EMPTY;
    private long referenceNext;
    private final Map<Integer, Long> brokerEpochs = new HashMap<>();
    /**
     * Per node, the image last found equal to the replay and the replay it was compared with: images
     * are immutable, so the same pair needs no second comparison (a node's high watermark moves far
     * more often than its image changes).
     */
    private final Map<Integer, MetadataImage[]> lastEqual = new HashMap<>();
    private long checks;

    MetadataInvariants(Cluster cluster, Reporter reporter) {
        this.cluster = cluster;
        this.reporter = reporter;
        history.put(0L, MetadataImage.EMPTY);
    }

    long checks() {
        return checks;
    }

    @Override
    public void highWatermarkChanged(int node, long from, long to) {
        extendReference(node, to);
        checkNodeImage(node);
    }

    @Override
    public void snapshotLoaded(int node, RaftSnapshot snapshot) {
        checkNodeImage(node);
    }

    @Override
    public void controllerReplied(int node, ControllerCommand command, ControllerReply reply, long lastRecord,
                                  long highWatermark) {
        checks++;
        if (reply.ok() && lastRecord >= highWatermark) {
            reporter.fail(ANSWER_AFTER_COMMIT, node, "answered " + command.describe() + " while its last record at "
                    + lastRecord + " was not committed (high watermark " + highWatermark + ")");
        }
    }

    /** Replays newly committed entries, as the node holds them, into the reference. */
    private void extendReference(int node, long to) {
        LogRange log = cluster.logRange(node);
        to = Math.min(to, log.endOffset());
        if (to <= referenceNext || referenceNext < log.startOffset()) {
            return; // nothing new, or this node only has it as a snapshot: a node with the log will tell us
        }
        for (LogEntry entry : cluster.entries(node, referenceNext, to)) {
            long o = entry.offset();
            if (entry.payload() instanceof MetadataRecord r) {
                MetadataDelta delta = reference.toDelta();
                try {
                    delta.replay(o, r);
                } catch (IllegalArgumentException corrupt) {
                    continue; // every node skips it the same way (see NodeImages)
                }
                MetadataImage prior = reference;
                reference = delta.apply();
                history.put(o + 1, reference);
                checkSound(node, o, r);
                checkCleanElection(node, o, r, prior);
            }
        }
        referenceNext = to;
    }

    private void checkNodeImage(int node) {
        checks++;
        long next = cluster.appliedOffset(node) + 1;
        if (next > referenceNext) {
            return; // cannot happen with a sound checker order; the raft rules catch a node committing ahead
        }
        MetadataImage expected = history.floorEntry(next).getValue();
        MetadataImage actual = cluster.image(node);
        MetadataImage[] known = lastEqual.get(node);
        if (known != null && known[0] == actual && known[1] == expected) {
            return;
        }
        if (actual.equals(expected)) {
            lastEqual.put(node, new MetadataImage[] {actual, expected});
        } else {
            reporter.fail(IMAGE_EQUALS_REPLAY, node, "image at applied offset " + (next - 1) + " differs from the replay of"
                    + " the committed log: hash " + actual.sha256().substring(0, 12) + " vs " + expected.sha256().substring(0, 12));
        }
    }

    /** The reference after the record at {@code offset} must be a sound image. */
    private void checkSound(int node, long offset, MetadataRecord record) {
        checks++;
        if (record instanceof MetadataRecord.RegisterBrokerRecord r) {
            Long before = brokerEpochs.put(r.brokerId(), r.brokerEpoch());
            if (before != null && r.brokerEpoch() <= before) {
                reporter.fail(MONOTONIC_BROKER_EPOCH, node, "broker " + r.brokerId() + " registered with epoch "
                        + r.brokerEpoch() + " after epoch " + before + " (offset " + offset + ")");
                return;
            }
        }
        for (TopicImage t : reference.topics().values()) {
            for (Map.Entry<Integer, PartitionRegistration> e : t.partitions().entrySet()) {
                String problem = partitionProblem(e.getValue(), reference);
                if (problem != null) {
                    String where = t.name() + "-" + e.getKey() + " after offset " + offset;
                    reporter.fail(problem.substring(0, problem.indexOf(':')), node, where + problem.substring(problem.indexOf(':')));
                    return;
                }
            }
        }
    }

    /**
     * KIP-966: a leader the controller elected without RECOVERING (a clean election) was in the
     * ISR before, or in the ELR (then the ISR it wanted was empty, and the leader is the new ISR). An unclean leader is always marked
     * RECOVERING (PartitionChangeBuilder.tryElection), so this catches a controller that elects
     * outside ISR and ELR while calling it clean.
     */
    private void checkCleanElection(int node, long offset, MetadataRecord record, MetadataImage prior) {
        if (!(record instanceof MetadataRecord.PartitionChangeRecord c) || c.leader() < 0) {
            return;
        }
        TopicImage t = reference.topic(c.topicId());
        TopicImage before = prior.topic(c.topicId());
        if (t == null || before == null) {
            return;
        }
        PartitionRegistration was = before.partitions().get(c.partitionId());
        PartitionRegistration now = t.partitions().get(c.partitionId());
        if (was == null || now == null || now.leader() == was.leader()
                || now.leaderRecoveryState() == MetadataRecord.RECOVERING) {
            return;
        }
        boolean fromIsr = was.isr().contains(now.leader());
        // from the ELR once the ISR (after the members this change removes) is empty: it becomes the whole ISR
        boolean fromElr = was.eligibleLeaderReplicas().contains(now.leader()) && now.isr().equals(java.util.List.of(now.leader()));
        if (!fromIsr && !fromElr) {
            reporter.fail(CLEAN_LEADER_FROM_ISR_OR_ELR, node, t.name() + "-" + c.partitionId() + " at offset " + offset
                    + ": leader " + now.leader() + " elected cleanly from outside ISR " + was.isr() + " and ELR "
                    + was.eligibleLeaderReplicas());
        }
    }

    /** "Rule: detail" when the partition breaks a rule, else null. */
    static String partitionProblem(PartitionRegistration p, MetadataImage image) {
        // KIP-966: with eligible.leader.replicas.version 1 a leaderless partition may have an empty ISR
        boolean mayBeEmpty = !p.hasLeader() && image.features().getOrDefault(KafkaFeatures.ELR_VERSION, (short) 0) >= 1;
        if ((p.isr().isEmpty() && !mayBeEmpty) || !p.replicas().containsAll(p.isr())
                || !p.replicas().containsAll(p.eligibleLeaderReplicas())
                || p.eligibleLeaderReplicas().stream().anyMatch(p.isr()::contains)) {
            return ISR_WITHIN_REPLICAS + ": ISR " + p.isr() + " (ELR " + p.eligibleLeaderReplicas() + ") is empty while a"
                    + " leader or ELR-less cluster needs it, or not within replicas " + p.replicas() + ", or overlaps the ELR";
        }
        if (!p.hasLeader()) {
            return null;
        }
        if (!p.isr().contains(p.leader())) {
            return LEADER_IN_ISR + ": leader " + p.leader() + " is not in ISR " + p.isr();
        }
        BrokerRegistration b = image.brokers().get(p.leader());
        if (b == null || b.fenced()) {
            return NO_FENCED_LEADER + ": leader " + p.leader() + (b == null ? " is not registered" : " is fenced");
        }
        return null;
    }
}
