package io.yakraft.kafka;

import java.util.List;
import java.util.Optional;

/**
 * One look at a real cluster through the Admin API, taken at a wall-clock instant. Each part is
 * independent: a part the cluster did not answer carries its error instead (a dead broker does not hide
 * the quorum). Immutable; the window draws it, {@code kafka status --json} prints it.
 */
public record KafkaObservation(long observedAtMs, Part<Quorum> quorum, Part<List<Broker>> brokers,
                               Part<List<Topic>> topics) {

    /** An answer or the reason there is none. */
    public record Part<T>(Optional<T> value, String error) {
        public static <T> Part<T> of(T value) {
            return new Part<>(Optional.of(value), "");
        }

        public static <T> Part<T> failed(String error) {
            return new Part<>(Optional.empty(), error);
        }
    }

    /** describeMetadataQuorum: leader (-1 when none is known), epoch, high watermark, voters and observers. */
    public record Quorum(int leaderId, long leaderEpoch, long highWatermark, List<Replica> voters, List<Replica> observers) {
        public Quorum {
            voters = List.copyOf(voters);
            observers = List.copyOf(observers);
        }
    }

    /**
     * One replica of the metadata log as the leader sees it; lag is the leader's high watermark minus this log
     * end (-1 while the leader does not know the log end yet). The timestamps are the leader's wall clock in ms, -1 when the leader reports none.
     */
    public record Replica(int id, String directoryId, long logEndOffset, long lag, long lastFetchMs, long lastCaughtUpMs) {
    }

    /** describeCluster with fenced brokers included (KIP-1073). */
    public record Broker(int id, String host, int port, boolean fenced) {
    }

    public record Topic(String name, String topicId, boolean internal, List<Partition> partitions) {
        public Topic {
            partitions = List.copyOf(partitions);
        }
    }

    /** Leader -1 when the partition has none; ELR and last known ELR from KIP-966. */
    public record Partition(int partition, int leader, List<Integer> replicas, List<Integer> isr, List<Integer> elr,
                            List<Integer> lastKnownElr) {
        public Partition {
            replicas = List.copyOf(replicas);
            isr = List.copyOf(isr);
            elr = List.copyOf(elr);
            lastKnownElr = List.copyOf(lastKnownElr);
        }
    }
}
