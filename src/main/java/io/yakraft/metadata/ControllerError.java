package io.yakraft.metadata;

/** The error codes the quorum controller answers with, named as in Kafka's {@code Errors}. */
public enum ControllerError {
    NONE,
    /** This node is not the active controller; the reply names the leader when known. */
    NOT_CONTROLLER,
    DUPLICATE_BROKER_REGISTRATION,
    STALE_BROKER_EPOCH,
    BROKER_ID_NOT_REGISTERED,
    TOPIC_ALREADY_EXISTS,
    INVALID_TOPIC_EXCEPTION,
    INVALID_REPLICATION_FACTOR,
    INVALID_PARTITIONS,
    INVALID_REPLICA_ASSIGNMENT,
    UNKNOWN_TOPIC_OR_PARTITION,
    /** AlterPartition naming a topic id the controller does not know. */
    UNKNOWN_TOPIC_ID,
    NOT_LEADER_OR_FOLLOWER,
    /** AlterPartition built on an older leader epoch. */
    FENCED_LEADER_EPOCH,
    /** AlterPartition built on an outdated partition epoch. */
    INVALID_UPDATE_VERSION,
    /**
     * AlterPartition whose new ISR names a replica that is unregistered, shutting down, fenced, or
     * registered with another broker epoch than the leader saw in its fetches (KIP-903).
     */
    INELIGIBLE_REPLICA,
    INVALID_REQUEST,
    /** A topic config that is unknown or has a bad value. */
    INVALID_CONFIG
}
