package io.yakraft.check;

import io.yakraft.metadata.BrokerRegistration;
import io.yakraft.metadata.MetadataImage;
import io.yakraft.metadata.TopicImage;

import java.util.Map;
import java.util.TreeMap;

/** A summary of one node's metadata image at the end of a run. {@code brokers}: id → fenced. */
public record NodeMetadata(boolean live, long appliedOffset, Map<Integer, Boolean> brokers, int topics, int partitions,
                           String imageSha256) {

    public static NodeMetadata of(boolean live, long appliedOffset, MetadataImage image) {
        Map<Integer, Boolean> brokers = new TreeMap<>();
        for (BrokerRegistration b : image.brokers().values()) {
            brokers.put(b.id(), b.fenced());
        }
        int partitions = 0;
        for (TopicImage t : image.topics().values()) {
            partitions += t.partitions().size();
        }
        return new NodeMetadata(live, appliedOffset, Map.copyOf(brokers), image.topics().size(), partitions, image.sha256());
    }

    /** True when every live node applied the same offset and holds the same image. */
    public static boolean converged(Map<Integer, NodeMetadata> nodes) {
        NodeMetadata first = null;
        for (NodeMetadata m : nodes.values()) {
            if (!m.live()) {
                continue;
            }
            if (first == null) {
                first = m;
            } else if (Math.abs(m.appliedOffset() - first.appliedOffset()) > 2 || !m.imageSha256().equals(first.imageSha256())) {
                // equal images; an offset apart by the last NoOpRecords or so still on their way
                return false;
            }
        }
        return true;
    }
}
