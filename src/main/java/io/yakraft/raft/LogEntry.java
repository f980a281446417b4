package io.yakraft.raft;

/** One entry of the replicated log; {@code payload} is opaque to the consensus layer. */
public record LogEntry(long offset, int epoch, Object payload) {
}
