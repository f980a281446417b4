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
 * reached, which a rewind does not shrink), the pacing state (speed, paused) and the last command
 * that failed on the driving thread ({@code problem}, null when none). Immutable.
 */
public record Frame(ClusterSnapshot snapshot, List<TraceEvent> recentEvents, long traceRecords, double speed,
                    boolean paused, long frameNumber, int recordsNode, List<LogEntry> records, ScenarioStatus scenario,
                    List<TimelineMarker> markers, long horizon, ClusterConfig config, String problem) {
    /** A frame with no problem to report. */
    public Frame(ClusterSnapshot snapshot, List<TraceEvent> recentEvents, long traceRecords, double speed,
                 boolean paused, long frameNumber, int recordsNode, List<LogEntry> records, ScenarioStatus scenario,
                 List<TimelineMarker> markers, long horizon, ClusterConfig config) {
        this(snapshot, recentEvents, traceRecords, speed, paused, frameNumber, recordsNode, records, scenario, markers,
                horizon, config, null);
    }
}
