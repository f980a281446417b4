package io.yakraft.data;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Small metadata images for core tests: one topic, its partitions as given, every listed broker eligible. */
final class Images {
    static final TopicId ORDERS_ID = new TopicId(7, 11);

    private Images() {
    }

    static PartitionState partition(int leader, int leaderEpoch, int partitionEpoch, List<Integer> replicas, List<Integer> isr) {
        return new PartitionState(replicas, isr, leader, leaderEpoch, partitionEpoch);
    }

    static DataImage orders(Set<Integer> eligible, PartitionState... partitions) {
        TreeMap<Integer, PartitionState> byNumber = new TreeMap<>();
        for (int i = 0; i < partitions.length; i++) {
            byNumber.put(i, partitions[i]);
        }
        return new DataImage(new TreeMap<>(Map.of("orders", new TopicLayout(ORDERS_ID, "orders", byNumber))), eligible);
    }

    static TopicPartition orders(int partition) {
        return new TopicPartition(ORDERS_ID, "orders", partition);
    }
}
