package io.yakraft.metadata;

import com.fasterxml.jackson.core.JsonProcessingException;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An immutable view of the cluster's metadata after applying every record up to {@code offset}
 * (-1: nothing applied), in the manner of Kafka's MetadataImage. The next image comes from a
 * {@link MetadataDelta}; unchanged brokers and topics are shared by reference, so keeping one
 * image per node and per offset is cheap.
 */
public final class MetadataImage {
    public static final MetadataImage EMPTY = new MetadataImage(-1, new TreeMap<>(), new TreeMap<>(), new TreeMap<>(),
            new TreeMap<>(), 0, new TreeMap<>(), new TreeMap<>());

    private final long offset;
    private final SortedMap<Integer, BrokerRegistration> brokers;
    private final SortedMap<String, TopicImage> topicsByName;
    private final SortedMap<String, String> configs;
    private final SortedMap<String, Short> features;
    private final long nextProducerId;
    private final SortedMap<Integer, ProducerIdBlock> producerBlocks;
    private final SortedMap<Integer, ControllerRegistration> controllers;

    MetadataImage(long offset, SortedMap<Integer, BrokerRegistration> brokers, SortedMap<String, TopicImage> topicsByName,
                  SortedMap<String, String> configs, SortedMap<String, Short> features, long nextProducerId,
                  SortedMap<Integer, ProducerIdBlock> producerBlocks,
                  SortedMap<Integer, ControllerRegistration> controllers) {
        this.offset = offset;
        this.brokers = Collections.unmodifiableSortedMap(brokers);
        this.topicsByName = Collections.unmodifiableSortedMap(topicsByName);
        this.configs = Collections.unmodifiableSortedMap(configs);
        this.features = Collections.unmodifiableSortedMap(features);
        this.nextProducerId = nextProducerId;
        this.producerBlocks = Collections.unmodifiableSortedMap(producerBlocks);
        this.controllers = Collections.unmodifiableSortedMap(controllers);
    }

    /** Offset of the last record applied, -1 for the empty image. */
    public long offset() {
        return offset;
    }

    public SortedMap<Integer, BrokerRegistration> brokers() {
        return brokers;
    }

    public SortedMap<String, TopicImage> topics() {
        return topicsByName;
    }

    public TopicImage topic(Uuid id) {
        for (TopicImage t : topicsByName.values()) {
            if (t.id().equals(id)) {
                return t;
            }
        }
        return null;
    }

    /** Configs keyed "resourceType/resourceName/name". */
    public SortedMap<String, String> configs() {
        return configs;
    }

    public SortedMap<String, Short> features() {
        return features;
    }

    /** The first producer id not yet handed out. */
    public long nextProducerId() {
        return nextProducerId;
    }

    /** The last producer-id block each broker was granted (Kafka's image keeps only the next id; this is for views). */
    public SortedMap<Integer, ProducerIdBlock> producerBlocks() {
        return producerBlocks;
    }

    /** Registered controllers (RegisterControllerRecord), by id. */
    public SortedMap<Integer, ControllerRegistration> controllers() {
        return controllers;
    }

    /** The finalized metadata.version, 0 before the bootstrap records are applied. */
    public short metadataVersion() {
        return features.getOrDefault(KafkaFeatures.METADATA_VERSION, (short) 0);
    }

    public MetadataDelta toDelta() {
        return new MetadataDelta(this);
    }

    /** The image's content as an ordered map (the offset is not content: equal state, equal hash). */
    public Map<String, Object> canonical() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("brokers", brokers);
        m.put("topics", topicsByName);
        m.put("configs", configs);
        m.put("features", features);
        m.put("nextProducerId", nextProducerId);
        m.put("producerBlocks", producerBlocks);
        m.put("controllers", controllers);
        return m;
    }

    /** SHA-256 (hex) of the canonical JSON: equal content gives an equal hash, whatever the history. */
    public String sha256() {
        try {
            byte[] json = MetadataJson.mapper().writeValueAsBytes(canonical());
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash the image", e);
        }
    }

    /** Equal content, whatever the offset or history (as {@link #sha256()}). */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        return o instanceof MetadataImage m && nextProducerId == m.nextProducerId && brokers.equals(m.brokers)
                && topicsByName.equals(m.topicsByName) && configs.equals(m.configs) && features.equals(m.features)
                && producerBlocks.equals(m.producerBlocks) && controllers.equals(m.controllers);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(brokers, topicsByName, configs, features, nextProducerId, producerBlocks, controllers);
    }

    @Override
    public String toString() {
        try {
            return MetadataJson.mapper().writeValueAsString(canonical());
        } catch (JsonProcessingException e) {
            return "MetadataImage@" + offset;
        }
    }

    /** A config of a topic (a ConfigRecord of resource type TOPIC), or null when it is not set. */
    public String topicConfig(String topic, String name) {
        return configs.get(configKey(TopicConfigs.TOPIC_RESOURCE, topic, name));
    }

    /**
     * A cluster-wide broker config (a ConfigRecord of resource type BROKER with the empty name, as the
     * bootstrap writes min.insync.replicas), or null when it is not set.
     */
    public String clusterConfig(String name) {
        return configs.get(configKey(QuorumController.BROKER_RESOURCE, "", name));
    }

    static String configKey(byte type, String resource, String name) {
        return type + "/" + resource + "/" + name;
    }
}
