package io.yakraft.data;

/**
 * Which of the data plane's two replication safeguards a broker keeps. Kafka keeps both
 * ({@link #KAFKA}); the protocol variants drop one to show what it guards against:
 * <ul>
 * <li>{@code acksAllWaitsForIsr}: an acks=all produce is answered only once the high watermark
 *     (every ISR member's log end) passes it (Kafka's DelayedProduce / checkEnoughReplicasReachOffset);
 *     without it the leader answers as soon as it appended, like acks=1;</li>
 * <li>{@code truncationLooksUpEpoch}: a follower told that its log diverges looks the leader's
 *     epoch up in its own leader-epoch cache before truncating (KIP-279); without it it truncates
 *     to the leader's end offset alone, which keeps records of an epoch the leader never had and
 *     can leave the follower truncating (to no effect) forever;</li>
 * <li>{@code leaderChecksSequences}: the leader checks an idempotent producer's batch against its
 *     producer state (UnifiedLog.analyzeAndValidateProducerState); without it a retried or duplicated
 *     batch is appended again.</li>
 * </ul>
 */
public record ReplicationRules(boolean acksAllWaitsForIsr, boolean truncationLooksUpEpoch, boolean leaderChecksSequences) {
    public static final ReplicationRules KAFKA = new ReplicationRules(true, true, true);

    /** The two older safeguards as given; the sequence check kept. */
    public ReplicationRules(boolean acksAllWaitsForIsr, boolean truncationLooksUpEpoch) {
        this(acksAllWaitsForIsr, truncationLooksUpEpoch, true);
    }
}
