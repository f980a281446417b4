package io.yakraft.session;

import io.yakraft.cluster.ClusterConfig;
import io.yakraft.cluster.ClusterSnapshot;
import io.yakraft.raft.LogEntry;
import io.yakraft.sim.TraceEvent;

import java.util.List;

/**
 * What a session publishes for the window: the latest immutable snapshot, the newest trace
 * records (bounded), the newest log entries of the node the Records tab shows, the scenario
 * being played (null when none), the timeline's markers and horizon (the farthest time
 * reached, which a rewind does not shrink) and the pacing state (speed, paused). Immutable.
 */
public record Frame(ClusterSnapshot snapshot, List<TraceEvent> recentEvents, long traceRecords, double speed,
                    boolean paused, long frameNumber, int recordsNode, List<LogEntry> records, ScenarioStatus scenario,
                    List<TimelineMarker> markers, long horizon, ClusterConfig config) {
}
