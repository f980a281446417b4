package io.yakraft.data;

import java.util.Comparator;

/**
 * One partition of one incarnation of a topic: the topic id tells a deleted topic from a new
 * one of the same name, so a replica never mixes their records.
 */
public record TopicPartition(TopicId topicId, String topic, int partition) {
    /** By topic name, then partition, then topic id (as written): the order brokers walk their replicas in. */
    public static final Comparator<TopicPartition> ORDER = TopicPartition::compare;

    private static int compare(TopicPartition a, TopicPartition b) {
        int c = a.topic().compareTo(b.topic());
        if (c == 0) {
            c = Integer.compare(a.partition(), b.partition());
        }
        return c != 0 ? c : TopicId.compareAsWritten(a.topicId(), b.topicId());
    }

    @Override
    public String toString() {
        return topic + "-" + partition;
    }
}
