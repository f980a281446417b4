package io.yakraft.check;

import io.yakraft.cluster.Cluster;

/**
 * A check that rides along one fuzz simulation besides the invariants: the seam where the
 * linearizability checker plugs in. {@link #attach} is called on a fresh cluster before it
 * starts (to add observers that record the operation history); the probe's {@link Probe#verdict}
 * after the run ends. Implementations must be safe to {@code attach} from several threads at once
 * (one cluster per thread; a probe is confined to its cluster's thread).
 */
@FunctionalInterface
public interface RunCheck {
    Probe attach(Cluster cluster);

    /** Watches one run. */
    @FunctionalInterface
    interface Probe {
        Verdict verdict();
    }

    /**
     * What the check concluded: how many histories (e.g. one per key) and operations it judged,
     * how many histories were not linearizable, and for the first such one the rule and words.
     */
    record Verdict(int histories, long operations, int nonLinearizable, String rule, String detail) {
        public static final Verdict NONE = new Verdict(0, 0, 0, null, null);

        public boolean failed() {
            return nonLinearizable > 0;
        }
    }

    /** No extra check: every verdict is {@link Verdict#NONE}. */
    RunCheck NONE = cluster -> () -> Verdict.NONE;
}
