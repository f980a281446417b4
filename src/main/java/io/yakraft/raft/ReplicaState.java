package io.yakraft.raft;

/**
 * What the leader knows of one replica (Kafka's LeaderState.ReplicaState): the end offset it last
 * fetched from (-1 before its first fetch in this epoch), when that was ({@code lastFetchMs}, -1
 * before), when it was last known caught up with the leader's log end ({@code lastCaughtUpMs},
 * -1 before), the leader's log end at that last fetch, and whether it acknowledged the epoch.
 */
public record ReplicaState(int replicaId, boolean voter, long endOffset, long lastFetchMs, long lastCaughtUpMs,
                           long lastFetchLeaderEnd, boolean acknowledgedEpoch) {

    /** A replica the leader has not heard from in this epoch. */
    static ReplicaState unknown(int replicaId, boolean voter) {
        return new ReplicaState(replicaId, voter, -1, -1, -1, -1, false);
    }

    /**
     * Kafka's ReplicaState.updateFollowerState: a fetch at or past the leader's log end is caught
     * up now; a fetch that reached the leader's log end as it stood at the previous fetch was
     * caught up at that previous fetch's time. The caught-up time is updated before the fetch time
     * so the previous one can be used.
     */
    ReplicaState fetched(long fetchOffset, long now, long leaderEnd) {
        long caughtUp = lastCaughtUpMs;
        if (fetchOffset >= leaderEnd) {
            caughtUp = Math.max(caughtUp, now);
        } else if (lastFetchLeaderEnd > 0 && fetchOffset >= lastFetchLeaderEnd) {
            caughtUp = Math.max(caughtUp, lastFetchMs);
        }
        return new ReplicaState(replicaId, voter, fetchOffset, Math.max(lastFetchMs, now), caughtUp, leaderEnd, true);
    }

    ReplicaState acknowledged() {
        return new ReplicaState(replicaId, voter, endOffset, lastFetchMs, lastCaughtUpMs, lastFetchLeaderEnd, true);
    }

    ReplicaState asVoter(boolean isVoter) {
        return new ReplicaState(replicaId, isVoter, endOffset, lastFetchMs, lastCaughtUpMs, lastFetchLeaderEnd, acknowledgedEpoch);
    }
}
