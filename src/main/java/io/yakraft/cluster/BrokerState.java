package io.yakraft.cluster;

/** Kafka's BrokerState (org.apache.kafka.metadata.BrokerState), as far as a simulated broker passes through it. */
public enum BrokerState {
    /** Registering and catching up with the metadata log up to its own registration. */
    STARTING,
    /** Caught up, waiting for the controller to unfence it. */
    RECOVERY,
    /** Unfenced: may lead partitions and join ISRs. */
    RUNNING,
    /** Asked to shut down; the controller is moving its leaderships away. */
    PENDING_CONTROLLED_SHUTDOWN,
    /** The controller let it go; the process stops. */
    SHUTTING_DOWN
}
