package io.yakraft.ui;

import io.yakraft.ui.MetadataRows.BrokerRow;
import io.yakraft.ui.MetadataRows.PartitionRow;
import io.yakraft.ui.MetadataRows.ProducerRow;
import io.yakraft.ui.MetadataRows.RecordRow;
import io.yakraft.ui.MetadataRows.TopicRow;
import javafx.scene.control.TableView;

import static io.yakraft.ui.Tables.column;
import static io.yakraft.ui.Tables.group;
import static io.yakraft.ui.Tables.whole;
import static io.yakraft.ui.Tables.wrapping;

/** Puts the metadata view-model's rows into the Brokers, Topics, Partitions, Producers and Records tables. */
final class MetadataPanel {
    private MetadataPanel() {
    }

    static void bind(MetadataViewModel m, TableView<BrokerRow> brokers, TableView<TopicRow> topics,
                     TableView<PartitionRow> partitions, TableView<ProducerRow> producers, TableView<RecordRow> records) {
        Tables.flashing(brokers, m.brokers(),
                column("Broker", r -> "b" + r.id(), 55), column("Endpoint", BrokerRow::endpoint, 110),
                column("Rack", BrokerRow::rack, 50), column("Epoch", BrokerRow::epoch, 50),
                column("State", BrokerRow::state, 70), column("Incarnation", BrokerRow::incarnation, 170));
        Tables.flashing(topics, m.topics(),
                column("Topic", TopicRow::name, 120), column("Topic id", TopicRow::id, 170),
                column("Partitions", TopicRow::partitions, 70), column("RF", TopicRow::replicationFactor, 40));
        Tables.flashing(partitions, m.partitions(),
                // two-line headers keep the partition's log end and HW in view beside the ISR
                column("Topic", PartitionRow::topic, 80), column("P", PartitionRow::partition, 28),
                wrapping(column("Leader", PartitionRow::leader, 60)), wrapping(column("Replicas", PartitionRow::replicas, 95)),
                wrapping(column("ISR", PartitionRow::isr, 95)), wrapping(column("ELR", PartitionRow::elr, 70)),
                column("Leader\nepoch", PartitionRow::leaderEpoch, 55),
                // the partition's own epoch, log end and HW under one header: the partition HW, not the metadata HW
                group("Partition", column("Epoch", PartitionRow::partitionEpoch, 50),
                        column("LEO", PartitionRow::logEnd, 45), column("HW", PartitionRow::highWatermark, 45)));
        Tables.flashing(producers, m.producers(),
                column("Broker", r -> "b" + r.broker(), 60), column("Broker epoch", ProducerRow::brokerEpoch, 90),
                column("First id", ProducerRow::firstProducerId, 80), column("Next id", ProducerRow::nextProducerId, 80));
        Tables.flashing(records, m.records(),
                column("Offset", RecordRow::offset, 55), column("Epoch", RecordRow::epoch, 50),
                column("Committed", r -> r.committed() ? "yes" : "no", 88), whole(column("Record", RecordRow::type, 172)),
                wrapping(column("Fields", RecordRow::detail, 220)));
        // keep the newest record in view unless the person selected one to read
        m.records().items().addListener((javafx.collections.ListChangeListener<RecordRow>) c -> {
            if (records.getSelectionModel().isEmpty() && !records.getItems().isEmpty()) {
                records.scrollTo(records.getItems().size() - 1);
            }
        });
    }
}
