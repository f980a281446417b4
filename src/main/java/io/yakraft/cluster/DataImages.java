package io.yakraft.cluster;

import io.yakraft.data.DataImage;
import io.yakraft.data.PartitionState;
import io.yakraft.data.TopicLayout;
import io.yakraft.metadata.BrokerRegistration;
import io.yakraft.metadata.MetadataImage;
import io.yakraft.metadata.PartitionRegistration;
import io.yakraft.metadata.TopicImage;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Each node's metadata image as the data plane reads it: translated once per new image (the
 * same {@link MetadataImage} gives the same {@link DataImage} object, so the replica manager
 * tells a change by identity), topics the image shares with the previous one reused.
 */
final class DataImages {
    private record Translated(MetadataImage from, DataImage to, Map<TopicImage, TopicLayout> layouts) {
    }

    private final NodeImages images;
    private final Map<Integer, Translated> last = new HashMap<>();

    DataImages(NodeImages images) {
        this.images = images;
    }

    /** The node's current image, translated. */
    DataImage of(int node) {
        MetadataImage image = images.image(node);
        Translated t = last.get(node);
        if (t == null || t.from() != image) {
            t = translate(image, t == null ? Map.of() : t.layouts());
            last.put(node, t);
        }
        return t.to();
    }

    private static Translated translate(MetadataImage image, Map<TopicImage, TopicLayout> previous) {
        Map<TopicImage, TopicLayout> layouts = new IdentityHashMap<>(); // images share unchanged topics by reference
        TreeMap<String, TopicLayout> topics = new TreeMap<>();
        for (TopicImage t : image.topics().values()) {
            TopicLayout layout = previous.get(t);
            int minIsr = io.yakraft.metadata.TopicConfigs.minInsyncReplicas(image, t.name(), 0);
            if (layout == null || layout.minInsyncReplicas() != minIsr) {
                layout = layout(t, minIsr);
            }
            layouts.put(t, layout);
            topics.put(t.name(), layout);
        }
        Set<Integer> eligible = new TreeSet<>();
        for (Map.Entry<Integer, BrokerRegistration> e : image.brokers().entrySet()) {
            // the controller only lets registered, unfenced brokers that are not shutting down join an ISR
            if (!e.getValue().fenced() && !e.getValue().inControlledShutdown()) {
                eligible.add(e.getKey());
            }
        }
        return new Translated(image, new DataImage(topics, eligible), layouts);
    }

    private static TopicLayout layout(TopicImage t, int minInsyncReplicas) {
        TreeMap<Integer, PartitionState> partitions = new TreeMap<>();
        for (Map.Entry<Integer, PartitionRegistration> e : t.partitions().entrySet()) {
            PartitionRegistration p = e.getValue();
            partitions.put(e.getKey(), new PartitionState(p.replicas(), p.isr(), p.leader(), p.leaderEpoch(),
                    p.partitionEpoch()));
        }
        return new TopicLayout(TopicIds.topicId(t.id()), t.name(), partitions, minInsyncReplicas);
    }
}
