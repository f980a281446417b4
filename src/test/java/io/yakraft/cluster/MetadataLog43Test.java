package io.yakraft.cluster;

import io.yakraft.check.InvariantChecker;
import io.yakraft.metadata.ControllerCommand;
import io.yakraft.metadata.KafkaFeatures;
import io.yakraft.metadata.MetadataImage;
import io.yakraft.metadata.MetadataRecord;
import io.yakraft.metadata.PartitionRegistration;
import io.yakraft.raft.LogEntry;
import io.yakraft.sim.NodeStatus;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The metadata log as Kafka 4.3 writes it, and a broker's controlled shutdown, through the simulated quorum. */
class MetadataLog43Test {

    private static Cluster cluster(ClusterConfig config) {
        Cluster c = new Cluster(config);
        new InvariantChecker(c);
        return c.start();
    }

    private static List<Object> payloads(Cluster c, int node) {
        List<Object> out = new ArrayList<>();
        for (LogEntry e : c.entries(node, 0, Long.MAX_VALUE)) {
            out.add(e.payload());
        }
        return out;
    }

    @Test
    void aFreshLogStartsWithTheBootstrapFeaturesThenControllerAndBrokerRegistrations() {
        Cluster c = cluster(ClusterConfig.defaults(42, 3, 3));
        c.runUntil(5_000);
        List<Object> log = payloads(c, c.leaderId());
        // The first leader's batch: LeaderChange, KRaftVersion, KRaftVoters (appendStartOfEpochControlRecords);
        // then ActivationRecordsGenerator.recordsForEmptyLog at 4.3-IV0 (metadata transactions supported):
        // BeginTransaction, metadata.version then the features, the cluster min.insync.replicas (ELR is on),
        // EndTransaction; one batch
        assertTrue(log.get(1) instanceof io.yakraft.raft.KRaftVersionRecord && log.get(2) instanceof io.yakraft.raft.VotersRecord);
        int n = KafkaFeatures.bootstrapRecords().size();
        assertEquals(new MetadataRecord.BeginTransactionRecord("Bootstrap records"), log.get(3));
        assertEquals(new MetadataRecord.FeatureLevelRecord(KafkaFeatures.METADATA_VERSION, (short) 30), log.get(4));
        assertEquals(KafkaFeatures.bootstrapRecords(), log.subList(4, 4 + n));
        assertEquals(new MetadataRecord.ConfigRecord((byte) 4, "", "min.insync.replicas", "1"), log.get(4 + n));
        assertEquals(new MetadataRecord.EndTransactionRecord(), log.get(5 + n));
        List<LogEntry> entries = c.entries(c.leaderId(), 3, 6 + n);
        assertEquals(1, entries.stream().map(LogEntry::batchLastOffset).distinct().count(), "the bootstrap is one batch");
        assertEquals("1", c.image(101).clusterConfig("min.insync.replicas"));
        long controllers = log.stream().filter(p -> p instanceof MetadataRecord.RegisterControllerRecord).count();
        assertEquals(3, controllers, "one RegisterControllerRecord per controller");
        assertTrue(log.stream().noneMatch(p -> p instanceof MetadataRecord.FenceBrokerRecord
                || p instanceof MetadataRecord.UnfenceBrokerRecord), "fencing goes through BrokerRegistrationChangeRecord");
        assertTrue(log.stream().anyMatch(p -> p instanceof MetadataRecord.BrokerRegistrationChangeRecord r && r.fenced() == -1));
        MetadataImage img = c.image(101);
        assertEquals((short) 30, img.metadataVersion());
        assertEquals(3, img.controllers().size());
        assertEquals(1, img.brokers().get(101).logDirs().size(), "a broker registers its one log directory");
    }

    @Test
    void theActiveControllerWritesANoOpEveryMaxIdleInterval() {
        ClusterConfig config = ClusterConfig.defaults(42, 3, 0);
        Cluster c = cluster(config);
        c.runUntil(3_000);
        long before = payloads(c, c.leaderId()).stream().filter(p -> p instanceof MetadataRecord.NoOpRecord).count();
        c.runFor(5_000);
        long after = payloads(c, c.leaderId()).stream().filter(p -> p instanceof MetadataRecord.NoOpRecord).count();
        assertEquals(10, after - before, "5 s at metadata.max.idle.interval.ms 500");

        Cluster quiet = cluster(config.withMetadata(config.metadata().withMaxIdleInterval(0)));
        quiet.runUntil(8_000);
        assertTrue(payloads(quiet, quiet.leaderId()).stream().noneMatch(p -> p instanceof MetadataRecord.NoOpRecord));
    }

    @Test
    void aCommandsRecordsAreOneBatchThatAFetchNeverSplits() {
        Cluster c = cluster(ClusterConfig.defaults(42, 3, 3));
        c.runUntil(5_000);
        c.submit(new ControllerCommand.CreateTopic("wide", 100, 2), r -> { });
        c.runFor(2_000);
        List<LogEntry> log = c.entries(c.leaderId(), 0, Long.MAX_VALUE);
        LogEntry topic = log.stream().filter(e -> e.payload() instanceof MetadataRecord.TopicRecord).findFirst().orElseThrow();
        assertEquals(topic.offset() + 100, topic.batchLastOffset(), "the TopicRecord and its 100 PartitionRecords: one batch");
        // 101 records is more than a fetch's 64: followers still got the batch whole, with the same bounds
        for (int id : c.allIds()) {
            LogEntry mine = c.entries(id, topic.offset(), topic.offset() + 1).get(0);
            assertEquals(topic.batchLastOffset(), mine.batchLastOffset(), "n" + id);
            assertEquals(100, c.image(id).topics().get("wide").partitions().size(), "n" + id);
        }
    }

    @Test
    void aStoppedBrokerHandsOverItsLeadershipsBeforeItStopsAndAKilledOneOnlyAfterItsSession() {
        Cluster c = cluster(ClusterConfig.defaults(42, 3, 3));
        c.runUntil(5_000);
        c.submit(new ControllerCommand.CreateTopic("t", 6, 3), r -> { });
        c.runFor(2_000);
        assertEquals(BrokerState.RUNNING, c.brokerState(101));
        assertTrue(led(c, 101) > 0, "b101 leads some partitions");

        c.stop(101);
        assertEquals(BrokerState.PENDING_CONTROLLED_SHUTDOWN, c.brokerState(101));
        boolean sawInControlledShutdown = false;
        long stoppedAt = -1;
        for (int i = 0; i < 500 && stoppedAt < 0; i++) {
            c.runFor(10);
            var reg = c.committedImage().brokers().get(101);
            sawInControlledShutdown |= reg.inControlledShutdown() && !reg.fenced();
            if (c.status(101) == NodeStatus.DOWN) {
                stoppedAt = c.now();
                assertEquals(0, led(c, 101), "no partition led by b101 when it stops");
                assertTrue(reg.fenced(), "fenced before it stopped");
            }
        }
        assertTrue(sawInControlledShutdown, "InControlledShutdown was committed while b101 still ran");
        assertTrue(stoppedAt > 0, "b101 stopped within 5 s");

        long killedAt = c.now();
        int ledBy102 = led(c, 102);
        assertTrue(ledBy102 > 0);
        c.crash(102);
        c.runFor(5_000);
        assertEquals(ledBy102, led(c, 102), "5 s after a crash the controller still has b102 leading (session 9 s)");
        c.runFor(6_000);
        assertEquals(0, led(c, 102), "fenced once its session ran out, " + (c.now() - killedAt) + " ms after the crash");
        assertNotEquals(NodeStatus.DOWN, c.status(103));
    }

    @Test
    void aLoneBrokerStoppingIsLetGoAtOnceAndABrokerThatNeverRegisteredStopsAtOnce() {
        Cluster c = cluster(ClusterConfig.defaults(42, 3, 1));
        c.stop(101); // at time 0: not registered yet
        c.runFor(10);
        assertEquals(NodeStatus.DOWN, c.status(101));
        c.restart(101, false);
        c.runFor(5_000);
        assertEquals(BrokerState.RUNNING, c.brokerState(101));
        c.stop(101);
        c.runFor(1_000);
        assertEquals(NodeStatus.DOWN, c.status(101));
        assertTrue(c.committedImage().brokers().get(101).fenced());
        assertFalse(c.violations().size() > 0, c.violations().toString());
    }

    private static int led(Cluster c, int broker) {
        int n = 0;
        for (var t : c.committedImage().topics().values()) {
            for (PartitionRegistration p : t.partitions().values()) {
                n += p.leader() == broker ? 1 : 0;
            }
        }
        return n;
    }
}
