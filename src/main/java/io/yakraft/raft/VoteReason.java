package io.yakraft.raft;

/**
 * Why a voter granted or refused a Vote or PreVote request: the code a view or a test can
 * classify by, beside the words that go into the trace for people.
 */
public enum VoteReason {
    /** The candidate's log is at least as up to date as ours and nothing else stood in the way. */
    GRANTED(true),
    /** We already voted for this very candidate in this epoch; the answer is repeated. */
    GRANTED_AGAIN(true),
    /** The request reached an observer: only voters vote. */
    NOT_A_VOTER(false),
    /**
     * The request names a directory id for us that is not our disk's (KIP-853): we lost the disk
     * the candidate's voter set knows, so the vote we may have cast there is gone and we must not
     * vote again in its place (Kafka's handleVoteRequest, INVALID_VOTER_KEY).
     */
    INVALID_VOTER_KEY(false),
    /** The candidate's epoch is older than ours. */
    STALE_EPOCH(false),
    /** A pre-vote reached the leader of the epoch. */
    IS_LEADER(false),
    /**
     * A pre-vote reached a follower that has fetched from its leader in this state (Kafka's
     * FollowerState.canGrantVote, hasFetchedFromLeader).
     */
    RECENT_LEADER_CONTACT(false),
    /** We voted for another candidate in this epoch. */
    ALREADY_VOTED_FOR_ANOTHER(false),
    /** We settled this epoch in another role (a follower that knows its leader) without having voted. */
    KNOWN_LEADER(false),
    /** The candidate's log is behind ours (older last epoch, or shorter in the same epoch). */
    CANDIDATE_LOG_BEHIND(false);

    private final boolean granted;

    VoteReason(boolean granted) {
        this.granted = granted;
    }

    /** Whether this reason goes with a granted vote. */
    public boolean granted() {
        return granted;
    }
}
