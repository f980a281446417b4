package io.yakraft.metadata;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** A topic and its partitions, immutable; images share unchanged topics by reference. */
public record TopicImage(String name, Uuid id, Map<Integer, PartitionRegistration> partitions) {
    public TopicImage {
        partitions = Collections.unmodifiableMap(new TreeMap<>(partitions));
    }
}
