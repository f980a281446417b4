package io.yakraft.ui;

import io.yakraft.sim.MessageEvent;
import io.yakraft.sim.TraceEvent;

/**
 * A message the network dropped, as the cluster view shows it: a cross on its link that fades
 * out over {@link #FADE_NANOS} of wall time. {@code atReceiver} tells a message lost on arrival
 * (receiver down, link cut in flight) from one never sent (cut link, loss).
 */
public record DroppedMessage(int from, int to, boolean atReceiver, long seenAtNanos) {
    static final long FADE_NANOS = 1_000_000_000L;

    /** From a dropped message's trace event (its typed detail says at which end it died); null for anything else. */
    static DroppedMessage of(TraceEvent e, long nowNanos) {
        if (!(e.detail() instanceof MessageEvent m) || !m.stage().isDrop() || e.peer() < 0) {
            return null;
        }
        boolean atReceiver = m.stage().droppedAtReceiver();
        return new DroppedMessage(atReceiver ? e.peer() : e.node(), atReceiver ? e.node() : e.peer(), atReceiver, nowNanos);
    }

    double alpha(long nowNanos) {
        return Math.max(0, 1 - (nowNanos - seenAtNanos) / (double) FADE_NANOS);
    }
}
