package io.yakraft.cluster;

/**
 * What runs on a node beside its raft core: the quorum controller on a controller, the broker
 * lifecycle on a broker, the snapshot policy on both. The host calls {@link #afterEvent} once
 * the core has finished an event, so a process may append to the log or read the freshly
 * applied image without re-entering the core.
 */
interface NodeProcess {
    /** A message that is not for the raft core arrived; false if this process does not take it. */
    default boolean handle(long now, int from, Object payload) {
        return false;
    }

    default void wake(long now) {
    }

    default long nextWakeAt() {
        return Long.MAX_VALUE;
    }

    default void afterEvent(long now) {
    }

    /** The node crashed: whatever waits on this incarnation must hear of it. */
    default void crashed() {
    }
}
