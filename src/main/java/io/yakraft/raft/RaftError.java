package io.yakraft.raft;

/** Error codes carried by KRaft responses (names as in Kafka's Errors enum). */
public enum RaftError {
    NONE,
    FENCED_LEADER_EPOCH,
    UNKNOWN_LEADER_EPOCH,
    NOT_LEADER_OR_FOLLOWER,
    INCONSISTENT_VOTER_SET,
    SNAPSHOT_NOT_FOUND
}
