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
    /** AlterPartition from a broker that is not the partition's leader. */
    NOT_LEADER_OR_FOLLOWER,
    FENCED_LEADER_EPOCH,
    /** AlterPartition built on an outdated partition epoch. */
    INVALID_UPDATE_VERSION,
    /** AlterPartition adding a replica that is fenced, shutting down or unregistered. */
    INELIGIBLE_REPLICA,
    INVALID_REQUEST,
    /** A topic config that is unknown or has a bad value. */
    INVALID_CONFIG
}
