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

    @Option(names = "--bootstrap", paramLabel = "HOST:PORT[,…]", description = "an attached cluster instead of the local one:"
            + " the log is fetched from its active controller (a raw KRaft Fetch as a non-replica; its controller listener must be"
            + " reachable in PLAINTEXT)")
    String bootstrap;

    @Option(names = "--command-config", paramLabel = "FILE", description = "client properties for --bootstrap's Admin (SASL, TLS…)")
    Path commandConfig;

    @Override
    public Integer call() throws Exception {
        if (bootstrap != null) {
            return attached();
        }
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
        print(entries, from.id(), logDir.toString(), leader, hw, from.name() + (from.id() == leader ? " (leader)" : "") + ", " + logDir,
                hw < 0 ? "unknown (" + quorum.error() + ")" : String.valueOf(hw));
        return 0;
    }

    /** The log of an attached cluster, fetched from its active controller until caught up (or no progress). */
    private int attached() throws Exception {
        java.util.Properties p = new java.util.Properties();
        if (commandConfig != null) {
            try (var r = java.nio.file.Files.newBufferedReader(commandConfig)) {
                p.load(r);
            }
        }
        try (KafkaProbe probe = KafkaProbe.attach(bootstrap, p);
             io.yakraft.kafka.metalog.RemoteMetadataLog remote = new io.yakraft.kafka.metalog.RemoteMetadataLog(hideNoOp ? Math.max(limit, 20_000) : limit)) {
            io.yakraft.kafka.metalog.RemoteMetadataLog.View v = remote.poll(probe);
            long last = -2;
            while (!v.entries().isEmpty() && v.entries().get(v.entries().size() - 1).offset() != last) {
                last = v.entries().get(v.entries().size() - 1).offset();
                v = remote.poll(probe);
            }
            KafkaObservation.Part<KafkaObservation.Quorum> quorum = probe.quorum();
            int leader = quorum.value().map(KafkaObservation.Quorum::leaderId).orElse(-1);
            long hw = quorum.value().map(KafkaObservation.Quorum::highWatermark).orElse(-1L);
            if (v.entries().isEmpty() && !v.note().isEmpty()) {
                System.err.println("kafka log: " + v.note());
                return 1;
            }
            List<MetadataLogReader.Entry> entries = v.entries();
            if (hideNoOp) {
                entries = entries.stream().filter(e -> !e.type().equals("NoOpRecord")).toList();
                entries = entries.subList(Math.max(0, entries.size() - limit), entries.size());
            }
            if (!v.note().isEmpty()) {
                System.out.println("note: " + v.note());
            }
            print(entries, leader, "", leader, hw, v.source(), hw < 0 ? "unknown (" + quorum.error() + ")" : String.valueOf(hw));
            return 0;
        }
    }

    private void print(List<MetadataLogReader.Entry> entries, int node, String logDir, int leader, long hw, String from, String hwText)
            throws Exception {
        if (json) {
            ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ObjectNode root = m.createObjectNode();
            root.put("node", node);
            root.put("source", from);
            root.put("logDir", logDir);
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
            System.out.printf("metadata log of %s, decoded with Kafka's MetadataRecordSerde; high watermark %s%n", from, hwText);
            entries.stream().filter(MetadataLogReader.Entry::inSnapshot).findFirst().ifPresent(e -> System.out.println(
                    "from the snapshot " + e.snapshot() + " (its records count their offsets from 0; it holds the state up to the end offset in its name),"
                    + " then the log after it"));
            System.out.printf("  %7s %5s %-9s %-28s %s%n", "offset", "epoch", "committed", "record", "fields");
            for (MetadataLogReader.Entry e : entries) {
                System.out.printf("  %7d %5d %-9s %-28s %s%n", e.offset(), e.epoch(), e.inSnapshot() ? "snapshot" : hw < 0 ? "?" : e.offset() < hw ? "yes" : "no",
                        e.type(), e.fields());
            }
        }
    }
}
