package io.yakraft.raft;

/**
 * No leader known in this epoch. A voter waits for its election timer (it may have voted; the
 * vote is on disk). An observer has no election timer: it fetches from the bootstrap voters in
 * turn until one names the leader.
 */
final class UnattachedState implements EpochState {
    private final int epoch;
    private long electionDeadline;
    private final FetchLoop fetch;

    UnattachedState(int epoch, long electionDeadline, long firstFetchAt) {
        this.epoch = epoch;
        this.electionDeadline = electionDeadline;
        this.fetch = new FetchLoop(firstFetchAt);
    }

    @Override
    public Role role() {
        return Role.UNATTACHED;
    }

    @Override
    public int epoch() {
        return epoch;
    }

    @Override
    public int leaderId() {
        return -1;
    }

    @Override
    public long electionDeadline() {
        return electionDeadline;
    }

    void electAt(long at) {
        electionDeadline = at;
    }

    FetchLoop fetch() {
        return fetch;
    }

    @Override
    public long timerDeadline() {
        return electionDeadline;
    }

    @Override
    public long nextWakeAt() {
        return Math.min(electionDeadline, fetch.nextDeadline());
    }
}
