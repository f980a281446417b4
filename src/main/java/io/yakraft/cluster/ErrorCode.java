package io.yakraft.cluster;

/**
 * Why the cluster refused an action, named as in Kafka's {@code Errors} where one applies;
 * {@link #NO_SUCH_NODE} is ours (Kafka has no action that names a node by its role).
 */
public enum ErrorCode {
    /** The node named does not exist, or nobody holds the role named right now. */
    NO_SUCH_NODE,
    /** There is no leader to take the request. */
    LEADER_NOT_AVAILABLE,
    UNKNOWN_TOPIC_OR_PARTITION,
    BROKER_ID_NOT_REGISTERED,
    /** The broker is down or has not registered yet. */
    BROKER_NOT_AVAILABLE,
    DUPLICATE_BROKER_REGISTRATION,
    INVALID_REQUEST,
    /** The action threw while it was carried out; it was refused and the cluster runs on (ours). */
    ACTION_FAILED,
    /** The person kept the recorded future rather than act in the past (ours). */
    FORK_DECLINED,
    /** AddRaftVoter for an id that is already a voter (Kafka's Errors.DUPLICATE_VOTER). */
    DUPLICATE_VOTER,
    /** RemoveRaftVoter for a replica that is not a voter (Kafka's Errors.VOTER_NOT_FOUND). */
    VOTER_NOT_FOUND,
    /** A voter change cannot go ahead now: another is uncommitted, or the new voter lags (Kafka's answer). */
    REQUEST_TIMED_OUT,
    /** kraft.version 0: the voter set cannot change. */
    UNSUPPORTED_VERSION;

    /** The code for a raft voter-change error of the same name. */
    static ErrorCode ofVoterChange(io.yakraft.raft.RaftError error) {
        switch (error) {
            case DUPLICATE_VOTER:
                return DUPLICATE_VOTER;
            case VOTER_NOT_FOUND:
                return VOTER_NOT_FOUND;
            case REQUEST_TIMED_OUT:
                return REQUEST_TIMED_OUT;
            case UNSUPPORTED_VERSION:
                return UNSUPPORTED_VERSION;
            case NOT_LEADER_OR_FOLLOWER:
                return LEADER_NOT_AVAILABLE;
            default:
                throw new IllegalArgumentException("no action error code for voter-change error " + error);
        }
    }
}
