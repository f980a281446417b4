package io.yakraft.raft;

/** Error codes carried by KRaft responses (names as in Kafka's Errors enum). */
public enum RaftError {
    NONE,
    FENCED_LEADER_EPOCH,
    UNKNOWN_LEADER_EPOCH,
    NOT_LEADER_OR_FOLLOWER,
    INCONSISTENT_VOTER_SET,
    SNAPSHOT_NOT_FOUND,
    /** FetchSnapshot asked from a position outside the snapshot. */
    POSITION_OUT_OF_RANGE,
    /** The Vote names a replica key (id, directory id) that is not the receiver's (a disk was replaced). */
    INVALID_VOTER_KEY,
    /** AddRaftVoter for an id already in the voter set. */
    DUPLICATE_VOTER,
    /** RemoveRaftVoter for a replica key not in the voter set. */
    VOTER_NOT_FOUND,
    /** A voter change cannot start now (another is uncommitted, no high watermark yet, the new voter lags). */
    REQUEST_TIMED_OUT,
    /** kraft.version 0: the voter set is static. */
    UNSUPPORTED_VERSION,
    INVALID_REQUEST
}
