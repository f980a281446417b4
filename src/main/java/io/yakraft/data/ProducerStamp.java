package io.yakraft.data;

/**
 * What an idempotent producer writes on a batch (Kafka's RecordBatch header fields): its producer
 * id from the controller's blocks, its producer epoch, and the sequence numbers of the batch's first
 * and last records in this partition. {@link #NONE} marks a batch of a producer without idempotence
 * (Kafka's NO_PRODUCER_ID, -1), which the leader appends without any check.
 */
public record ProducerStamp(long producerId, short producerEpoch, int baseSequence, int lastSequence) {
    public static final ProducerStamp NONE = new ProducerStamp(-1, (short) -1, -1, -1);

    public ProducerStamp {
        if (producerId >= 0 && (baseSequence < 0 || lastSequence < baseSequence)) {
            throw new IllegalArgumentException("a stamped batch needs 0 <= baseSequence <= lastSequence, got " + baseSequence
                    + ".." + lastSequence);
        }
    }

    public boolean idempotent() {
        return producerId >= 0;
    }

    /** How many records the batch holds. */
    public int count() {
        return lastSequence - baseSequence + 1;
    }

    @Override
    public String toString() {
        return idempotent() ? "producer " + producerId + " epoch " + producerEpoch + " seq " + baseSequence + ".." + lastSequence
                : "no producer id";
    }
}
