package io.yakraft.sim;

/**
 * A process hosted by the kernel. The kernel calls it for deliveries and wake-ups and asks,
 * after each call, when it next wants to be woken. Implementations must be deterministic.
 */
public interface SimNode {
    void onStart(long now);

    void onMessage(long now, Envelope envelope);

    void onWake(long now);

    /** Absolute simulated time of the next wake-up wanted, or {@link Long#MAX_VALUE} for none. */
    long nextWakeAt();
}
