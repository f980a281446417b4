package io.yakraft.raft;

/**
 * A snapshot of the replicated state machine covering every offset before {@code id.offset()}
 * (whose last entry had epoch {@code id.epoch()}). {@code state} is opaque to consensus: the
 * metadata layer puts its image here. Kafka ships snapshot bytes in chunks; the simulation
 * hands over the immutable state object in one FetchSnapshot response. {@code voters} is the
 * voter set at the snapshot's end (Kafka writes KRaftVersionRecord and VotersRecord into every
 * snapshot), or null for a static quorum.
 */
public record RaftSnapshot(OffsetAndEpoch id, Object state, VoterSet voters) {
    /** A snapshot of a static quorum, or one whose voter set is not of interest (tests). */
    public RaftSnapshot(OffsetAndEpoch id, Object state) {
        this(id, state, null);
    }
}
