package io.yakraft.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.yakraft.kafka.KafkaLib;
import io.yakraft.kafka.KafkaObservation;
import io.yakraft.kafka.KafkaProbe;
import io.yakraft.kafka.LocalCluster;
import io.yakraft.kafka.LocalNode;
import io.yakraft.kafka.metalog.MetadataLogReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code kafka log}: the records of a local real cluster's metadata log (__cluster_metadata), read from a
 * controller's log directory and decoded with Kafka's own MetadataRecordSerde, as the window's Records view shows them.
 */
@Command(name = "log", mixinStandardHelpOptions = true,
        description = "Print the last records of the metadata log (__cluster_metadata) from a controller's log directory,"
                + " decoded with Kafka's MetadataRecordSerde; committed = below the quorum's high watermark.")
final class KafkaLogCommand extends KafkaCommand.DirOption implements Callable<Integer> {
    @Option(names = "--node", paramLabel = "ID", description = "the controller whose log is read (default: the leader, else the first controller)")
    Integer node;

    @Option(names = "--limit", defaultValue = "40", description = "how many of the last records (default ${DEFAULT-VALUE})")
    int limit;

    @Option(names = "--hide-noop", description = "leave out NoOpRecords (the active controller appends one every 500 ms)")
    boolean hideNoOp;

    @Option(names = "--from-snapshot", description = "start from the newest snapshot (.checkpoint), then the log after its end offset"
            + " (without it, a snapshot is read only when the log's prefix was deleted)")
    boolean fromSnapshot;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Override
    public Integer call() throws Exception {
        LocalCluster cluster = LocalCluster.open(dir());
        KafkaObservation.Part<KafkaObservation.Quorum> quorum = KafkaObservation.Part.failed("no controller process runs");
        if (cluster.state().controllers().stream().anyMatch(c -> cluster.process(c).isPresent())) {
            try (KafkaProbe probe = KafkaProbe.local(cluster)) {
                quorum = probe.quorum(Duration.ofSeconds(3));
            }
        }
        int leader = quorum.value().map(KafkaObservation.Quorum::leaderId).orElse(-1);
        long hw = quorum.value().map(KafkaObservation.Quorum::highWatermark).orElse(-1L);
        LocalNode from = node != null ? cluster.state().node(node)
                : leader > 0 ? cluster.state().node(leader) : cluster.state().controllers().get(0);
        Path logDir = MetadataLogReader.logDir(cluster, from);
        List<MetadataLogReader.Entry> entries;
        try (MetadataLogReader reader = MetadataLogReader.open(new KafkaLib(Path.of(cluster.state().kafkaLib())))) {
            entries = reader.read(logDir, hideNoOp ? Math.max(limit, 20_000) : limit, fromSnapshot);
        }
        if (hideNoOp) {
            entries = entries.stream().filter(e -> !e.type().equals("NoOpRecord")).toList();
            entries = entries.subList(Math.max(0, entries.size() - limit), entries.size());
        }
        if (json) {
            ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ObjectNode root = m.createObjectNode();
            root.put("node", from.id());
            root.put("logDir", logDir.toString());
            root.put("leaderId", leader);
            root.put("highWatermark", hw);
            ArrayNode records = root.putArray("records");
            for (MetadataLogReader.Entry e : entries) {
                ObjectNode r = records.addObject();
                r.put("offset", e.offset());
                r.put("epoch", e.epoch());
                r.put("committed", e.inSnapshot() || hw >= 0 && e.offset() < hw);
                if (e.inSnapshot()) {
                    r.put("snapshot", e.snapshot());
                }
                r.put("type", e.type());
                r.put("fields", e.fields());
            }
            System.out.println(m.writeValueAsString(root));
        } else {
            System.out.printf("metadata log of %s%s, %s, decoded with Kafka's MetadataRecordSerde; high watermark %s%n", from.name(),
                    from.id() == leader ? " (leader)" : "", logDir, hw < 0 ? "unknown (" + quorum.error() + ")" : String.valueOf(hw));
            entries.stream().filter(MetadataLogReader.Entry::inSnapshot).findFirst().ifPresent(e -> System.out.println(
                    "from the snapshot " + e.snapshot() + " (its records count their offsets from 0; it holds the state up to the end offset in its name),"
                    + " then the log after it"));
            System.out.printf("  %7s %5s %-9s %-28s %s%n", "offset", "epoch", "committed", "record", "fields");
            for (MetadataLogReader.Entry e : entries) {
                System.out.printf("  %7d %5d %-9s %-28s %s%n", e.offset(), e.epoch(), e.inSnapshot() ? "snapshot" : hw < 0 ? "?" : e.offset() < hw ? "yes" : "no",
                        e.type(), e.fields());
            }
        }
        return 0;
    }
}
