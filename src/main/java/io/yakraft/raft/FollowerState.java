package io.yakraft.raft;

/**
 * Knows the leader of its epoch and fetches from it. The fetch timer restarts on every good
 * answer from the leader; when it runs out a voter starts a pre-vote, an observer looks for the
 * leader again. As Kafka's FollowerState.canGrantVote, pre-votes are refused once a fetch from
 * the leader succeeded in this state ({@code hasFetchedFromLeader}), even after the leader sent
 * EndQuorumEpoch: such a follower elects itself when its (shortened) fetch timer runs out.
 */
final class FollowerState implements EpochState {
    private final int epoch;
    private final int leaderId;
    private final FetchLoop fetch;
    private long fetchDeadline;
    /**
     * A fetch from the leader succeeded in this state (Kafka's hasFetchedFromLeader). Learning of
     * a leader second-hand, or its BeginQuorumEpoch, is not a fetch: a stale belief cannot block
     * pre-votes.
     */
    private boolean hasFetchedFromLeader;
    /** The snapshot being downloaded chunk by chunk, or null (Kafka's fetchingSnapshot). */
    private PartialSnapshot fetchingSnapshot;

    /**
     * When a voter next checks whether the voter set lists its endpoint and kraft.version range
     * as they are (Kafka's updateVoterSetPeriodTimer, fetch.timeout long); Long.MAX_VALUE for an
     * observer, which never sends UpdateRaftVoter.
     */
    private long updateVoterAt;

    FollowerState(int epoch, int leaderId, long fetchDeadline, long firstFetchAt) {
        this.epoch = epoch;
        this.leaderId = leaderId;
        this.fetchDeadline = fetchDeadline;
        this.fetch = new FetchLoop(firstFetchAt);
        this.updateVoterAt = fetchDeadline; // Kafka: the period starts with the state, fetch.timeout long
    }

    /** The period ran out: the check is due at the next request the follower sends (one in flight at a time). */
    private boolean updateVoterDue;

    /** Kafka's hasUpdateVoterSetPeriodExpired: marks the check due when the period has run out. */
    void pollUpdateVoterTimer(long now) {
        if (updateVoterAt <= now) {
            updateVoterDue = true;
            updateVoterAt = Long.MAX_VALUE;
        }
    }

    boolean updateVoterDue() {
        return updateVoterDue;
    }

    /** Kafka's resetUpdateVoterSetPeriod: checked; check again at {@code at} (Long.MAX_VALUE: never). */
    void updateVoterChecked(long at) {
        updateVoterDue = false;
        updateVoterAt = at;
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

    /** Kafka's resetFetchTimeoutForSuccessfulFetch: the leader answered, the fetch timer restarts. */
    void heardFromLeader(long now, long fetchTimeoutMs) {
        hasFetchedFromLeader = true;
        fetchDeadline = now + fetchTimeoutMs;
    }

    /**
     * Kafka's overrideFetchTimeout after EndQuorumEpoch: the fetch timer runs out at
     * {@code electAt}; whether a fetch succeeded is unchanged.
     */
    void leaderResigned(long electAt) {
        fetchDeadline = electAt;
    }

    /** Whether a fetch from the leader succeeded in this state (Kafka's hasFetchedFromLeader). */
    boolean hasFetchedFromLeader() {
        return hasFetchedFromLeader;
    }

    PartialSnapshot fetchingSnapshot() {
        return fetchingSnapshot;
    }

    /** Kafka's setFetchingSnapshot: start downloading {@code snapshot}, or stop (null). */
    void fetchingSnapshot(PartialSnapshot snapshot) {
        fetchingSnapshot = snapshot;
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
        return Math.min(Math.min(fetchDeadline, updateVoterAt), fetch.nextDeadline());
    }
}
