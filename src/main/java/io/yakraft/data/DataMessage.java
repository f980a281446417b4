package io.yakraft.data;

import java.util.List;

/**
 * The data plane's requests on the simulated network: Produce from a producer to a partition
 * leader, and the replica Fetch a follower broker sends to the broker it follows (one request
 * for every partition it follows there, as Kafka's fetcher threads do).
 */
public sealed interface DataMessage {

    /** Why a produce or a partition fetch failed; Kafka's error names. */
    enum Error {
        NONE, NOT_LEADER_OR_FOLLOWER, NOT_ENOUGH_REPLICAS, NOT_ENOUGH_REPLICAS_AFTER_APPEND, REQUEST_TIMED_OUT, UNKNOWN_TOPIC_OR_PARTITION,
        FENCED_LEADER_EPOCH, UNKNOWN_LEADER_EPOCH, OUT_OF_ORDER_SEQUENCE_NUMBER, INVALID_PRODUCER_EPOCH
    }

    /** {@code producer}: the batch's idempotence stamp, {@link ProducerStamp#NONE} without idempotence. */
    record ProduceRequest(long correlationId, TopicPartition partition, Acks acks, List<FeedRecord> records,
                          List<Long> recordIds, ProducerStamp producer) implements DataMessage {
        public ProduceRequest {
            records = List.copyOf(records);
            recordIds = List.copyOf(recordIds);
            if (producer.idempotent() && producer.count() != records.size()) {
                throw new IllegalArgumentException("a stamped batch of " + records.size() + " records carries sequences "
                        + producer.baseSequence() + ".." + producer.lastSequence());
            }
        }

        /** A batch of a producer without idempotence. */
        public ProduceRequest(long correlationId, TopicPartition partition, Acks acks, List<FeedRecord> records,
                              List<Long> recordIds) {
            this(correlationId, partition, acks, records, recordIds, ProducerStamp.NONE);
        }
    }

    /** {@code baseOffset} is the offset of the first record when the error is NONE, else -1. */
    record ProduceResponse(long correlationId, TopicPartition partition, Error error, long baseOffset, String message)
            implements DataMessage {
    }

    /** What a follower asks of one partition: records from its log end, and how its log ends. */
    record PartitionFetch(TopicPartition partition, int leaderEpoch, long fetchOffset, int lastFetchedEpoch) {
    }

    /**
     * {@code replicaEpoch}: the fetching broker's epoch (FetchRequest's ReplicaState.ReplicaEpoch,
     * KIP-903), which the leader sends back in AlterPartition; -1 when unknown.
     */
    record ReplicaFetchRequest(long fetchId, int replicaId, List<PartitionFetch> partitions, long replicaEpoch)
            implements DataMessage {
        public ReplicaFetchRequest {
            partitions = List.copyOf(partitions);
        }

        /** A fetch from a replica whose broker epoch is not known (-1). */
        public ReplicaFetchRequest(long fetchId, int replicaId, List<PartitionFetch> partitions) {
            this(fetchId, replicaId, partitions, -1);
        }
    }

    /**
     * The leader's answer for one partition: records and its high watermark, or where the
     * follower's log diverges ({@code divergingEpoch} ≥ 0: truncate to {@code divergingEndOffset}),
     * or an error.
     */
    record PartitionData(TopicPartition partition, Error error, long highWatermark, List<DataRecord> records,
                         int divergingEpoch, long divergingEndOffset) {
        public PartitionData {
            records = List.copyOf(records);
        }

        static PartitionData failed(TopicPartition tp, Error error) {
            return new PartitionData(tp, error, -1, List.of(), -1, -1);
        }
    }

    record ReplicaFetchResponse(long fetchId, List<PartitionData> partitions) implements DataMessage {
        public ReplicaFetchResponse {
            partitions = List.copyOf(partitions);
        }
    }
}
