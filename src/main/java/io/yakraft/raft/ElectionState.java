package io.yakraft.raft;

/**
 * What a voter persists in its {@code quorum-state} file before acting: the epoch, the leader
 * it knows for that epoch (-1 none) and whom it voted for in that epoch (-1 nobody).
 */
public record ElectionState(int epoch, int leaderId, int votedId) {
    public static final ElectionState INITIAL = new ElectionState(0, -1, -1);

    public boolean hasVoted() {
        return votedId >= 0;
    }

    public boolean hasLeader() {
        return leaderId >= 0;
    }
}
