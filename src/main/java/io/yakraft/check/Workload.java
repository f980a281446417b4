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
        for (long t = from; t < until; t += periodMs) {
            cluster.at(t, "client write", c -> c.propose(List.of("write-" + counter[0]++)));
        }
    }
}
