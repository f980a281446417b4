package io.yakraft.check;

import io.yakraft.cluster.ClusterConfig;
import io.yakraft.cluster.QuorumControllerFactory;
import io.yakraft.cluster.RaftNodeFactory;

/**
 * One headless run: the cluster, how long faults, client writes, the metadata workload and the
 * data feed (null for none) last, and how long the calm after them may take to elect a leader and catch
 * every node up (the liveness bound). {@code configChanges}: topic configs are altered at random during the
 * faults ({@link ConfigChanges}).
 */
public record RunSpec(ClusterConfig cluster, long durationMs, boolean faults, long faultGapMs, long writePeriodMs,
                      long livenessBoundMs, boolean checkInvariants, RaftNodeFactory factory,
                      QuorumControllerFactory controllerFactory, TopicWorkload.Spec workload,
                      FeedWorkload.Spec feed, boolean configChanges) {

    public static RunSpec of(ClusterConfig cluster, long durationMs, boolean faults) {
        return new RunSpec(cluster, durationMs, faults, 700, 100,
                20L * cluster.raft().electionTimeoutMs(), true, cluster.protocol().raft(), cluster.protocol().controller(), null, null, false);
    }

    public RunSpec withControllerFactory(QuorumControllerFactory f) {
        return new RunSpec(cluster, durationMs, faults, faultGapMs, writePeriodMs, livenessBoundMs, checkInvariants, factory,
                f, workload, feed, configChanges);
    }

    public RunSpec withWorkload(TopicWorkload.Spec w) {
        return new RunSpec(cluster, durationMs, faults, faultGapMs, writePeriodMs, livenessBoundMs, checkInvariants, factory,
                controllerFactory, w, feed, configChanges);
    }

    public RunSpec withInvariants(boolean on) {
        return new RunSpec(cluster, durationMs, faults, faultGapMs, writePeriodMs, livenessBoundMs, on, factory, controllerFactory, workload, feed, configChanges);
    }

    public RunSpec withFactory(RaftNodeFactory f) {
        return new RunSpec(cluster, durationMs, faults, faultGapMs, writePeriodMs, livenessBoundMs, checkInvariants, f, controllerFactory, workload, feed, configChanges);
    }

    public RunSpec withFeed(FeedWorkload.Spec f) {
        return new RunSpec(cluster, durationMs, faults, faultGapMs, writePeriodMs, livenessBoundMs, checkInvariants, factory,
                controllerFactory, workload, f, configChanges);
    }

    public RunSpec withWritePeriod(long ms) {
        return new RunSpec(cluster, durationMs, faults, faultGapMs, ms, livenessBoundMs, checkInvariants, factory, controllerFactory, workload, feed, configChanges);
    }

    public RunSpec withConfigChanges(boolean on) {
        return new RunSpec(cluster, durationMs, faults, faultGapMs, writePeriodMs, livenessBoundMs, checkInvariants, factory,
                controllerFactory, workload, feed, on);
    }
}
