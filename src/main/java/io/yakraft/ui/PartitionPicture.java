package io.yakraft.ui;

import io.yakraft.cluster.ClusterSnapshot;
import io.yakraft.cluster.NodeView;
import io.yakraft.cluster.TopicIds;
import io.yakraft.data.ReplicaView;
import io.yakraft.data.TopicPartition;
import io.yakraft.metadata.MetadataImage;
import io.yakraft.metadata.PartitionRegistration;
import io.yakraft.metadata.TopicImage;
import io.yakraft.sim.NodeStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the partition view shows of one topic-partition at one instant: the controller's word on
 * it (replicas, ISR, leader and epochs, from the committed metadata image) and each replica's own
 * log as its broker holds it (log end, partition HW, the leader epoch of each record). Pure data
 * built from a snapshot, so tests read exactly what the view draws.
 */
record PartitionPicture(String name, List<Integer> replicas, List<Integer> isr, int leader, int leaderEpoch,
                        int partitionEpoch, List<Row> rows) {

    /** One replica: its broker, whether it is up, leads, is in the ISR, and its log (null fields when it holds none yet). */
    record Row(int broker, boolean up, boolean leader, boolean inIsr, boolean hosted, long logEnd, long highWatermark,
               SortedMap<Integer, Long> epochStarts) {
    }

    /** The leader's row, or null when the partition has no leader. */
    Row leaderRow() {
        for (Row r : rows) {
            if (r.leader()) {
                return r;
            }
        }
        return null;
    }

    /** The partition HW as the leader holds it (the one acks=all waits for); -1 with no live leader. */
    long partitionHighWatermark() {
        Row l = leaderRow();
        return l == null || !l.up() || !l.hosted() ? -1 : l.highWatermark();
    }

    /** One line for the view's header: "leader b102 · leader epoch 1 · ISR [101, 102, 103] · partition HW 57". */
    String summary() {
        long hw = partitionHighWatermark();
        return "leader " + (leader < 0 ? "none" : "b" + leader) + " · leader epoch " + leaderEpoch
                + " · ISR " + isr + " · partition HW " + (hw < 0 ? "—" : String.valueOf(hw));
    }

    /** Every topic-partition of the committed metadata, "topic-n", in the order brokers walk them. */
    static List<String> choices(ClusterSnapshot s) {
        List<String> out = new ArrayList<>();
        for (TopicImage t : new TreeMap<>(byName(s.committedImage())).values()) {
            for (Integer p : t.partitions().keySet()) {
                out.add(t.name() + "-" + p);
            }
        }
        return out;
    }

    private static Map<String, TopicImage> byName(MetadataImage image) {
        Map<String, TopicImage> out = new TreeMap<>();
        for (TopicImage t : image.topics().values()) {
            out.put(t.name(), t);
        }
        return out;
    }

    /** The picture of {@code choice} ("topic-n") at the snapshot's instant, or null when the committed metadata has no such partition. */
    static PartitionPicture of(ClusterSnapshot s, String choice) {
        int dash = choice == null ? -1 : choice.lastIndexOf('-');
        if (dash <= 0) {
            return null;
        }
        TopicImage topic = byName(s.committedImage()).get(choice.substring(0, dash));
        int number;
        try {
            number = Integer.parseInt(choice.substring(dash + 1));
        } catch (NumberFormatException e) {
            return null;
        }
        PartitionRegistration p = topic == null ? null : topic.partitions().get(number);
        if (p == null) {
            return null;
        }
        TopicPartition tp = TopicIds.partition(topic, number);
        List<Row> rows = new ArrayList<>();
        for (int b : p.replicas()) {
            ReplicaView r = s.replicas().getOrDefault(b, Map.of()).get(tp);
            boolean up = isUp(s, b);
            rows.add(new Row(b, up, p.leader() == b, p.isr().contains(b), r != null, r == null ? 0 : r.logEndOffset(),
                    r == null ? 0 : r.highWatermark(), r == null ? new TreeMap<>() : r.epochStarts()));
        }
        return new PartitionPicture(choice, p.replicas(), p.isr(), p.leader(), p.leaderEpoch(), p.partitionEpoch(),
                List.copyOf(rows));
    }

    private static boolean isUp(ClusterSnapshot s, int id) {
        for (NodeView n : s.nodes()) {
            if (n.id() == id) {
                return n.status() != NodeStatus.DOWN;
            }
        }
        return false;
    }
}
