package io.yakraft.raft;

/**
 * Raised the epoch, voted for itself and asks for votes. After losing (a majority refused or
 * the election timer ran out) it backs off, then starts over with a pre-vote.
 */
final class CandidateState implements EpochState {
    private final int epoch;
    private final VoteTally tally;
    private long electionDeadline;
    private long backoffDeadline = Long.MAX_VALUE;

    CandidateState(int epoch, VoteTally tally, long electionDeadline) {
        this.epoch = epoch;
        this.tally = tally;
        this.electionDeadline = electionDeadline;
    }

    @Override
    public Role role() {
        return Role.CANDIDATE;
    }

    @Override
    public int epoch() {
        return epoch;
    }

    @Override
    public int leaderId() {
        return -1;
    }

    VoteTally tally() {
        return tally;
    }

    @Override
    public long electionDeadline() {
        return electionDeadline;
    }

    void electAt(long at) {
        electionDeadline = at;
    }

    long backoffDeadline() {
        return backoffDeadline;
    }

    boolean backingOff() {
        return backoffDeadline != Long.MAX_VALUE;
    }

    /** The election is lost: no election timer, a retry at {@code until}. */
    void backOffUntil(long until) {
        backoffDeadline = until;
        electionDeadline = Long.MAX_VALUE;
    }

    void endBackoffAt(long at) {
        backoffDeadline = at;
    }

    @Override
    public long timerDeadline() {
        return backingOff() ? backoffDeadline : electionDeadline;
    }

    @Override
    public long nextWakeAt() {
        return Math.min(electionDeadline, backoffDeadline);
    }
}
