package io.yakraft.check;

import java.util.List;
import java.util.Map;

/**
 * What a headless run produced. {@code livenessMs} is how long after the calm began it took
 * until a leader existed and every live node's high watermark reached the leader's log end
 * (-1 when that did not happen within the bound). {@code metadata} summarises each node's image
 * at the end; {@code workload} and {@code feed} are null when the run had none. {@code history} holds every
 * client-visible operation of the run, for {@link io.yakraft.check.lin.Linearizability#check}.
 */
public record RunResult(long seed, int controllers, int observers, long simulatedMs, long events, int leaderChanges,
                        int finalEpoch, int finalLeader, Map<Integer, Long> highWatermarks, List<Violation> violations,
                        String traceSha256, long committed, long livenessMs, long invariantChecks,
                        Map<Integer, NodeMetadata> metadata, boolean imagesConverged, TopicWorkload.Outcome workload,
                        io.yakraft.data.FeedStatus feed, io.yakraft.check.lin.History history) {

    public boolean safe() {
        return violations.isEmpty();
    }

    public boolean live() {
        return livenessMs >= 0;
    }
}
