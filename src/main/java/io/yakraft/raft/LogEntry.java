package io.yakraft.raft;

/**
 * One entry of the replicated log; {@code payload} is opaque to the consensus layer.
 * {@code batchLastOffset} is the offset of the last entry of the batch this one was appended in
 * (Kafka's record batch: the leader appends it whole, a fetch returns it whole, so no node ever
 * holds or commits part of one); a lone entry is its own batch.
 */
public record LogEntry(long offset, int epoch, Object payload, long batchLastOffset) {

    public LogEntry(long offset, int epoch, Object payload) {
        this(offset, epoch, payload, offset);
    }
}
