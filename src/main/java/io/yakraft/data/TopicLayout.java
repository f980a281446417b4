package io.yakraft.data;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One topic as a broker's metadata says it is: its id, its name, its partitions by number and its
 * min.insync.replicas topic config ({@code 0}: not set, the broker's default applies).
 */
public record TopicLayout(TopicId id, String name, SortedMap<Integer, PartitionState> partitions, int minInsyncReplicas) {
    public TopicLayout {
        partitions = Collections.unmodifiableSortedMap(new TreeMap<>(partitions));
        if (minInsyncReplicas < 0) {
            throw new IllegalArgumentException("min.insync.replicas is at least 1 (0: the broker's), got " + minInsyncReplicas);
        }
    }

    /** A topic without a min.insync.replicas of its own. */
    public TopicLayout(TopicId id, String name, SortedMap<Integer, PartitionState> partitions) {
        this(id, name, partitions, 0);
    }

    public TopicPartition partition(int partition) {
        return new TopicPartition(id, name, partition);
    }

    /** The min.insync.replicas in force: the topic's, else {@code brokerDefault}. */
    public int minInsyncReplicas(int brokerDefault) {
        return minInsyncReplicas > 0 ? minInsyncReplicas : brokerDefault;
    }
}
