package io.yakraft.cluster;

import io.yakraft.data.TopicId;
import io.yakraft.data.TopicPartition;
import io.yakraft.metadata.TopicImage;
import io.yakraft.metadata.Uuid;

/** Between the metadata's topic ids and the data plane's: the same 128 bits on both sides. */
public final class TopicIds {
    private TopicIds() {
    }

    public static TopicId topicId(Uuid uuid) {
        return new TopicId(uuid.mostSignificantBits(), uuid.leastSignificantBits());
    }

    public static Uuid uuid(TopicId id) {
        return new Uuid(id.mostSignificantBits(), id.leastSignificantBits());
    }

    /** Partition {@code partition} of this incarnation of the topic, as the data plane names it. */
    public static TopicPartition partition(TopicImage topic, int partition) {
        return new TopicPartition(topicId(topic.id()), topic.name(), partition);
    }
}
