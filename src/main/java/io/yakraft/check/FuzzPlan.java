package io.yakraft.check;

import io.yakraft.cluster.Cluster;

/**
 * What one fuzz simulation does to its cluster, besides the cluster itself: random faults from
 * {@code faultsFromMs} to {@code faultsUntilMs} (on average one every {@code faultGapMs}, at most
 * {@code maxFaults}), raw client writes every {@code writeEveryMs} (0: none), a metadata workload and
 * a data feed (null: none) in the same window, then {@code calmMs} of calm (everything healed) after
 * which liveness is checked ({@link FuzzLiveness}). With {@code healEveryMs} > 0 the window comes in
 * rounds: every {@code healEveryMs} everything is healed at once (as at the window's end), so a long
 * window has as many recoveries per simulated minute as a short one: a mass restart while clients
 * still write is what leaves followers holding records of an epoch the next leader never had. With
 * {@code voterChanges} KIP-853's faults are among the others (a voter's disk lost, a voter removed)
 * and an operator replaces and re-adds voters ({@link RandomFaults#scheduleWithVoterChanges}). A fuzz
 * failure's scenario file carries its plan, so replaying it arms exactly this on the same cluster.
 */
public record FuzzPlan(long faultsFromMs, long faultsUntilMs, long faultGapMs, int maxFaults, long writeEveryMs,
                       TopicWorkload.Spec workload, FeedWorkload.Spec feed, long calmMs, long healEveryMs,
                       boolean voterChanges) {

    public FuzzPlan {
        if (faultsFromMs < 0 || faultsUntilMs < faultsFromMs || faultGapMs < 1 || maxFaults < 0 || writeEveryMs < 0
                || calmMs < 0 || healEveryMs < 0) {
            throw new IllegalArgumentException("a fuzz plan needs 0 <= faultsFromMs <= faultsUntilMs, faultGapMs >= 1,"
                    + " maxFaults, writeEveryMs, calmMs and healEveryMs >= 0");
        }
    }

    /** A plan without voter changes among its faults. */
    public FuzzPlan(long faultsFromMs, long faultsUntilMs, long faultGapMs, int maxFaults, long writeEveryMs,
                    TopicWorkload.Spec workload, FeedWorkload.Spec feed, long calmMs, long healEveryMs) {
        this(faultsFromMs, faultsUntilMs, faultGapMs, maxFaults, writeEveryMs, workload, feed, calmMs, healEveryMs, false);
    }

    /** A plan in one round: healed only at the end of the fault window. */
    public FuzzPlan(long faultsFromMs, long faultsUntilMs, long faultGapMs, int maxFaults, long writeEveryMs,
                    TopicWorkload.Spec workload, FeedWorkload.Spec feed, long calmMs) {
        this(faultsFromMs, faultsUntilMs, faultGapMs, maxFaults, writeEveryMs, workload, feed, calmMs, 0);
    }

    /** When the liveness check runs: the end of the calm. */
    public long endMs() {
        return faultsUntilMs + calmMs;
    }

    public FuzzPlan withMaxFaults(int n) {
        return new FuzzPlan(faultsFromMs, faultsUntilMs, faultGapMs, n, writeEveryMs, workload, feed, calmMs, healEveryMs,
                voterChanges);
    }

    public FuzzPlan withFaultsUntil(long ms) {
        return new FuzzPlan(faultsFromMs, Math.max(faultsFromMs, ms), faultGapMs, maxFaults, writeEveryMs, workload, feed, calmMs,
                healEveryMs, voterChanges);
    }

    /** What an armed plan is doing, for the liveness check and the campaign's figures. */
    public static final class Armed {
        private final RandomFaults faults;
        private final TopicWorkload workload;
        private final FeedWorkload feed;
        private final java.util.List<Violation> liveness = new java.util.ArrayList<>();

        private Armed(RandomFaults faults, TopicWorkload workload, FeedWorkload feed) {
            this.faults = faults;
            this.workload = workload;
            this.feed = feed;
        }

        public int faultsInjected() {
            return faults.injected();
        }

        /** Null when the plan has no metadata workload. */
        public TopicWorkload workload() {
            return workload;
        }

        /** What the liveness check found broken (empty until it ran, and when all was well). */
        public java.util.List<Violation> livenessViolations() {
            return java.util.List.copyOf(liveness);
        }

        void reportLiveness(Violation v) {
            liveness.add(v);
        }

        /** Null when the plan has no feed. */
        public FeedWorkload feed() {
            return feed;
        }
    }

    /**
     * Schedules the whole plan on a started cluster (whose invariant checker is already attached):
     * writes, workload, feed, faults, and the liveness check at {@link #endMs()}, whose failures are
     * recorded on the cluster as violations (so the run stops there, as for a safety rule).
     */
    public Armed arm(Cluster cluster) {
        if (writeEveryMs > 0) {
            Workload.schedule(cluster, 0, faultsUntilMs, writeEveryMs);
        }
        TopicWorkload w = workload == null ? null : TopicWorkload.schedule(cluster, workload, 0, faultsUntilMs);
        FeedWorkload f = feed == null ? null : FeedWorkload.schedule(cluster, feed, 0, faultsUntilMs);
        RandomFaults faults = voterChanges
                ? RandomFaults.scheduleWithVoterChanges(cluster, faultsFromMs, faultsUntilMs, faultGapMs, maxFaults)
                : RandomFaults.schedule(cluster, faultsFromMs, faultsUntilMs, faultGapMs, maxFaults);
        for (long t = faultsFromMs + healEveryMs; healEveryMs > 0 && t < faultsUntilMs; t += healEveryMs) {
            cluster.at(t, "round over: heal network, restart dead nodes, resume paused ones", RandomFaults::healEverything);
        }
        Armed armed = new Armed(faults, w, f);
        cluster.at(endMs(), "calm over: check liveness", c -> FuzzLiveness.check(c, armed, calmMs));
        return armed;
    }
}
