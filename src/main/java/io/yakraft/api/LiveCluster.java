package io.yakraft.api;

import io.yakraft.cluster.Action;
import io.yakraft.cluster.Outcome;
import io.yakraft.cluster.ClusterSnapshot;
import io.yakraft.metadata.ControllerReply;

import java.util.function.Consumer;

/**
 * A cluster running in real time, as the API needs it: the latest snapshot, and typed actions
 * applied as timed inputs (so REST calls are traced and recorded like
 * clicks). The window's simulation driver is one.
 */
public interface LiveCluster {
    ClusterSnapshot snapshot();

    /** Performs the action as a timed input; {@code outcome} hears what happened, {@code replies} a controller command's answer (driver thread). */
    void perform(Action action, Consumer<Outcome> outcome, Consumer<ControllerReply> replies);

    /**
     * The leader's committed log after {@code since} (at most {@code max} entries), read on the
     * simulation's thread; {@code answer} gets them (null when there is no leader).
     */
    void committedSince(long since, int max, Consumer<CommittedLog> answer);

    /** Committed entries after an offset; {@code snapshot} is the leader's image when {@code since} lies before its log start. */
    record CommittedLog(long highWatermark, long logStartOffset, java.util.List<io.yakraft.raft.LogEntry> entries,
                        io.yakraft.metadata.MetadataImage snapshot) {
    }
}
