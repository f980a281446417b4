package io.yakraft.check;

import io.yakraft.cluster.ClusterConfig;
import io.yakraft.cluster.RaftNodeFactory;

/**
 * One headless run: the cluster, how long faults and client writes last, and how long the
 * calm after them may take to elect a leader and catch every node up (the liveness bound).
 */
public record RunSpec(ClusterConfig cluster, long durationMs, boolean faults, long faultGapMs, long writePeriodMs,
                      long livenessBoundMs, boolean checkInvariants, RaftNodeFactory factory) {

    public static RunSpec of(ClusterConfig cluster, long durationMs, boolean faults) {
        return new RunSpec(cluster, durationMs, faults, 700, 100,
                20L * cluster.raft().electionTimeoutMs(), true, RaftNodeFactory.KRAFT);
    }

    public RunSpec withInvariants(boolean on) {
        return new RunSpec(cluster, durationMs, faults, faultGapMs, writePeriodMs, livenessBoundMs, on, factory);
    }

    public RunSpec withFactory(RaftNodeFactory f) {
        return new RunSpec(cluster, durationMs, faults, faultGapMs, writePeriodMs, livenessBoundMs, checkInvariants, f);
    }

    public RunSpec withWritePeriod(long ms) {
        return new RunSpec(cluster, durationMs, faults, faultGapMs, ms, livenessBoundMs, checkInvariants, factory);
    }
}
