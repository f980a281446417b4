package io.yakraft.ui;

import io.yakraft.session.Frame;
import io.yakraft.cluster.ClusterSnapshot;
import io.yakraft.cluster.NodeView;
import io.yakraft.metadata.MetadataImage;
import io.yakraft.ui.MetadataRows.BrokerRow;
import io.yakraft.ui.MetadataRows.PartitionRow;
import io.yakraft.ui.MetadataRows.ProducerRow;
import io.yakraft.ui.MetadataRows.RecordRow;
import io.yakraft.ui.MetadataRows.TopicRow;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;

/**
 * The metadata tabs' state: whose image they show ("as seen by": a node, or
 * {@link #FOLLOW_LEADER}) and the rows of Brokers, Topics, Partitions, Producers and Records
 * from that node's own image and log, rebuilt only when that image or log changes.
 */
public final class MetadataViewModel {
    public static final int FOLLOW_LEADER = io.yakraft.session.Session.FOLLOW_LEADER;

    private final IntegerProperty seenBy = new SimpleIntegerProperty(FOLLOW_LEADER);
    private final StringProperty summary = new SimpleStringProperty("");
    private final ObservableList<String> nodeChoices = FXCollections.observableArrayList();
    private final FlashingList<BrokerRow> brokers = new FlashingList<>();
    private final FlashingList<TopicRow> topics = new FlashingList<>();
    private final FlashingList<PartitionRow> partitions = new FlashingList<>();
    private final FlashingList<ProducerRow> producers = new FlashingList<>();
    private final FlashingList<RecordRow> records = new FlashingList<>();
    private int shownNode = Integer.MIN_VALUE;
    private MetadataImage shownImage;
    private MetadataImage partitionsImage;
    private Object partitionsReplicas;
    private String shownRecords;

    public MetadataViewModel() {
        seenBy.addListener((o, a, b) -> forget());
    }

    /** The node whose image to show for this snapshot: the chosen one, or the leader (else the first controller). */
    public int resolveSeenBy(ClusterSnapshot s) {
        if (seenBy.get() != FOLLOW_LEADER) {
            return seenBy.get();
        }
        return s.leaderId() >= 0 ? s.leaderId() : s.nodes().isEmpty() ? -1 : s.nodes().get(0).id();
    }

    /** Takes the frame's snapshot and records at wall time {@code nowNanos}. */
    public void update(Frame f, long nowNanos) {
        ClusterSnapshot s = f.snapshot();
        refreshChoices(s);
        int node = resolveSeenBy(s);
        MetadataImage image = s.images().get(node);
        if (image == null) {
            return;
        }
        if (node != shownNode) {
            forget();
            shownNode = node;
        }
        if (image != shownImage) {
            shownImage = image;
            brokers.update(MetadataRows.brokers(image), nowNanos);
            topics.update(MetadataRows.topics(image), nowNanos);
            producers.update(MetadataRows.producers(image), nowNanos);
        } else {
            brokers.tick(nowNanos);
            topics.tick(nowNanos);
            producers.tick(nowNanos);
        }
        // log ends and high watermarks move without the image changing; each snapshot holds a new map, so compare by value
        if (image != partitionsImage || !s.replicas().equals(partitionsReplicas)) {
            partitionsImage = image;
            partitionsReplicas = s.replicas();
            partitions.update(MetadataRows.partitions(image, s.replicas(), node), nowNanos);
        } else {
            partitions.tick(nowNanos);
        }
        long hw = s.logs().get(node).highWatermark();
        String recordsKey = recordsKey(f, hw);
        if (f.recordsNode() == node && !recordsKey.equals(shownRecords)) {
            shownRecords = recordsKey;
            records.update(MetadataRows.records(f.records(), hw), nowNanos);
        } else {
            records.tick(nowNanos);
        }
        NodeView v = nodeView(s, node);
        summary.set(v == null ? "" : "as seen by n" + node + ": "
                + (v.appliedOffset() < 0 ? "nothing applied yet" : "applied up to offset " + v.appliedOffset()) + ", "
                + image.brokers().size() + " broker(s), " + image.topics().size() + " topic(s), next producer id "
                + image.nextProducerId());
    }

    /** Identifies what the Records tab shows, so it is rebuilt only when the log or its high watermark moved. */
    private static String recordsKey(Frame f, long hw) {
        List<io.yakraft.raft.LogEntry> r = f.records();
        return f.recordsNode() + ":" + (r.isEmpty() ? "" : r.get(0).offset() + "-" + r.get(r.size() - 1).offset() + "@"
                + r.get(r.size() - 1).epoch()) + ":" + hw;
    }

    private static NodeView nodeView(ClusterSnapshot s, int id) {
        for (NodeView n : s.nodes()) {
            if (n.id() == id) {
                return n;
            }
        }
        return null;
    }

    private void refreshChoices(ClusterSnapshot s) {
        List<String> choices = new ArrayList<>();
        choices.add("the leader");
        for (NodeView n : s.nodes()) {
            choices.add("n" + n.id());
        }
        if (!choices.equals(nodeChoices)) {
            nodeChoices.setAll(choices);
        }
    }

    /** "the leader" → FOLLOW_LEADER, "n3" → 3. */
    public static int parseChoice(String choice) {
        if (choice == null || !choice.startsWith("n")) {
            return FOLLOW_LEADER;
        }
        return Integer.parseInt(choice.substring(1));
    }

    private void forget() {
        shownImage = null;
        partitionsImage = null;
        partitionsReplicas = null;
        shownRecords = null;
        shownNode = Integer.MIN_VALUE;
        brokers.reset();
        topics.reset();
        partitions.reset();
        producers.reset();
        records.reset();
    }

    public IntegerProperty seenByProperty() {
        return seenBy;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    public ObservableList<String> nodeChoices() {
        return nodeChoices;
    }

    public FlashingList<BrokerRow> brokers() {
        return brokers;
    }

    public FlashingList<TopicRow> topics() {
        return topics;
    }

    public FlashingList<PartitionRow> partitions() {
        return partitions;
    }

    public FlashingList<ProducerRow> producers() {
        return producers;
    }

    public FlashingList<RecordRow> records() {
        return records;
    }
}
