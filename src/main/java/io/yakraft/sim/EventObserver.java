package io.yakraft.sim;

/** Called after every processed event (e.g. the invariant checker). */
@FunctionalInterface
public interface EventObserver {
    void afterEvent(long eventNumber, long now);
}
