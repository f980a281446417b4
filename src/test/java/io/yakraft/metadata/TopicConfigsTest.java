package io.yakraft.metadata;

import io.yakraft.metadata.ControllerCommand.AlterPartition;
import io.yakraft.metadata.ControllerCommand.BrokerHeartbeat;
import io.yakraft.metadata.ControllerCommand.CreateTopic;
import io.yakraft.metadata.ControllerCommand.DeleteTopic;
import io.yakraft.metadata.ControllerCommand.RegisterBroker;
import io.yakraft.metadata.MetadataRecord.ConfigRecord;
import io.yakraft.metadata.MetadataRecord.Endpoint;
import io.yakraft.metadata.MetadataRecord.PartitionChangeRecord;
import io.yakraft.metadata.MetadataRecord.PartitionRecord;
import io.yakraft.metadata.MetadataRecord.TopicRecord;
import io.yakraft.metadata.QuorumController.Decision;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Topic configs at creation (ConfigRecords between the TopicRecord and the PartitionRecords, as
 * ReplicationControlManager writes them) and unclean leader election when a topic allows it.
 */
class TopicConfigsTest {
    private static final long SESSION = 9000;
    private QuorumController qc;
    private long next;
    private long now;

    @BeforeEach
    void setUp() {
        qc = new QuorumController(SESSION, new SplittableRandom(1));
        qc.activate(0, MetadataImage.EMPTY);
    }

    @Test
    void configsAreWrittenAsConfigRecordsAfterTheTopicRecord() {
        startBrokers(2);
        Decision d = run(new CreateTopic("orders", 1, 2, null, Map.of("min.insync.replicas", " 2",
                "unclean.leader.election.enable", "TRUE")));
        assertTrue(d.reply().ok(), d.reply().message());
        List<MetadataRecord> r = d.records();
        assertInstanceOf(TopicRecord.class, r.get(0));
        assertEquals(new ConfigRecord((byte) 2, "orders", "min.insync.replicas", "2"), r.get(1));
        assertEquals(new ConfigRecord((byte) 2, "orders", "unclean.leader.election.enable", "true"), r.get(2));
        assertInstanceOf(PartitionRecord.class, r.get(3));
        assertEquals("2", qc.image().topicConfig("orders", "min.insync.replicas"));
        assertEquals(2, TopicConfigs.minInsyncReplicas(qc.image(), "orders", 1));
        assertTrue(TopicConfigs.uncleanLeaderElection(qc.image(), "orders"));
        assertEquals(1, TopicConfigs.minInsyncReplicas(qc.image(), "other", 1), "the broker's when the topic sets none");

        assertTrue(run(new DeleteTopic("orders")).reply().ok());
        assertNull(qc.image().topicConfig("orders", "min.insync.replicas"), "the configs go with the topic");
        assertFalse(TopicConfigs.uncleanLeaderElection(qc.image(), "orders"));
    }

    @Test
    void anUnknownConfigOrABadValueIsInvalidConfig() {
        startBrokers(1);
        for (Map<String, String> bad : List.of(Map.of("retention.ms", "1"), Map.of("min.insync.replicas", "0"),
                Map.of("min.insync.replicas", "two"), Map.of("unclean.leader.election.enable", "yes"))) {
            Decision d = run(new CreateTopic("t", 1, 1, null, bad));
            assertEquals(ControllerError.INVALID_CONFIG, d.reply().error(), bad.toString());
            assertTrue(d.records().isEmpty());
            assertFalse(d.reply().message().isBlank());
        }
    }

    @Test
    void whenTheLastIsrMemberIsFencedAnOutOfSyncReplicaLeadsOnlyIfTheTopicAllowsUncleanElection() {
        for (boolean unclean : new boolean[] {false, true}) {
            setUp();
            next = 0;
            now = 0;
            startBrokers(2);
            Uuid topic = topicOnBrokers1And2(unclean);
            assertTrue(alter(1, topic, List.of(1)).reply().ok(), "b2 left the ISR");
            now = SESSION / 2;
            heartbeat(2, false);
            now = SESSION;
            Decision d = qc.fenceStaleBroker(now, next);
            next += d.records().size();
            PartitionRegistration p = qc.image().topics().get("t").partitions().get(0);
            if (unclean) {
                assertEquals(2, p.leader(), "unclean election: the out-of-sync replica leads");
                assertEquals(List.of(2), p.isr(), "and is the whole ISR");
            } else {
                assertFalse(p.hasLeader(), "clean: nobody leads until b1 comes back");
                assertEquals(List.of(1), p.isr(), "the last ISR member is kept (KIP-841)");
            }
        }
    }

    @Test
    void aLeaderlessPartitionGetsAnOutOfSyncReplicaWhenItUnfencesIfTheTopicAllowsUncleanElection() {
        startBrokers(2);
        Uuid topic = topicOnBrokers1And2(true);
        assertTrue(alter(1, topic, List.of(1)).reply().ok());
        heartbeat(2, true); // b2 fenced: nobody can take over when b1 goes
        now = SESSION;
        Decision d = qc.fenceStaleBroker(now, next);
        next += d.records().size();
        assertFalse(qc.image().topics().get("t").partitions().get(0).hasLeader());
        Decision back = heartbeat(2, false);
        // PartitionChangeBuilder.tryElection: an unclean leader is the whole ISR and RECOVERING
        assertTrue(back.records().contains(new PartitionChangeRecord(0, topic, List.of(2), 2, null, null, null,
                MetadataRecord.RECOVERING, null, null, null)), back.records().toString());
        PartitionRegistration p = qc.image().topics().get("t").partitions().get(0);
        assertEquals(2, p.leader());
        assertEquals(List.of(2), p.isr());
    }

    private Uuid topicOnBrokers1And2(boolean unclean) {
        Decision d = run(new CreateTopic("t", -1, -1, Map.of(0, List.of(1, 2)),
                unclean ? Map.of("unclean.leader.election.enable", "true") : Map.of()));
        assertTrue(d.reply().ok(), d.reply().message());
        return ((ControllerReply.TopicCreated) d.reply().body()).topicId();
    }

    private Decision alter(int leader, Uuid topic, List<Integer> isr) {
        PartitionRegistration p = qc.image().topic(topic).partitions().get(0);
        return run(new AlterPartition(leader, qc.image().brokers().get(leader).epoch(), topic, 0, p.leaderEpoch(),
                p.partitionEpoch(), isr));
    }

    // ------------------------------------------------------------- helpers

    private Decision run(ControllerCommand command) {
        Decision d = qc.handle(now, next, command);
        next += d.records().size();
        return d;
    }

    private void startBrokers(int n) {
        for (int id = 1; id <= n; id++) {
            assertTrue(run(new RegisterBroker(id, new Uuid(id, 1), List.of(new Endpoint("PLAINTEXT", "b" + id, 9092, MetadataRecord.SecurityProtocol.PLAINTEXT)),
                    null)).reply().ok());
        }
        for (int id = 1; id <= n; id++) {
            heartbeat(id, false);
        }
    }

    private Decision heartbeat(int id, boolean wantFence) {
        return run(new BrokerHeartbeat(id, qc.image().brokers().get(id).epoch(), next, wantFence, false));
    }
}
