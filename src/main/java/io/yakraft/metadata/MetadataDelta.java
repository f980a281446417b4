package io.yakraft.metadata;

import io.yakraft.metadata.MetadataRecord.BrokerRegistrationChangeRecord;
import io.yakraft.metadata.MetadataRecord.ConfigRecord;
import io.yakraft.metadata.MetadataRecord.FeatureLevelRecord;
import io.yakraft.metadata.MetadataRecord.FenceBrokerRecord;
import io.yakraft.metadata.MetadataRecord.LeaderChangeRecord;
import io.yakraft.metadata.MetadataRecord.NoOpRecord;
import io.yakraft.metadata.MetadataRecord.PartitionChangeRecord;
import io.yakraft.metadata.MetadataRecord.PartitionRecord;
import io.yakraft.metadata.MetadataRecord.ProducerIdsRecord;
import io.yakraft.metadata.MetadataRecord.RegisterBrokerRecord;
import io.yakraft.metadata.MetadataRecord.RegisterControllerRecord;
import io.yakraft.metadata.MetadataRecord.RemoveTopicRecord;
import io.yakraft.metadata.MetadataRecord.TopicRecord;
import io.yakraft.metadata.MetadataRecord.UnfenceBrokerRecord;
import io.yakraft.metadata.MetadataRecord.UnregisterBrokerRecord;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Replays committed records on top of an image, as Kafka's MetadataDelta does, and yields
 * the next image. Maps are copied on first write and only changed topics are rebuilt, so the
 * new image shares everything else with the old one. Records that name unknown brokers or
 * topics are rejected: a committed log that does so is corrupt.
 */
public final class MetadataDelta {
    private final MetadataImage base;
    private long offset;
    private TreeMap<Integer, BrokerRegistration> brokers;
    private TreeMap<String, TopicImage> topics;
    private TreeMap<String, String> configs;
    private TreeMap<String, Short> features;
    private long nextProducerId;
    private TreeMap<Integer, ProducerIdBlock> producerBlocks;
    private TreeMap<Integer, ControllerRegistration> controllers;
    /** Topics changed in this delta, by id: name and partitions being rebuilt. */
    private final Map<Uuid, TreeMap<Integer, PartitionRegistration>> changedPartitions = new HashMap<>();
    private final Map<Uuid, String> changedNames = new HashMap<>();

    MetadataDelta(MetadataImage base) {
        this.base = base;
        this.offset = base.offset();
        this.nextProducerId = base.nextProducerId();
    }

    /** Applies one committed record found at {@code recordOffset}. */
    public MetadataDelta replay(long recordOffset, MetadataRecord record) {
        if (recordOffset <= offset) {
            throw new IllegalArgumentException("record at " + recordOffset + " is not after the image's offset " + offset);
        }
        offset = recordOffset;
        if (record instanceof RegisterBrokerRecord r) {
            brokers().put(r.brokerId(), new BrokerRegistration(r.brokerId(), r.brokerEpoch(), r.incarnationId(), r.endPoints(),
                    r.rack(), r.fenced(), r.inControlledShutdown(), r.logDirs()));
        } else if (record instanceof UnregisterBrokerRecord r) {
            broker(r.brokerId(), r.brokerEpoch(), record);
            brokers().remove(r.brokerId());
        } else if (record instanceof FenceBrokerRecord r) {
            brokers().put(r.id(), broker(r.id(), r.epoch(), record).withFenced(true));
        } else if (record instanceof UnfenceBrokerRecord r) {
            brokers().put(r.id(), broker(r.id(), r.epoch(), record).withFenced(false));
        } else if (record instanceof BrokerRegistrationChangeRecord r) {
            BrokerRegistration b = broker(r.brokerId(), r.brokerEpoch(), record);
            if (r.fenced() != 0) {
                b = b.withFenced(r.fenced() > 0);
            }
            if (r.inControlledShutdown() != 0) {
                b = b.withControlledShutdown(r.inControlledShutdown() > 0);
            }
            if (r.logDirs() != null) {
                b = b.withLogDirs(r.logDirs());
            }
            brokers().put(r.brokerId(), b);
        } else if (record instanceof TopicRecord r) {
            if (topics().containsKey(r.name())) {
                throw new IllegalArgumentException("TopicRecord for existing topic " + r.name());
            }
            changedNames.put(r.topicId(), r.name());
            changedPartitions.put(r.topicId(), new TreeMap<>());
            topics().put(r.name(), new TopicImage(r.name(), r.topicId(), Map.of()));
        } else if (record instanceof PartitionRecord r) {
            partitions(r.topicId(), record).put(r.partitionId(), PartitionRegistration.of(r));
        } else if (record instanceof PartitionChangeRecord r) {
            TreeMap<Integer, PartitionRegistration> ps = partitions(r.topicId(), record);
            PartitionRegistration p = ps.get(r.partitionId());
            if (p == null) {
                throw new IllegalArgumentException(record + " names an unknown partition");
            }
            ps.put(r.partitionId(), p.merge(r));
        } else if (record instanceof RemoveTopicRecord r) {
            String name = nameOf(r.topicId(), record);
            topics().remove(name);
            changedPartitions.remove(r.topicId());
            changedNames.remove(r.topicId());
            // as Kafka's ConfigurationsDelta: the topic's configs go with it
            String prefix = MetadataImage.configKey(TopicConfigs.TOPIC_RESOURCE, name, "");
            if (base.configs().keySet().stream().anyMatch(k -> k.startsWith(prefix))
                    || (configs != null && configs.keySet().stream().anyMatch(k -> k.startsWith(prefix)))) {
                configs().keySet().removeIf(k -> k.startsWith(prefix));
            }
        } else if (record instanceof ConfigRecord r) {
            String key = MetadataImage.configKey(r.resourceType(), r.resourceName(), r.name());
            if (r.value() == null) {
                configs().remove(key);
            } else {
                configs().put(key, r.value());
            }
        } else if (record instanceof FeatureLevelRecord r) {
            features().put(r.name(), r.featureLevel());
        } else if (record instanceof ProducerIdsRecord r) {
            if (r.nextProducerId() < nextProducerId) {
                throw new IllegalArgumentException(record + " moves producer ids backwards from " + nextProducerId);
            }
            if (producerBlocks == null) {
                producerBlocks = new TreeMap<>(base.producerBlocks());
            }
            producerBlocks.put(r.brokerId(), new ProducerIdBlock(r.brokerId(), r.brokerEpoch(), nextProducerId,
                    r.nextProducerId()));
            nextProducerId = r.nextProducerId();
        } else if (record instanceof RegisterControllerRecord r) {
            if (controllers == null) {
                controllers = new TreeMap<>(base.controllers());
            }
            controllers.put(r.controllerId(), new ControllerRegistration(r.controllerId(), r.incarnationId(),
                    r.endPoints(), r.features()));
        } else if (record instanceof MetadataRecord.ClearElrRecord r) {
            // TopicsDelta.replay(ClearElrRecord): each partition holding an ELR or LastKnownElr takes a
            // change that empties both (a new partition epoch, the same leader epoch)
            for (TopicImage t : topics().values()) {
                if (!r.topicName().isEmpty() && !r.topicName().equals(t.name())) {
                    continue;
                }
                TreeMap<Integer, PartitionRegistration> ps = partitions(t.id(), record);
                for (Map.Entry<Integer, PartitionRegistration> e : new TreeMap<>(ps).entrySet()) {
                    PartitionRegistration p = e.getValue();
                    if (!p.eligibleLeaderReplicas().isEmpty() || !p.lastKnownElr().isEmpty()) {
                        ps.put(e.getKey(), p.merge(new PartitionChangeRecord(e.getKey(), t.id(), null,
                                MetadataRecord.NO_LEADER_CHANGE, null, null, null, MetadataRecord.NO_RECOVERY_STATE_CHANGE,
                                null, java.util.List.of(), java.util.List.of())));
                    }
                }
            }
            if (!r.topicName().isEmpty() && !topics().containsKey(r.topicName())) {
                throw new IllegalArgumentException(record + " names an unknown topic");
            }
        } else if (record instanceof NoOpRecord || record instanceof LeaderChangeRecord) {
            // Only move the offset: a no-op keeps the log alive, a leader change is for display.
        } else if (record instanceof MetadataRecord.BeginTransactionRecord
                || record instanceof MetadataRecord.EndTransactionRecord) {
            // Only move the offset. Kafka's MetadataLoader holds an image back while a transaction is
            // open; ours never opens one across batches (the bootstrap transaction is one batch).
        } else {
            // Java 17 has no pattern switch: every type of the sealed hierarchy is named above, and
            // a type added later must be handled here, not skipped.
            throw new IllegalStateException("unhandled metadata record at " + recordOffset + ": " + record);
        }
        return this;
    }

    /** The image with every replayed record applied. */
    public MetadataImage apply() {
        TreeMap<String, TopicImage> t = topics == null ? new TreeMap<>(base.topics()) : topics;
        for (Map.Entry<Uuid, TreeMap<Integer, PartitionRegistration>> e : changedPartitions.entrySet()) {
            String name = changedNames.get(e.getKey());
            t.put(name, new TopicImage(name, e.getKey(), e.getValue()));
        }
        return new MetadataImage(offset,
                brokers == null ? new TreeMap<>(base.brokers()) : brokers, t,
                configs == null ? new TreeMap<>(base.configs()) : configs,
                features == null ? new TreeMap<>(base.features()) : features,
                nextProducerId, producerBlocks == null ? new TreeMap<>(base.producerBlocks()) : producerBlocks,
                controllers == null ? new TreeMap<>(base.controllers()) : controllers);
    }

    private BrokerRegistration broker(int id, long epoch, MetadataRecord record) {
        BrokerRegistration b = brokers().get(id);
        if (b == null || b.epoch() != epoch) {
            throw new IllegalArgumentException(record + " names broker " + id + " epoch " + epoch + ", registered: " + b);
        }
        return b;
    }

    private String nameOf(Uuid topicId, MetadataRecord record) {
        if (changedNames.containsKey(topicId)) {
            return changedNames.get(topicId);
        }
        TopicImage t = base.topic(topicId);
        if (t == null || !topics().containsKey(t.name())) {
            throw new IllegalArgumentException(record + " names an unknown topic " + topicId);
        }
        return t.name();
    }

    private TreeMap<Integer, PartitionRegistration> partitions(Uuid topicId, MetadataRecord record) {
        TreeMap<Integer, PartitionRegistration> ps = changedPartitions.get(topicId);
        if (ps == null) {
            String name = nameOf(topicId, record);
            ps = new TreeMap<>(topics().get(name).partitions());
            changedPartitions.put(topicId, ps);
            changedNames.put(topicId, name);
        }
        return ps;
    }

    private TreeMap<Integer, BrokerRegistration> brokers() {
        if (brokers == null) {
            brokers = new TreeMap<>(base.brokers());
        }
        return brokers;
    }

    private TreeMap<String, TopicImage> topics() {
        if (topics == null) {
            topics = new TreeMap<>(base.topics());
        }
        return topics;
    }

    private TreeMap<String, String> configs() {
        if (configs == null) {
            configs = new TreeMap<>(base.configs());
        }
        return configs;
    }

    private TreeMap<String, Short> features() {
        if (features == null) {
            features = new TreeMap<>(base.features());
        }
        return features;
    }
}
