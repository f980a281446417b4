package io.yakraft.metadata;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Striped, rack-aware replica placement in the manner of Kafka's StripedReplicaPlacer: the
 * usable brokers are ordered so that neighbours sit in different racks where possible
 * (rack A's first, rack B's first, ..., rack A's second, ...), a seeded random start picks
 * where the stripe begins, and partition p takes the rf brokers from start + p on. Leaders
 * (the first replica) therefore spread evenly and replicas of a partition span racks.
 */
public final class ReplicaPlacer {
    private ReplicaPlacer() {
    }

    /**
     * Replicas for partitions {@code first .. first + count - 1}. The brokers must be the
     * unfenced ones; the caller checked {@code 1 <= rf <= brokers.size()}.
     */
    public static List<List<Integer>> place(int first, int count, int rf, Collection<BrokerRegistration> brokers,
                                            SplittableRandom random) {
        List<Integer> order = rackAlternating(brokers);
        if (rf < 1 || rf > order.size()) {
            throw new IllegalArgumentException("replication factor " + rf + " with " + order.size() + " usable broker(s)");
        }
        int start = random.nextInt(order.size());
        List<List<Integer>> out = new ArrayList<>(count);
        for (int p = first; p < first + count; p++) {
            List<Integer> replicas = new ArrayList<>(rf);
            for (int r = 0; r < rf; r++) {
                replicas.add(order.get((start + p + r) % order.size()));
            }
            out.add(List.copyOf(replicas));
        }
        return out;
    }

    /** Brokers grouped by rack (no rack is a rack of its own), then dealt one per rack in turn. */
    static List<Integer> rackAlternating(Collection<BrokerRegistration> brokers) {
        TreeMap<String, List<Integer>> byRack = new TreeMap<>();
        for (BrokerRegistration b : brokers) {
            byRack.computeIfAbsent(b.rack() == null ? "" : b.rack(), k -> new ArrayList<>()).add(b.id());
        }
        byRack.values().forEach(l -> l.sort(Integer::compare));
        List<Integer> order = new ArrayList<>();
        for (int round = 0; order.size() < brokers.size(); round++) {
            for (List<Integer> rack : byRack.values()) {
                if (round < rack.size()) {
                    order.add(rack.get(round));
                }
            }
        }
        return order;
    }
}
