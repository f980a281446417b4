package io.yakraft.kafka;

import io.yakraft.ingest.FeedSource;
import io.yakraft.kafka.metalog.MetadataLogReader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real Kafka 4.3.1, in {@code mvn verify} after {@code package} (which fills target/kafka-lib): a local
 * cluster of 3 controller processes and 1 broker process, a topic fed the sample orders with a real
 * KafkaProducer (acks=all), the active controller killed with SIGKILL, and a new leader in a higher epoch
 * seen through describeMetadataQuorum. Real processes take real time, so it waits by polling against
 * generous deadlines; whatever happens, every process is killed and the directory removed (finally, and a
 * shutdown hook should the JVM itself be stopped).
 */
class LocalKafkaClusterIT {
    /** Four JVMs cold-starting on a shared CI machine: minutes, not seconds, in the worst case. */
    private static final Duration READY = Duration.ofSeconds(240);
    private static final Duration NEW_LEADER = Duration.ofSeconds(120);

    @Test
    void theSampleOrdersAreAckedAndTheQuorumElectsANewLeaderWhenTheActiveControllerIsKilled() throws Exception {
        Path dir = Files.createTempDirectory("yakraft-kafka-it");
        LocalCluster[] cluster = new LocalCluster[1];
        Thread cleanup = new Thread(() -> cleanUp(cluster[0], dir), "kafka-it-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            cluster[0] = LocalCluster.create(dir, 3, 1, KafkaLib.locate());
            cluster[0].startControllersFirst(Duration.ofSeconds(120));
            try (KafkaProbe probe = KafkaProbe.local(cluster[0])) {
                KafkaObservation ready = probe.awaitObservation(KafkaProbe.readyWith(3, 1), READY);
                assertTrue(KafkaProbe.readyWith(3, 1).test(ready), () -> "no leader with 3 voters and an unfenced broker within "
                        + READY.toSeconds() + " s: " + ready + "; logs in " + dir);

                probe.createTopic("orders", 3, (short) 1);
                FeedSource.Prepared orders = FeedSource.prepare(Path.of("data", "orders.csv"), Path.of("data", "orders.spec.json"),
                        (rows, bytes) -> { });
                assertEquals(41, orders.records().size(), "the sample's clean records");
                RealFeed.Result fed = RealFeed.send(cluster[0].bootstrapServers(), new Properties(), "orders", orders.records(),
                        "all", true, Duration.ofSeconds(60));
                assertEquals(new RealFeed.Result(41, 0, ""), fed);
                assertEquals(41, probe.recordCount("orders"), "records in the topic's partitions");

                KafkaObservation.Quorum before = probe.quorum().value().orElseThrow();
                assertTrue(before.leaderId() >= 1 && before.leaderId() <= 3, "the leader is a controller: " + before);
                assertTrue(cluster[0].kill(before.leaderId()), "the leader's process was running");
                assertTrue(!cluster[0].isRunning(before.leaderId()));

                KafkaObservation after = probe.awaitObservation(KafkaProbe.newLeaderAfter(before.leaderId(), before.leaderEpoch()), NEW_LEADER);
                KafkaObservation.Quorum q = after.quorum().value().orElseThrow(() -> new AssertionError(
                        "no quorum answer within " + NEW_LEADER.toSeconds() + " s of killing " + before.leaderId() + ": " + after.quorum().error()));
                assertTrue(q.leaderId() >= 1 && q.leaderId() != before.leaderId() && q.leaderEpoch() > before.leaderEpoch(),
                        () -> "expected a new leader in an epoch above " + before.leaderEpoch() + " within " + NEW_LEADER.toSeconds()
                                + " s, got " + q);

                // the metadata log on the new leader's disk, decoded with Kafka's serde, holds the topic and the new leader's
                // LeaderChange; read again until the new leader has written it (its LeaderChange opens its epoch)
                var leaderNode = cluster[0].state().node(q.leaderId());
                try (MetadataLogReader reader = MetadataLogReader.open(KafkaLib.locate())) {
                    List<MetadataLogReader.Entry> log = reader.read(MetadataLogReader.logDir(cluster[0], leaderNode), 100_000);
                    assertTrue(log.stream().anyMatch(e -> e.type().equals("TopicRecord") && e.fields().contains("name='orders'")),
                            () -> "no TopicRecord for orders in " + log.size() + " records");
                    assertTrue(log.stream().anyMatch(e -> e.type().equals("LeaderChangeMessage (control)")
                                    && e.epoch() == q.leaderEpoch() && e.fields().contains("leaderId=" + q.leaderId())),
                            () -> "no LeaderChange of leader " + q.leaderId() + " in epoch " + q.leaderEpoch() + ": "
                                    + log.stream().filter(e -> e.type().startsWith("LeaderChange")).toList());
                }
            }
        } finally {
            cleanUp(cluster[0], dir);
            Runtime.getRuntime().removeShutdownHook(cleanup);
        }
    }

    private static void cleanUp(LocalCluster cluster, Path dir) {
        if (cluster != null) {
            cluster.killAll();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // already gone (the hook and finally may both run)
        }
    }
}
