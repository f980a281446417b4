package io.yakraft.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.yakraft.cluster.RecordText;
import io.yakraft.cluster.TopicIds;
import io.yakraft.data.ReplicaView;
import io.yakraft.data.TopicPartition;
import io.yakraft.metadata.BrokerRegistration;
import io.yakraft.metadata.MetadataImage;
import io.yakraft.metadata.MetadataJson;
import io.yakraft.metadata.MetadataRecord;
import io.yakraft.metadata.PartitionRegistration;
import io.yakraft.metadata.ProducerIdBlock;
import io.yakraft.metadata.TopicImage;
import io.yakraft.raft.LeaderChangeMessage;
import io.yakraft.raft.LogEntry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rows of the metadata tabs, made from one node's image: plain records, compared by value
 * so a view can tell which rows changed. {@code key()} identifies a row across images.
 */
public final class MetadataRows {
    private MetadataRows() {
    }

    public interface Row {
        String key();
    }

    public record BrokerRow(int id, String endpoint, String rack, long epoch, String state, String incarnation)
            implements Row {
        public String key() {
            return "b" + id;
        }
    }

    public record TopicRow(String name, String id, int partitions, int replicationFactor) implements Row {
        public String key() {
            return name;
        }
    }

    /**
     * {@code logEnd} and {@code highWatermark} are those of one replica of the partition (see
     * {@link #partitions(MetadataImage, Map, int)}), "—" when none is known.
     */
    /**
     * {@code leader}: "b102", "b102 recovering" after an unclean election (LeaderRecoveryState), or
     * "none"; {@code elr}: KIP-966's eligible leader replicas, with the last known leader while leaderless.
     */
    public record PartitionRow(String topic, int partition, String leader, String replicas, String isr, String elr,
                               int leaderEpoch, int partitionEpoch, String logEnd, String highWatermark) implements Row {
        public String key() {
            return topic + "-" + partition;
        }
    }

    public record ProducerRow(int broker, long brokerEpoch, long firstProducerId, long nextProducerId) implements Row {
        public String key() {
            return "p" + broker;
        }
    }

    /** A log entry; its fields are rendered as JSON only when a cell shows them. */
    public record RecordRow(long offset, int epoch, String type, Object payload, boolean committed) implements Row {
        public String key() {
            return "r" + offset;
        }

        public String detail() {
            return MetadataRows.detail(payload);
        }
    }

    public static List<BrokerRow> brokers(MetadataImage image) {
        List<BrokerRow> rows = new ArrayList<>();
        for (BrokerRegistration b : image.brokers().values()) {
            String endpoint = b.listeners().isEmpty() ? "—"
                    : b.listeners().get(0).host() + ":" + b.listeners().get(0).port();
            String state = b.inControlledShutdown() ? "shut down" : b.fenced() ? "fenced" : "unfenced";
            rows.add(new BrokerRow(b.id(), endpoint, b.rack() == null ? "—" : b.rack(), b.epoch(), state,
                    String.valueOf(b.incarnationId())));
        }
        return rows;
    }

    public static List<TopicRow> topics(MetadataImage image) {
        List<TopicRow> rows = new ArrayList<>();
        for (TopicImage t : image.topics().values()) {
            int rf = t.partitions().isEmpty() ? 0 : t.partitions().values().iterator().next().replicas().size();
            rows.add(new TopicRow(t.name(), t.id().toString(), t.partitions().size(), rf));
        }
        return rows;
    }

    public static List<PartitionRow> partitions(MetadataImage image) {
        return partitions(image, Map.of(), -1);
    }

    /**
     * The partitions of {@code image} with a replica's log end offset and high watermark: the
     * replica on {@code seenBy} when that broker hosts the partition, else the replica on the
     * partition's leader (as the image names it); "—" when {@code replicas} has neither.
     */
    public static List<PartitionRow> partitions(MetadataImage image, Map<Integer, Map<TopicPartition, ReplicaView>> replicas,
                                                int seenBy) {
        List<PartitionRow> rows = new ArrayList<>();
        for (TopicImage t : image.topics().values()) {
            for (Map.Entry<Integer, PartitionRegistration> e : t.partitions().entrySet()) {
                PartitionRegistration p = e.getValue();
                TopicPartition tp = TopicIds.partition(t, e.getKey());
                ReplicaView r = replica(replicas, seenBy, tp);
                if (r == null && p.hasLeader()) {
                    r = replica(replicas, p.leader(), tp);
                }
                String leader = !p.hasLeader() ? "none" : "b" + p.leader()
                        + (p.leaderRecoveryState() == io.yakraft.metadata.MetadataRecord.RECOVERING ? " recovering" : "");
                String elr = p.eligibleLeaderReplicas().toString()
                        + (p.lastKnownElr().isEmpty() ? "" : " last " + p.lastKnownElr());
                rows.add(new PartitionRow(t.name(), e.getKey(), leader,
                        p.replicas().toString(), p.isr().toString(), elr, p.leaderEpoch(), p.partitionEpoch(),
                        r == null ? "—" : String.valueOf(r.logEndOffset()), r == null ? "—" : String.valueOf(r.highWatermark())));
            }
        }
        return rows;
    }

    private static ReplicaView replica(Map<Integer, Map<TopicPartition, ReplicaView>> replicas, int broker, TopicPartition tp) {
        Map<TopicPartition, ReplicaView> hosted = replicas.get(broker);
        return hosted == null ? null : hosted.get(tp);
    }

    public static List<ProducerRow> producers(MetadataImage image) {
        List<ProducerRow> rows = new ArrayList<>();
        for (ProducerIdBlock b : image.producerBlocks().values()) {
            rows.add(new ProducerRow(b.brokerId(), b.brokerEpoch(), b.firstProducerId(), b.nextProducerId()));
        }
        return rows;
    }

    /** Log entries as rows; entries below {@code highWatermark} are committed. */
    public static List<RecordRow> records(List<LogEntry> entries, long highWatermark) {
        List<RecordRow> rows = new ArrayList<>(entries.size());
        for (LogEntry e : entries) {
            Object p = e.payload();
            String type = RecordText.type(p);
            rows.add(new RecordRow(e.offset(), e.epoch(), type, p, e.offset() < highWatermark));
        }
        return rows;
    }

    static String detail(Object payload) {
        return RecordText.fields(payload); // the Record column names the type already
    }
}
