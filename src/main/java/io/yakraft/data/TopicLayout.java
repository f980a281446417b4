package io.yakraft.data;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/** One topic as a broker's metadata says it is: its id, its name and its partitions by number. */
public record TopicLayout(TopicId id, String name, SortedMap<Integer, PartitionState> partitions) {
    public TopicLayout {
        partitions = Collections.unmodifiableSortedMap(new TreeMap<>(partitions));
    }

    public TopicPartition partition(int partition) {
        return new TopicPartition(id, name, partition);
    }
}
