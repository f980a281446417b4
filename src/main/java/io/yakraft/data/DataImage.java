package io.yakraft.data;

import java.util.Collections;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the data plane reads of one broker's metadata image: the topics by name and the brokers
 * the controller would let join an ISR (registered, unfenced, not shutting down). Immutable; a
 * new image is a new object, so a replica manager tells a change by identity.
 */
public record DataImage(SortedMap<String, TopicLayout> topics, Set<Integer> isrEligibleBrokers) {
    public static final DataImage EMPTY = new DataImage(new TreeMap<>(), Set.of());

    public DataImage {
        topics = Collections.unmodifiableSortedMap(new TreeMap<>(topics));
        isrEligibleBrokers = Collections.unmodifiableSet(new TreeSet<>(isrEligibleBrokers));
    }

    /** The topic of that name, or null. */
    public TopicLayout topic(String name) {
        return topics.get(name);
    }

    public boolean isrEligible(int broker) {
        return isrEligibleBrokers.contains(broker);
    }
}
