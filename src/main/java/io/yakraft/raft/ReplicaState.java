package io.yakraft.raft;

/**
 * What the leader knows of one replica: the end offset it last fetched from (-1 before its
 * first fetch in this epoch), when that was, and whether it acknowledged the new epoch.
 */
public record ReplicaState(int replicaId, boolean voter, long endOffset, long lastFetchMs, boolean acknowledgedEpoch) {
}
