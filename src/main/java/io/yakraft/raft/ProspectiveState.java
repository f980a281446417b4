package io.yakraft.raft;

/**
 * Asking for pre-votes without raising the epoch (KIP-996). It remembers the leader it was
 * following, if any: on losing it goes back to that leader, and hearing that leader's name
 * again does not count as news.
 */
final class ProspectiveState implements EpochState {
    private final int epoch;
    private final int formerLeader;
    private final VoteTally tally;
    private long electionDeadline;

    ProspectiveState(int epoch, int formerLeader, VoteTally tally, long electionDeadline) {
        this.epoch = epoch;
        this.formerLeader = formerLeader;
        this.tally = tally;
        this.electionDeadline = electionDeadline;
    }

    @Override
    public Role role() {
        return Role.PROSPECTIVE;
    }

    @Override
    public int epoch() {
        return epoch;
    }

    @Override
    public int leaderId() {
        return -1;
    }

    /** The leader followed before the pre-vote, or -1. */
    int formerLeader() {
        return formerLeader;
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

    @Override
    public long timerDeadline() {
        return electionDeadline;
    }

    @Override
    public long nextWakeAt() {
        return Math.min(electionDeadline, tally.nextTimeout());
    }
}
