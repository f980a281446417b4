package io.yakraft.cluster;

import io.yakraft.metadata.MetadataImage;
import io.yakraft.metadata.TopicImage;

/**
 * How many records Kafka's SnapshotGenerator writes for an image (MetadataImage.write): one
 * FeatureLevelRecord per feature, one registration per broker and controller, a TopicRecord and
 * a PartitionRecord per partition for each topic, a ConfigRecord per config, a ProducerIdsRecord.
 * The simulation keeps the image whole; this count is the snapshot's size for FetchSnapshot
 * chunks and for metadata.max.retention.
 */
final class ImageRecords {
    private ImageRecords() {
    }

    static int count(MetadataImage image) {
        int n = image.features().size() + image.brokers().size() + image.controllers().size() + image.configs().size();
        for (TopicImage t : image.topics().values()) {
            n += 1 + t.partitions().size();
        }
        if (image.nextProducerId() > 0) {
            n++;
        }
        return Math.max(1, n);
    }
}
