package io.yakraft.metadata;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
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
    @JsonSubTypes.Type(MetadataRecord.RegisterControllerRecord.class),
    @JsonSubTypes.Type(MetadataRecord.BeginTransactionRecord.class),
    @JsonSubTypes.Type(MetadataRecord.EndTransactionRecord.class),
    @JsonSubTypes.Type(MetadataRecord.ClearElrRecord.class),
    @JsonSubTypes.Type(MetadataRecord.LeaderChangeRecord.class)
})
public sealed interface MetadataRecord {
    /** PartitionChangeRecord.Leader: -2 leaves the leader unchanged, -1 means no leader. */
    int NO_LEADER_CHANGE = -2;
    int NO_LEADER = -1;

    /** LeaderRecoveryState (Kafka's enum of that name): the leader holds every committed record. */
    byte RECOVERED = 0;
    /** LeaderRecoveryState: an unclean leader is still recovering; only it is in the ISR. */
    byte RECOVERING = 1;
    /** PartitionChangeRecord.LeaderRecoveryState: no change. */
    byte NO_RECOVERY_STATE_CHANGE = -1;

    @JsonIgnore
    int apiKey();

    /**
     * A listener (BrokerEndpoint and ControllerEndpoint in the schemas); {@code securityProtocol} is
     * Kafka's int16 id (see {@link SecurityProtocol}).
     */
    record Endpoint(String name, String host, int port, short securityProtocol) {
    }

    /** Kafka's SecurityProtocol ids, as the registration records carry them. */
    final class SecurityProtocol {
        public static final short PLAINTEXT = 0;
        public static final short SSL = 1;
        public static final short SASL_PLAINTEXT = 2;
        public static final short SASL_SSL = 3;

        private SecurityProtocol() {
        }

        public static String name(short id) {
            return switch (id) {
                case PLAINTEXT -> "PLAINTEXT";
                case SSL -> "SSL";
                case SASL_PLAINTEXT -> "SASL_PLAINTEXT";
                case SASL_SSL -> "SASL_SSL";
                default -> throw new IllegalArgumentException("no security protocol has id " + id);
            };
        }
    }

    record FeatureRange(String name, short minSupportedVersion, short maxSupportedVersion) {
    }

    /** RegisterBrokerRecord v4: every field of Kafka 4.3's schema; {@code logDirs} are the broker's directory ids. */
    record RegisterBrokerRecord(int brokerId, @JsonProperty("IsMigratingZkBroker") boolean isMigratingZkBroker, Uuid incarnationId, long brokerEpoch,
                                List<Endpoint> endPoints, List<FeatureRange> features, String rack, boolean fenced,
                                boolean inControlledShutdown, List<Uuid> logDirs, List<Uuid> cordonedLogDirs)
            implements MetadataRecord {
        public RegisterBrokerRecord {
            endPoints = List.copyOf(endPoints);
            features = List.copyOf(features);
            logDirs = List.copyOf(logDirs);
            cordonedLogDirs = List.copyOf(cordonedLogDirs);
        }

        /** A KRaft broker (never a migrating ZooKeeper one) with no cordoned directories. */
        public RegisterBrokerRecord(int brokerId, Uuid incarnationId, long brokerEpoch, List<Endpoint> endPoints,
                                    List<FeatureRange> features, String rack, boolean fenced, boolean inControlledShutdown,
                                    List<Uuid> logDirs) {
            this(brokerId, false, incarnationId, brokerEpoch, endPoints, features, rack, fenced, inControlledShutdown,
                    logDirs, List.of());
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

    /**
     * PartitionRecord v2. {@code directories} holds each replica's log directory, in replica order;
     * {@code eligibleLeaderReplicas} and {@code lastKnownElr} are KIP-966's (empty when ELR is off).
     */
    record PartitionRecord(int partitionId, Uuid topicId, List<Integer> replicas, List<Integer> isr,
                           List<Integer> removingReplicas, List<Integer> addingReplicas, int leader,
                           byte leaderRecoveryState, int leaderEpoch, int partitionEpoch, List<Uuid> directories,
                           List<Integer> eligibleLeaderReplicas, List<Integer> lastKnownElr) implements MetadataRecord {
        public PartitionRecord {
            replicas = List.copyOf(replicas);
            isr = List.copyOf(isr);
            removingReplicas = List.copyOf(removingReplicas);
            addingReplicas = List.copyOf(addingReplicas);
            directories = List.copyOf(directories);
            eligibleLeaderReplicas = List.copyOf(eligibleLeaderReplicas);
            lastKnownElr = List.copyOf(lastKnownElr);
        }

        /** A recovered partition with no directories assigned and empty ELR lists. */
        public PartitionRecord(int partitionId, Uuid topicId, List<Integer> replicas, List<Integer> isr,
                               List<Integer> removingReplicas, List<Integer> addingReplicas, int leader, int leaderEpoch,
                               int partitionEpoch) {
            this(partitionId, topicId, replicas, isr, removingReplicas, addingReplicas, leader, RECOVERED, leaderEpoch,
                    partitionEpoch, List.of(), List.of(), List.of());
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

    /**
     * PartitionChangeRecord v2. Null lists leave the field unchanged; {@code leader} -2 leaves it
     * unchanged (any other value, even the current leader, bumps the leader epoch on replay);
     * {@code leaderRecoveryState} -1 leaves it unchanged.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL) // an absent tagged field means "unchanged"
    record PartitionChangeRecord(int partitionId, Uuid topicId, List<Integer> isr, int leader, List<Integer> replicas,
                                 List<Integer> removingReplicas, List<Integer> addingReplicas, byte leaderRecoveryState,
                                 List<Uuid> directories, List<Integer> eligibleLeaderReplicas, List<Integer> lastKnownElr)
            implements MetadataRecord {
        public PartitionChangeRecord {
            isr = isr == null ? null : List.copyOf(isr);
            replicas = replicas == null ? null : List.copyOf(replicas);
            removingReplicas = removingReplicas == null ? null : List.copyOf(removingReplicas);
            addingReplicas = addingReplicas == null ? null : List.copyOf(addingReplicas);
            directories = directories == null ? null : List.copyOf(directories);
            eligibleLeaderReplicas = eligibleLeaderReplicas == null ? null : List.copyOf(eligibleLeaderReplicas);
            lastKnownElr = lastKnownElr == null ? null : List.copyOf(lastKnownElr);
        }

        /** A change of ISR, leader or replicas only (recovery state, directories and ELR unchanged). */
        public PartitionChangeRecord(int partitionId, Uuid topicId, List<Integer> isr, int leader, List<Integer> replicas,
                                     List<Integer> removingReplicas, List<Integer> addingReplicas) {
            this(partitionId, topicId, isr, leader, replicas, removingReplicas, addingReplicas, NO_RECOVERY_STATE_CHANGE,
                    null, null, null);
        }

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

    /**
     * BrokerRegistrationChangeRecord v3. {@code fenced} and {@code inControlledShutdown}: -1 clear,
     * 0 no change, 1 set; null lists leave the directories unchanged.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record BrokerRegistrationChangeRecord(int brokerId, long brokerEpoch, byte fenced, byte inControlledShutdown,
                                          List<Uuid> logDirs, List<Uuid> cordonedLogDirs) implements MetadataRecord {
        public static final byte CLEAR = -1;
        public static final byte NO_CHANGE = 0;
        public static final byte SET = 1;

        public BrokerRegistrationChangeRecord {
            logDirs = logDirs == null ? null : List.copyOf(logDirs);
            cordonedLogDirs = cordonedLogDirs == null ? null : List.copyOf(cordonedLogDirs);
        }

        /** A change of the fenced or controlled-shutdown flag only. */
        public BrokerRegistrationChangeRecord(int brokerId, long brokerEpoch, byte fenced, byte inControlledShutdown) {
            this(brokerId, brokerEpoch, fenced, inControlledShutdown, null, null);
        }

        public int apiKey() {
            return 17;
        }
    }

    record NoOpRecord() implements MetadataRecord {
        public int apiKey() {
            return 20;
        }
    }

    /**
     * RegisterControllerRecord v0 (apiKey 27): a controller's incarnation, listeners and supported
     * features, written once it has registered with the active controller (ControllerRegistration RPC).
     */
    record RegisterControllerRecord(int controllerId, Uuid incarnationId, boolean zkMigrationReady,
                                    List<Endpoint> endPoints, List<FeatureRange> features) implements MetadataRecord {
        public RegisterControllerRecord {
            endPoints = List.copyOf(endPoints);
            features = List.copyOf(features);
        }

        public int apiKey() {
            return 27;
        }
    }

    /**
     * BeginTransactionRecord v0 (apiKey 23, KIP-868): the records up to the matching
     * EndTransactionRecord are one metadata transaction; the bootstrap records are one, named
     * "Bootstrap records" (ActivationRecordsGenerator.recordsForEmptyLog).
     */
    record BeginTransactionRecord(String name) implements MetadataRecord {
        public int apiKey() {
            return 23;
        }
    }

    /** EndTransactionRecord v0 (apiKey 24, KIP-868): the open metadata transaction is complete. */
    record EndTransactionRecord() implements MetadataRecord {
        public int apiKey() {
            return 24;
        }
    }

    /**
     * ClearElrRecord v0 (apiKey 28): clears ELR and LastKnownElr of every partition of
     * {@code topicName}, or of every topic when it is empty; written after a min.insync.replicas
     * change (ConfigurationControlManager.createClearElrRecordsAsNeeded).
     */
    record ClearElrRecord(String topicName) implements MetadataRecord {
        public int apiKey() {
            return 28;
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
