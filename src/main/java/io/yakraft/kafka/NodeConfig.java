package io.yakraft.kafka;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A node's {@code server.properties} and {@code log4j2.properties}. The quorum is dynamic (KIP-853):
 * every node finds the controllers through {@code controller.quorum.bootstrap.servers}, and the voter set
 * is written into the controllers' logs by {@code StorageTool format --initial-controllers}, so voters can
 * be added and removed later; a static {@code controller.quorum.voters} would freeze it.
 */
final class NodeConfig {
    static final long SNAPSHOT_INTERVAL_MS = 30_000;
    private NodeConfig() {
    }

    static Path nodeDir(Path clusterDir, LocalNode node) {
        return clusterDir.resolve("node-" + node.id());
    }

    static Path propertiesFile(Path clusterDir, LocalNode node) {
        return nodeDir(clusterDir, node).resolve("server.properties");
    }

    static Path dataDir(Path clusterDir, LocalNode node) {
        return nodeDir(clusterDir, node).resolve("data");
    }

    /** {@code 1@127.0.0.1:port:dirId,…}: the argument of {@code --initial-controllers}. */
    static String initialControllers(List<LocalNode> controllers) {
        return controllers.stream().map(c -> c.id() + "@127.0.0.1:" + c.port() + ":" + c.directoryId())
                .collect(Collectors.joining(","));
    }

    /**
     * The metadata log directory's id that {@code StorageTool format} wrote into the node's {@code meta.properties}
     * ({@code directory.id}): with {@code --no-initial-controllers} it is random, and AddRaftVoter must name it.
     */
    static String directoryId(Path clusterDir, LocalNode node) throws IOException {
        Path meta = dataDir(clusterDir, node).resolve("meta.properties");
        java.util.Properties p = new java.util.Properties();
        try (var in = Files.newBufferedReader(meta)) {
            p.load(in);
        }
        String id = p.getProperty("directory.id", "");
        if (id.isBlank()) {
            throw new IOException(meta + ": no directory.id after formatting (expected the one StorageTool writes)");
        }
        return id;
    }

    static void write(Path clusterDir, LocalNode node, List<LocalNode> controllers, int brokerCount) throws IOException {
        Path dir = nodeDir(clusterDir, node);
        Files.createDirectories(dir);
        String bootstrap = controllers.stream().map(c -> "127.0.0.1:" + c.port()).collect(Collectors.joining(","));
        StringBuilder p = new StringBuilder();
        p.append("# written by yakraft kafka up\n");
        p.append("process.roles=").append(node.role().processRoles()).append('\n');
        p.append("node.id=").append(node.id()).append('\n');
        p.append("controller.listener.names=CONTROLLER\n");
        p.append("listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT\n");
        p.append("controller.quorum.bootstrap.servers=").append(bootstrap).append('\n');
        p.append("log.dirs=").append(dataDir(clusterDir, node).toAbsolutePath()).append('\n');
        // Kafka snapshots the metadata log every hour or 20 MB by default; a lab's log is tiny and lives minutes, so
        // every 30 s (if anything was committed since) a snapshot (.checkpoint) appears that `kafka log` can decode
        p.append("metadata.log.max.snapshot.interval.ms=").append(SNAPSHOT_INTERVAL_MS).append('\n');
        if (node.role() == NodeRole.CONTROLLER) {
            p.append("listeners=CONTROLLER://127.0.0.1:").append(node.port()).append('\n');
        } else {
            p.append("listeners=PLAINTEXT://127.0.0.1:").append(node.port()).append('\n');
            p.append("advertised.listeners=PLAINTEXT://127.0.0.1:").append(node.port()).append('\n');
            p.append("inter.broker.listener.name=PLAINTEXT\n");
            // internal topics cannot ask for more replicas than there are brokers
            int rf = Math.min(3, brokerCount);
            p.append("offsets.topic.replication.factor=").append(rf).append('\n');
            p.append("transaction.state.log.replication.factor=").append(rf).append('\n');
            p.append("transaction.state.log.min.isr=1\n");
            p.append("share.coordinator.state.topic.replication.factor=").append(rf).append('\n');
            p.append("share.coordinator.state.topic.min.isr=1\n");
            p.append("group.initial.rebalance.delay.ms=0\n");
            // Kafka gives a broker 60 s to register and catch up, then exits; six JVMs starting at once on a
            // busy laptop can take longer, so the lab allows 5 minutes (the only timing it changes)
            p.append("initial.broker.registration.timeout.ms=300000\n");
        }
        Files.writeString(propertiesFile(clusterDir, node), p.toString());
        Files.writeString(dir.resolve("log4j2.properties"), """
                status = warn
                appender.file.type = File
                appender.file.name = file
                appender.file.fileName = %s
                appender.file.layout.type = PatternLayout
                appender.file.layout.pattern = [%%d] %%p %%m (%%c)%%n
                rootLogger.level = info
                rootLogger.appenderRef.file.ref = file
                """.formatted(dir.resolve("server.log").toAbsolutePath()));
    }
}
