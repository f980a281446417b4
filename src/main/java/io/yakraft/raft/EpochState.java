package io.yakraft.raft;

/**
 * What a node is in one epoch (Kafka's EpochState): one class per role holds that role's
 * identity and timers. Only {@link QuorumState} creates them, so a role changes in one place.
 * Identity (epoch, leader) is fixed per state; timers move while the state lasts.
 */
sealed interface EpochState permits UnattachedState, ProspectiveState, CandidateState, LeaderState, FollowerState,
        ResignedState {

    Role role();

    int epoch();

    /** The leader this state knows for its epoch, or -1. */
    int leaderId();

    /** The election timer, or {@code Long.MAX_VALUE} when this role runs none. */
    long electionDeadline();

    /** The one timer a view draws for this role. */
    long timerDeadline();

    /** The earliest moment this state has something to do. */
    long nextWakeAt();
}
