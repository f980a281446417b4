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
import java.util.Set;
import java.util.TreeSet;
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
    /** A new JVM's start, a registration, a voter change, a fencing: each within this. */
    private static final Duration STEP = Duration.ofSeconds(120);

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

                // the same log as an attached cluster's is read: fetched from the leader's controller endpoint as a non-replica
                try (io.yakraft.kafka.metalog.RemoteMetadataLog remote = new io.yakraft.kafka.metalog.RemoteMetadataLog(100_000)) {
                    var fetched = remote.poll(probe);
                    assertTrue(fetched.entries().stream().anyMatch(e -> e.type().equals("TopicRecord") && e.fields().contains("name='orders'")),
                            () -> "no TopicRecord for orders fetched from the leader: " + fetched.note() + ", " + fetched.entries().size() + " records");
                }

                growAndShrink(cluster[0], probe, before.leaderId(), dir);
            }
        } finally {
            cleanUp(cluster[0], dir);
            Runtime.getRuntime().removeShutdownHook(cleanup);
        }
    }

    /**
     * The controls beyond kill: register a second broker (a new process), add a fourth controller as an observer and
     * then a voter (AddRaftVoter), remove the killed controller from the voter set (RemoveRaftVoter), pause the first
     * broker (SIGSTOP) until the controller fences it and resume it until it is unfenced, and read the metadata log
     * from its newest snapshot (.checkpoint).
     */
    private static void growAndShrink(LocalCluster cluster, KafkaProbe probe, int killed, Path dir) throws Exception {
        LocalNode broker = cluster.addBroker(0);
        assertEquals(102, broker.id());
        assertSeen(probe, KafkaProbe.brokerUnfenced(102), "broker 102 registered and unfenced", dir);

        LocalNode controller = cluster.addController(0);
        assertEquals(4, controller.id());
        assertTrue(!controller.directoryId().isEmpty(), "the directory id StorageTool wrote");
        assertSeen(probe, KafkaProbe.caughtUpObserver(4), "controller 4 an observer caught up", dir);
        String added = VoterChanges.add(cluster, probe, 4);
        assertEquals("AddRaftVoter(4): ok", added);
        assertSeen(probe, KafkaProbe.votersAre(Set.of(1, 2, 3, 4)), "voters 1,2,3,4", dir);

        String removed = VoterChanges.remove(probe, killed);
        assertEquals("RemoveRaftVoter(" + killed + "): ok", removed);
        Set<Integer> rest = new TreeSet<>(Set.of(1, 2, 3, 4));
        rest.remove(killed);
        assertSeen(probe, KafkaProbe.votersAre(rest), "voters " + rest, dir);

        // the new broker: the probe's Admin was bootstrapped from broker 101 alone, and a paused JVM keeps its sockets
        // open but answers nothing, so pausing 101 would also silence the describeCluster that should see it fenced
        assertTrue(cluster.pause(102));
        assertTrue(cluster.isPaused(cluster.state().node(102)), "SIGSTOP leaves the process stopped");
        // no heartbeat for broker.session.timeout.ms (9 s): the active controller fences it
        assertSeen(probe, KafkaProbe.brokerFenced(102), "broker 102 fenced while paused", dir);
        assertTrue(cluster.resume(102));
        assertTrue(!cluster.isPaused(cluster.state().node(102)));
        assertSeen(probe, KafkaProbe.brokerUnfenced(102), "broker 102 unfenced after resuming", dir);

        // the lab's controllers snapshot every 30 s once something was committed: the leader's newest .checkpoint
        KafkaObservation.Quorum q = probe.quorum().value().orElseThrow();
        Path logDir = MetadataLogReader.logDir(cluster, cluster.state().node(q.leaderId()));
        assertTrue(MetadataLogReader.awaitSnapshot(logDir, Duration.ofSeconds(90)), "no .checkpoint in " + logDir + " within 90 s");
        try (MetadataLogReader reader = MetadataLogReader.open(KafkaLib.locate())) {
            List<MetadataLogReader.Entry> log = reader.read(logDir, 100_000, true);
            assertEquals("SnapshotHeaderRecord (control)", log.get(0).type(), () -> log.subList(0, Math.min(5, log.size())).toString());
            assertTrue(log.stream().anyMatch(e -> e.inSnapshot() && e.type().equals("TopicRecord") && e.fields().contains("name='orders'")),
                    "the snapshot holds the topic");
            assertTrue(log.stream().anyMatch(e -> e.inSnapshot() && e.type().equals("RegisterBrokerRecord") && e.fields().contains("brokerId=101")),
                    "and the broker's registration");
        }
    }

    private static void assertSeen(KafkaProbe probe, java.util.function.Predicate<KafkaObservation> what, String description, Path dir)
            throws InterruptedException {
        KafkaObservation o = probe.awaitObservation(what, STEP);
        assertTrue(what.test(o), () -> "not seen within " + STEP.toSeconds() + " s: " + description + "; quorum " + o.quorum()
                + "; brokers " + o.brokers() + "; logs in " + dir);
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
