package io.yakraft.cluster;

import java.util.List;

/**
 * Everything a view needs at one simulated instant, immutable, so a UI thread can draw it
 * while the simulation runs on. {@code cutLinks} holds directed [from, to] pairs.
 */
public record ClusterSnapshot(long seed, long now, long events, List<NodeView> nodes, List<MessageView> inFlight,
                              List<int[]> cutLinks, int leaderId, int leaderEpoch, List<String> violations) {

    public NodeView node(int id) {
        for (NodeView n : nodes) {
            if (n.id() == id) {
                return n;
            }
        }
        throw new IllegalArgumentException("no node " + id);
    }
}
