package io.yakraft.raft;

/**
 * Raised the epoch, voted for itself and asks for votes. As in Kafka 4.x (CandidateState's
 * lifetime), a lost election (a majority refused) is not a timer of its own: the candidate waits
 * out the rest of its election timeout, then starts over as Prospective; so does one whose
 * election timed out undecided.
 */
final class CandidateState implements EpochState {
    private final int epoch;
    private final VoteTally tally;
    private long electionDeadline;

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

    /** A majority refused: the election is lost and only the timer's end is awaited. */
    boolean lost() {
        return tally.lost();
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
        return Math.min(electionDeadline, tally.nextTimeout());
    }
}
