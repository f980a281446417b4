package io.yakraft.raft;

/** A position in the log: an end offset and the epoch of the entry just before it. */
public record OffsetAndEpoch(long offset, int epoch) {
    @Override
    public String toString() {
        return "{epoch " + epoch + ", end " + offset + "}";
    }
}
