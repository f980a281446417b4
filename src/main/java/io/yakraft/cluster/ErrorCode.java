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
    FORK_DECLINED
}
