package io.yakraft.data;

import java.util.List;

/**
 * Where the data plane's cores ({@link ReplicaManager}, {@link Producer}) put what they decided.
 * They do no I/O themselves: the host routes messages, records the trace, carries ISR changes to
 * the controller and tells observers, all from these calls, in the order they are made.
 */
public interface DataOutputs {
    void send(int destination, DataMessage message);

    /** This broker's epoch (its registration's offset), -1 while it is not registered. */
    default long brokerEpoch() {
        return -1;
    }

    /** A line of the trace, in words for people. */
    void trace(String words);

    /**
     * Asks the controller for an ISR change; {@code onAnswer} hears the answer if one comes back.
     * False when nothing went out (the broker is not registered, or shutting down).
     */
    boolean alterIsr(AlterIsrRequest request, AlterIsrAnswer.Listener onAnswer);

    /**
     * An idempotent producer's InitProducerId to the broker it runs beside: {@code onId} hears a
     * producer id from the broker's current block (the broker asks the controller for a new block,
     * AllocateProducerIds, when its block is used up). False when nothing went out (the broker is not
     * registered yet): ask again later.
     */
    boolean initProducerId(java.util.function.LongConsumer onId);

    /** This broker became leader of a partition in {@code leaderEpoch}; {@code log} is its replica's log at that moment. */
    void leaderStarted(TopicPartition partition, int leaderEpoch, PartitionLog log);

    /** This broker truncated its replica of a partition where the leader said the logs diverge. */
    void truncated(TopicPartition partition, long newEndOffset, int removed);

    /** A producer got its answer: these records (offsets filled in) are acknowledged with {@code acks}. */
    void recordsAcked(TopicPartition partition, Acks acks, List<DataRecord> records);
}
