package io.yakraft.metadata;

import java.util.List;
import java.util.Map;

/**
 * The requests the active controller serves (Kafka's BrokerRegistration, BrokerHeartbeat,
 * UnregisterBroker, CreateTopics, CreatePartitions, DeleteTopics, AllocateProducerIds and
 * AlterPartition RPCs). CreateTopic and DeleteTopic carry one topic each: a batch is several
 * commands, which keeps every answer about exactly one thing.
 */
public sealed interface ControllerCommand {

    /** A short name for traces and views ("CreateTopic(orders)"). */
    String describe();

    /** {@code logDirs}: the ids of the broker's log directories (one per directory, kept in meta.properties). */
    /**
     * {@code previousBrokerEpoch}: the epoch this broker's last incarnation held when it shut down
     * cleanly (Kafka reads it from the clean shutdown file), -1 after a crash or on a first start.
     */
    record RegisterBroker(int brokerId, Uuid incarnationId, List<MetadataRecord.Endpoint> listeners, String rack,
                          List<Uuid> logDirs, long previousBrokerEpoch) implements ControllerCommand {
        public RegisterBroker {
            listeners = List.copyOf(listeners);
            logDirs = List.copyOf(logDirs);
        }

        public RegisterBroker(int brokerId, Uuid incarnationId, List<MetadataRecord.Endpoint> listeners, String rack,
                              List<Uuid> logDirs) {
            this(brokerId, incarnationId, listeners, rack, logDirs, -1);
        }

        public RegisterBroker(int brokerId, Uuid incarnationId, List<MetadataRecord.Endpoint> listeners, String rack) {
            this(brokerId, incarnationId, listeners, rack, List.of(), -1);
        }

        public String describe() {
            return "RegisterBroker(b" + brokerId + ")";
        }
    }

    /** A controller registers its incarnation and listeners (Kafka: ControllerRegistration, KIP-919). */
    record RegisterController(int controllerId, Uuid incarnationId, List<MetadataRecord.Endpoint> listeners)
            implements ControllerCommand {
        public RegisterController {
            listeners = List.copyOf(listeners);
        }

        public String describe() {
            return "ControllerRegistration(c" + controllerId + ")";
        }
    }

    record BrokerHeartbeat(int brokerId, long brokerEpoch, long currentMetadataOffset, boolean wantFence,
                           boolean wantShutdown) implements ControllerCommand {
        public String describe() {
            return "BrokerHeartbeat(b" + brokerId + ", epoch " + brokerEpoch + ", offset " + currentMetadataOffset + ")";
        }
    }

    record UnregisterBroker(int brokerId) implements ControllerCommand {
        public String describe() {
            return "UnregisterBroker(b" + brokerId + ")";
        }
    }

    /**
     * Either {@code partitions} and {@code replicationFactor}, or an explicit {@code assignment}
     * (partition → replicas, partitions numbered from 0) with the other two set to -1.
     */
    /** {@code configs}: topic configs (see {@link TopicConfigs}), written as ConfigRecords; empty for none. */
    record CreateTopic(String name, int partitions, int replicationFactor, Map<Integer, List<Integer>> assignment,
                       Map<String, String> configs) implements ControllerCommand {
        public CreateTopic {
            assignment = assignment == null ? null : Map.copyOf(assignment);
            configs = configs == null ? Map.of() : java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(configs));
        }

        public CreateTopic(String name, int partitions, int replicationFactor, Map<Integer, List<Integer>> assignment) {
            this(name, partitions, replicationFactor, assignment, Map.of());
        }

        public CreateTopic(String name, int partitions, int replicationFactor) {
            this(name, partitions, replicationFactor, null, Map.of());
        }

        public String describe() {
            return "CreateTopic(" + name + ")";
        }
    }

    /**
     * Kafka's ElectLeaders with election type PREFERRED (kafka-leader-election.sh): every partition of
     * {@code topic} (null: of every topic) whose preferred replica, the first of its replica list, is
     * in the ISR and usable but does not lead gets it back as leader.
     */
    record ElectLeaders(String topic) implements ControllerCommand {
        public String describe() {
            return "ElectLeaders(PREFERRED, " + (topic == null ? "all topics" : topic) + ")";
        }
    }

    /**
     * Kafka's IncrementalAlterConfigs on one topic: each entry SETs a config, or DELETEs it when its
     * value is null (the topic falls back on the cluster's value).
     */
    record AlterTopicConfigs(String topic, Map<String, String> configs) implements ControllerCommand {
        public AlterTopicConfigs {
            configs = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(configs));
        }

        public String describe() {
            return "IncrementalAlterConfigs(" + topic + ", " + configs + ")";
        }
    }

    /** Grows the topic to {@code totalCount} partitions. */
    record CreatePartitions(String topic, int totalCount) implements ControllerCommand {
        public String describe() {
            return "CreatePartitions(" + topic + " → " + totalCount + ")";
        }
    }

    record DeleteTopic(String name) implements ControllerCommand {
        public String describe() {
            return "DeleteTopic(" + name + ")";
        }
    }

    record AllocateProducerIds(int brokerId, long brokerEpoch) implements ControllerCommand {
        public String describe() {
            return "AllocateProducerIds(b" + brokerId + ")";
        }
    }

    /**
     * A partition leader asks to change the ISR, on the leader and partition epochs it knows, with
     * its leader recovery state (a 4.3 leader marks itself RECOVERED as it starts leading, so this
     * is how the controller learns an unclean recovery is over). {@code newIsrEpochs[i]} is the broker
     * epoch of {@code newIsr[i]} as the leader saw it in that replica's fetches (AlterPartition v3's
     * NewIsrWithEpochs, KIP-903); -1 skips the check.
     */
    record AlterPartition(int brokerId, long brokerEpoch, Uuid topicId, int partitionId, int leaderEpoch,
                          int partitionEpoch, List<Integer> newIsr, List<Long> newIsrEpochs, byte leaderRecoveryState)
            implements ControllerCommand {
        public AlterPartition {
            newIsr = List.copyOf(newIsr);
            newIsrEpochs = List.copyOf(newIsrEpochs);
            if (newIsrEpochs.size() != newIsr.size()) {
                throw new IllegalArgumentException("newIsrEpochs " + newIsrEpochs + " must give one epoch per member of "
                        + newIsr);
            }
        }

        /** Recovered, with the broker epochs the leader saw. */
        public AlterPartition(int brokerId, long brokerEpoch, Uuid topicId, int partitionId, int leaderEpoch,
                              int partitionEpoch, List<Integer> newIsr, List<Long> newIsrEpochs) {
            this(brokerId, brokerEpoch, topicId, partitionId, leaderEpoch, partitionEpoch, newIsr, newIsrEpochs,
                    MetadataRecord.RECOVERED);
        }

        /** Without broker epochs (AlterPartition before v3): every member's epoch is -1, unchecked. */
        public AlterPartition(int brokerId, long brokerEpoch, Uuid topicId, int partitionId, int leaderEpoch,
                              int partitionEpoch, List<Integer> newIsr, byte leaderRecoveryState) {
            this(brokerId, brokerEpoch, topicId, partitionId, leaderEpoch, partitionEpoch, newIsr,
                    java.util.Collections.nCopies(newIsr.size(), -1L), leaderRecoveryState);
        }

        /** Recovered and without broker epochs. */
        public AlterPartition(int brokerId, long brokerEpoch, Uuid topicId, int partitionId, int leaderEpoch,
                              int partitionEpoch, List<Integer> newIsr) {
            this(brokerId, brokerEpoch, topicId, partitionId, leaderEpoch, partitionEpoch, newIsr, MetadataRecord.RECOVERED);
        }

        public String describe() {
            return "AlterPartition(b" + brokerId + ", " + topicId + "-" + partitionId + ", isr " + newIsr + ")";
        }
    }
}
