package io.yakraft.raft;

import java.util.List;
import java.util.TreeSet;

/**
 * A leader that gave up its epoch: it tells the other voters (EndQuorumEpoch, resent until
 * each acknowledges) which successors it prefers, and waits for a new leader or its election
 * timer. A leader restarted from disk resigns too, without telling anyone.
 */
final class ResignedState implements EpochState {
    private final int epoch;
    private final List<Integer> successors;
    private final TreeSet<Integer> unacknowledged;
    private long electionDeadline;
    private long endEpochResendAt = Long.MAX_VALUE;

    ResignedState(int epoch, List<Integer> successors, TreeSet<Integer> unacknowledged, long electionDeadline) {
        this.epoch = epoch;
        this.successors = List.copyOf(successors);
        this.unacknowledged = unacknowledged;
        this.electionDeadline = electionDeadline;
    }

    @Override
    public Role role() {
        return Role.RESIGNED;
    }

    @Override
    public int epoch() {
        return epoch;
    }

    @Override
    public int leaderId() {
        return -1;
    }

    List<Integer> successors() {
        return successors;
    }

    /** Voters that have not acknowledged EndQuorumEpoch yet, in id order. */
    List<Integer> unacknowledged() {
        return List.copyOf(unacknowledged);
    }

    void acknowledged(int voter) {
        unacknowledged.remove(voter);
        if (unacknowledged.isEmpty()) {
            endEpochResendAt = Long.MAX_VALUE;
        }
    }

    /** EndQuorumEpoch went out now; it goes again at {@code at} while someone has not answered. */
    void sentEndEpoch(long at) {
        endEpochResendAt = unacknowledged.isEmpty() ? Long.MAX_VALUE : at;
    }

    long endEpochResendAt() {
        return endEpochResendAt;
    }

    @Override
    public long electionDeadline() {
        return electionDeadline;
    }

    void electAt(long at) {
        electionDeadline = at;
    }

    @Override
    public long timerDeadline() {
        return electionDeadline;
    }

    @Override
    public long nextWakeAt() {
        return Math.min(electionDeadline, endEpochResendAt);
    }
}
