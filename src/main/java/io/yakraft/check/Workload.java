package io.yakraft.check;

import io.yakraft.cluster.Cluster;

import java.util.List;

/**
 * A steady client: every {@code periodMs} it asks the current leader to append one record,
 * so that logs grow, diverge under faults and have to be repaired.
 */
public final class Workload {
    private Workload() {
    }

    public static void schedule(Cluster cluster, long from, long until, long periodMs) {
        long[] counter = {0};
        next(cluster, from, until, periodMs, counter);
    }

    /** Each write schedules the next, so the queue holds one pending write, not the whole run's. */
    private static void next(Cluster cluster, long at, long until, long periodMs, long[] counter) {
        if (at >= until) {
            return;
        }
        cluster.at(at, "client write", c -> {
            c.propose(List.of("write-" + counter[0]++));
            next(c, at + periodMs, until, periodMs, counter);
        });
    }
}
