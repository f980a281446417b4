package io.yakraft.check;

import io.yakraft.check.lin.HistoryRecorder;
import io.yakraft.cluster.Cluster;
import io.yakraft.cluster.ClusterObserver;
import io.yakraft.cluster.LogRange;
import io.yakraft.metadata.MetadataRecord;
import io.yakraft.raft.LogEntry;
import io.yakraft.raft.Role;
import io.yakraft.sim.NodeStatus;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs a {@link RunSpec} headless: client writes and (optionally) random faults for the
 * duration, then calm, then a liveness check. Deterministic: the same spec gives the same
 * result and trace hash.
 */
public final class Runner {
    private Runner() {
    }

    public static RunResult run(RunSpec spec) {
        return run(spec, c -> { });
    }

    /** As {@link #run(RunSpec)}, letting the caller attach listeners (a trace file) before the start. */
    public static RunResult run(RunSpec spec, java.util.function.Consumer<Cluster> beforeStart) {
        Cluster cluster = new Cluster(spec.cluster(), spec.factory(), spec.controllerFactory());
        beforeStart.accept(cluster);
        InvariantChecker checker = spec.checkInvariants() ? new InvariantChecker(cluster) : null;
        HistoryRecorder history = HistoryRecorder.attach(cluster);
        int[] leaderChanges = {0};
        cluster.addObserver(new ClusterObserver() {
            @Override
            public void roleChanged(int node, Role from, Role to, int epoch, int leaderId) {
                if (to == Role.LEADER) {
                    leaderChanges[0]++;
                }
            }
        });
        cluster.start();
        long end = spec.durationMs();
        if (spec.writePeriodMs() > 0) {
            Workload.schedule(cluster, 0, end, spec.writePeriodMs());
        }
        TopicWorkload workload = spec.workload() == null ? null : TopicWorkload.schedule(cluster, spec.workload(), 0, end);
        FeedWorkload feed = spec.feed() == null ? null : FeedWorkload.schedule(cluster, spec.feed(), 0, end);
        if (spec.faults()) {
            // KIP-853's faults are among them: voters lose disks and are removed, and are replaced.
            RandomFaults.scheduleWithVoterChanges(cluster, 2_000, end, spec.faultGapMs());
        }
        if (spec.configChanges()) {
            ConfigChanges.schedule(cluster, 2_000, end, 3_000);
        }
        cluster.runUntil(end);
        long liveness = -1;
        if (!cluster.stopped()) {
            liveness = awaitCalm(cluster, end, spec.livenessBoundMs());
        }
        history.readAll();
        Map<Integer, Long> hws = new TreeMap<>();
        for (int id : cluster.allIds()) {
            hws.put(id, cluster.view(id).highWatermark());
        }
        int leader = cluster.leaderId();
        int epoch = 0;
        for (int id : cluster.voterIds()) {
            epoch = Math.max(epoch, cluster.view(id).epoch());
        }
        Map<Integer, NodeMetadata> metadata = new TreeMap<>();
        for (int id : cluster.allIds()) {
            metadata.put(id, NodeMetadata.of(cluster.status(id) != NodeStatus.DOWN, cluster.appliedOffset(id), cluster.image(id)));
        }
        return new RunResult(spec.cluster().seed(), spec.cluster().controllers(), spec.cluster().observers(),
                cluster.now(), cluster.eventCount(), leaderChanges[0], epoch, leader, hws,
                checker == null ? List.of() : checker.violations(), cluster.traceSha256(),
                checker == null ? -1 : checker.committedOffset(), liveness, checker == null ? 0 : checker.checks(),
                metadata, NodeMetadata.converged(metadata), workload == null ? null : workload.outcome(),
                feed == null ? null : feed.outcome(), history.history());
    }

    /**
     * Steps in 10 ms slices until a leader exists and every live node's high watermark equals
     * the leader's log end; returns the time that took, or -1 past the bound.
     */
    static long awaitCalm(Cluster cluster, long from, long bound) {
        for (long t = from; t <= from + bound; t += 10) {
            cluster.runUntil(t);
            if (cluster.stopped()) {
                return -1;
            }
            if (caughtUp(cluster)) {
                return t - from;
            }
        }
        return -1;
    }

    static boolean caughtUp(Cluster cluster) {
        int leader = cluster.leaderId();
        if (leader < 0) {
            return false;
        }
        LogRange l = cluster.logRange(leader);
        long end = settledEnd(cluster, leader, l.endOffset());
        if (l.highWatermark() < end) {
            return false;
        }
        int epoch = cluster.epochOf(leader);
        for (int id : cluster.allIds()) {
            if (cluster.status(id) == NodeStatus.UP) {
                if (cluster.logRange(id).highWatermark() < end || cluster.epochOf(id) != epoch) {
                    return false;
                }
            }
        }
        return true;
    }

    /** A node still learning of the last NoOpRecords holds everything that matters. */
    private static final int NO_OPS_IN_FLIGHT = 2;

    /**
     * The leader's log end without its last few NoOpRecords: the active controller writes one every
     * metadata.max.idle.interval.ms, so at any instant the newest may still be on its way to the
     * others. A node that stopped following misses more than these few, and is still caught.
     */
    public static long settledEnd(Cluster cluster, int leader, long end) {
        long settled = end;
        for (long offset = end - 1; offset >= Math.max(0, end - NO_OPS_IN_FLIGHT); offset--) {
            if (!(payloadAt(cluster, leader, offset) instanceof MetadataRecord.NoOpRecord)) {
                break;
            }
            settled = offset;
        }
        return settled;
    }

    /**
     * The entry at {@code offset} as the leader holds it. When the leader has just compacted it into a
     * snapshot, it is read from a node holding an entry of the leader's epoch there: the same offset and
     * epoch mean the same entry (Raft's log matching rule, which the invariants check). Null when nobody
     * holds it.
     */
    private static Object payloadAt(Cluster cluster, int leader, long offset) {
        List<LogEntry> own = cluster.entries(leader, offset, offset + 1);
        if (!own.isEmpty() || offset >= cluster.logRange(leader).highWatermark()) {
            return own.isEmpty() ? null : own.get(0).payload();
        }
        for (int id : cluster.allIds()) {
            List<LogEntry> copy = cluster.entries(id, offset, offset + 1);
            if (!copy.isEmpty() && copy.get(0).epoch() == cluster.epochOf(leader)) {
                return copy.get(0).payload();
            }
        }
        return null;
    }
}
