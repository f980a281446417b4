package io.yakraft.raft;

/**
 * Knows the leader of its epoch and fetches from it. The fetch timer restarts on every good
 * answer from the leader; when it runs out a voter starts a pre-vote, an observer looks for the
 * leader again. Pre-votes are refused while the leader was heard from recently and has not
 * resigned.
 */
final class FollowerState implements EpochState {
    private final int epoch;
    private final int leaderId;
    private final FetchLoop fetch;
    private long fetchDeadline;
    /**
     * Last direct contact with the leader (its fetch answers or BeginQuorumEpoch). Learning of a
     * leader second-hand is not contact with it, else a stale belief could block pre-votes forever.
     */
    private long lastLeaderContact = Long.MIN_VALUE;
    private boolean leaderResigned;

    FollowerState(int epoch, int leaderId, long fetchDeadline, long firstFetchAt) {
        this.epoch = epoch;
        this.leaderId = leaderId;
        this.fetchDeadline = fetchDeadline;
        this.fetch = new FetchLoop(firstFetchAt);
    }

    @Override
    public Role role() {
        return Role.FOLLOWER;
    }

    @Override
    public int epoch() {
        return epoch;
    }

    @Override
    public int leaderId() {
        return leaderId;
    }

    FetchLoop fetch() {
        return fetch;
    }

    long fetchDeadline() {
        return fetchDeadline;
    }

    void fetchTimeoutAt(long at) {
        fetchDeadline = at;
    }

    /** The leader answered: it is alive, and the fetch timer restarts. */
    void heardFromLeader(long now, long fetchTimeoutMs) {
        lastLeaderContact = now;
        fetchDeadline = now + fetchTimeoutMs;
    }

    void touchedByLeader(long now) {
        lastLeaderContact = now;
    }

    /** The leader sent EndQuorumEpoch: stop trusting it and elect at {@code electAt}. */
    void leaderResigned(long electAt) {
        leaderResigned = true;
        fetchDeadline = electAt;
    }

    /** How long ago the leader was heard from, or -1 when it resigned or never was. */
    long sinceLeaderContact(long now) {
        return leaderResigned || lastLeaderContact == Long.MIN_VALUE ? -1 : now - lastLeaderContact;
    }

    @Override
    public long electionDeadline() {
        return Long.MAX_VALUE;
    }

    @Override
    public long timerDeadline() {
        return fetchDeadline;
    }

    @Override
    public long nextWakeAt() {
        return Math.min(fetchDeadline, fetch.nextDeadline());
    }
}
