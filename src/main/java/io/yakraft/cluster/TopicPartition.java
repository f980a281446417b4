package io.yakraft.cluster;

import io.yakraft.metadata.Uuid;

/**
 * One partition of one incarnation of a topic: the topic id tells a deleted topic from a new
 * one of the same name, so a replica never mixes their records.
 */
public record TopicPartition(Uuid topicId, String topic, int partition) {
    @Override
    public String toString() {
        return topic + "-" + partition;
    }
}
