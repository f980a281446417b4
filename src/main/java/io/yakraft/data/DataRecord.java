package io.yakraft.data;

/**
 * One record in a partition replica's log. {@code leaderEpoch} is the epoch of the leader that
 * appended it (what lets a follower find where its log diverges); {@code id} names the record
 * the feed handed out, so a checker can tell one record from another with the same value.
 * {@code batch} is the producer stamp of the batch it came in ({@link ProducerStamp#NONE} without
 * idempotence) and {@code sequence} its own sequence number in it (-1 without): every replica
 * rebuilds its producer state from these, as Kafka's ProducerStateManager does from batch headers.
 */
public record DataRecord(long offset, int leaderEpoch, long id, String key, String value, ProducerStamp batch,
                         int sequence) {
    public DataRecord {
        if (batch == null) {
            throw new IllegalArgumentException("a record's batch stamp is ProducerStamp.NONE, not null");
        }
    }

    /** A record of a producer without idempotence. */
    public DataRecord(long offset, int leaderEpoch, long id, String key, String value) {
        this(offset, leaderEpoch, id, key, value, ProducerStamp.NONE, -1);
    }

    /** Whether this record closes its idempotent batch (Kafka keeps producer state per batch). */
    boolean lastOfBatch() {
        return batch.idempotent() && sequence == batch.lastSequence();
    }
}
