package io.yakraft.cluster;

import java.util.HashMap;
import java.util.Map;

/** Remembers each node's last truncation (and how many there were) for the replication view. */
final class Truncations implements ClusterObserver {
    record Last(int count, long to, long from) {
    }

    private static final Last NONE = new Last(0, -1, -1);
    private final Map<Integer, Last> last = new HashMap<>();

    Last of(int node) {
        return last.getOrDefault(node, NONE);
    }

    @Override
    public void truncated(int node, long newEndOffset, long removed) {
        last.put(node, new Last(of(node).count() + 1, newEndOffset, newEndOffset + removed));
    }
}
