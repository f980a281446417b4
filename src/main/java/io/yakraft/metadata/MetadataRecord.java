package io.yakraft.metadata;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.util.List;

/**
 * Kafka's metadata records, field for field after the schemas in Kafka's
 * {@code metadata/src/main/resources/common/metadata/} (JSON names are the schemas' PascalCase
 * names; see {@link MetadataJson}). {@code apiKey()} is the schema's apiKey.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(MetadataRecord.RegisterBrokerRecord.class),
    @JsonSubTypes.Type(MetadataRecord.UnregisterBrokerRecord.class),
    @JsonSubTypes.Type(MetadataRecord.TopicRecord.class),
    @JsonSubTypes.Type(MetadataRecord.PartitionRecord.class),
    @JsonSubTypes.Type(MetadataRecord.ConfigRecord.class),
    @JsonSubTypes.Type(MetadataRecord.PartitionChangeRecord.class),
    @JsonSubTypes.Type(MetadataRecord.FenceBrokerRecord.class),
    @JsonSubTypes.Type(MetadataRecord.UnfenceBrokerRecord.class),
    @JsonSubTypes.Type(MetadataRecord.RemoveTopicRecord.class),
    @JsonSubTypes.Type(MetadataRecord.FeatureLevelRecord.class),
    @JsonSubTypes.Type(MetadataRecord.ProducerIdsRecord.class),
    @JsonSubTypes.Type(MetadataRecord.BrokerRegistrationChangeRecord.class),
    @JsonSubTypes.Type(MetadataRecord.NoOpRecord.class),
    @JsonSubTypes.Type(MetadataRecord.LeaderChangeRecord.class)
})
public sealed interface MetadataRecord {
    /** PartitionChangeRecord.Leader: -2 leaves the leader unchanged, -1 means no leader. */
    int NO_LEADER_CHANGE = -2;
    int NO_LEADER = -1;

    @JsonIgnore
    int apiKey();

    record Endpoint(String name, String host, int port, String securityProtocol) {
    }

    record FeatureRange(String name, short minSupportedVersion, short maxSupportedVersion) {
    }

    record RegisterBrokerRecord(int brokerId, Uuid incarnationId, long brokerEpoch, List<Endpoint> endPoints,
                                List<FeatureRange> features, String rack, boolean fenced, boolean inControlledShutdown,
                                List<Uuid> logDirs) implements MetadataRecord {
        public RegisterBrokerRecord {
            endPoints = List.copyOf(endPoints);
            features = List.copyOf(features);
            logDirs = List.copyOf(logDirs);
        }

        public int apiKey() {
            return 0;
        }
    }

    record UnregisterBrokerRecord(int brokerId, long brokerEpoch) implements MetadataRecord {
        public int apiKey() {
            return 1;
        }
    }

    record TopicRecord(String name, Uuid topicId) implements MetadataRecord {
        public int apiKey() {
            return 2;
        }
    }

    record PartitionRecord(int partitionId, Uuid topicId, List<Integer> replicas, List<Integer> isr,
                           List<Integer> removingReplicas, List<Integer> addingReplicas, int leader, int leaderEpoch,
                           int partitionEpoch) implements MetadataRecord {
        public PartitionRecord {
            replicas = List.copyOf(replicas);
            isr = List.copyOf(isr);
            removingReplicas = List.copyOf(removingReplicas);
            addingReplicas = List.copyOf(addingReplicas);
        }

        public int apiKey() {
            return 3;
        }
    }

    record ConfigRecord(byte resourceType, String resourceName, String name, String value) implements MetadataRecord {
        public int apiKey() {
            return 4;
        }
    }

    /** Null lists leave the field unchanged; {@code leader} -2 leaves it unchanged, -1 clears it. */
    record PartitionChangeRecord(int partitionId, Uuid topicId, List<Integer> isr, int leader, List<Integer> replicas,
                                 List<Integer> removingReplicas, List<Integer> addingReplicas) implements MetadataRecord {
        public int apiKey() {
            return 5;
        }
    }

    record FenceBrokerRecord(int id, long epoch) implements MetadataRecord {
        public int apiKey() {
            return 7;
        }
    }

    record UnfenceBrokerRecord(int id, long epoch) implements MetadataRecord {
        public int apiKey() {
            return 8;
        }
    }

    record RemoveTopicRecord(Uuid topicId) implements MetadataRecord {
        public int apiKey() {
            return 9;
        }
    }

    record FeatureLevelRecord(String name, short featureLevel) implements MetadataRecord {
        public int apiKey() {
            return 12;
        }
    }

    /** {@code nextProducerId}: the first id not yet handed out (ProducerIdsEnd in older schema versions). */
    record ProducerIdsRecord(int brokerId, long brokerEpoch, long nextProducerId) implements MetadataRecord {
        public int apiKey() {
            return 15;
        }
    }

    /** {@code fenced}: -1 unfence, 0 no change, 1 fence. */
    record BrokerRegistrationChangeRecord(int brokerId, long brokerEpoch, byte fenced, byte inControlledShutdown)
            implements MetadataRecord {
        public int apiKey() {
            return 17;
        }
    }

    record NoOpRecord() implements MetadataRecord {
        public int apiKey() {
            return 20;
        }
    }

    /** The control record a new leader writes (Kafka's LeaderChangeMessage), kept in the metadata stream for display. */
    record LeaderChangeRecord(short version, int leaderId, List<Integer> voters, List<Integer> grantingVoters)
            implements MetadataRecord {
        public LeaderChangeRecord {
            voters = List.copyOf(voters);
            grantingVoters = List.copyOf(grantingVoters);
        }

        public int apiKey() {
            return -1; // a control record, not a metadata apiKey
        }
    }
}
