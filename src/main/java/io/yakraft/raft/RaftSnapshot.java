package io.yakraft.raft;

/**
 * A snapshot of the replicated state machine covering every offset before {@code id.offset()}
 * (whose last entry had epoch {@code id.epoch()}). {@code state} is opaque to consensus: the
 * metadata layer puts its image here. Kafka ships snapshot bytes in chunks; the simulation
 * hands over the immutable state object in one FetchSnapshot response.
 */
public record RaftSnapshot(OffsetAndEpoch id, Object state) {
}
