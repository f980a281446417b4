package io.yakraft.metadata;

import io.yakraft.metadata.ControllerCommand.AlterPartition;
import io.yakraft.metadata.ControllerCommand.AlterTopicConfigs;
import io.yakraft.metadata.ControllerCommand.BrokerHeartbeat;
import io.yakraft.metadata.ControllerCommand.CreateTopic;
import io.yakraft.metadata.ControllerCommand.RegisterBroker;
import io.yakraft.metadata.MetadataRecord.ClearElrRecord;
import io.yakraft.metadata.MetadataRecord.ConfigRecord;
import io.yakraft.metadata.MetadataRecord.Endpoint;
import io.yakraft.metadata.MetadataRecord.PartitionChangeRecord;
import io.yakraft.metadata.QuorumController.Decision;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * KIP-966's eligible leader replicas as Kafka 4.3.1 ships them (eligible.leader.replicas.version 1
 * is bootstrapped into every new cluster, EligibleLeaderReplicasVersion.LATEST_PRODUCTION), unclean
 * election marking the leader RECOVERING, and IncrementalAlterConfigs on topics. Each test names
 * the Kafka 4.3.1 test (kafka-metadata test sources) it follows.
 */
class EligibleLeaderReplicasTest {
    private static final long SESSION = 9000;
    private QuorumController qc;
    private long next;
    private long now;

    @BeforeEach
    void setUp() {
        qc = new QuorumController(SESSION, new SplittableRandom(1));
        qc.activate(0, MetadataImage.EMPTY);
        next = 0;
        now = 0;
        next += qc.bootstrap(next, 1).records().size(); // metadata.version 4.3-IV0 and eligible.leader.replicas.version 1
    }

    @Test
    void aNewClusterHasElrOn() {
        assertTrue(qc.elrEnabled(), "4.3's bootstrap finalizes eligible.leader.replicas.version 1");
        assertEquals((short) 1, qc.image().features().get(KafkaFeatures.ELR_VERSION));
    }

    /** ReplicationControlManagerTest.testElrsRemovedOnMinIsrUpdate (its set-up) and PartitionChangeBuilderTest.testEligibleLeaderReplicas_IsrShrinkBelowMinISR. */
    @Test
    void anIsrShrinkingBelowMinIsrPutsTheRemovedMembersInTheElr() {
        startBrokers(4);
        Uuid foo = topic("foo", List.of(1, 2, 4), Map.of("min.insync.replicas", "2"));
        fence(4);
        PartitionRegistration p = partition(foo);
        assertEquals(List.of(1, 2), p.isr());
        assertEquals(List.of(), p.eligibleLeaderReplicas(), "the ISR is not below min ISR 2 yet");
        fence(1);
        p = partition(foo);
        assertEquals(2, p.leader());
        assertEquals(List.of(2), p.isr());
        assertEquals(List.of(1), p.eligibleLeaderReplicas(), "b1 held every record up to the high watermark");
    }

    /** PartitionChangeBuilderTest.testEligibleLeaderReplicas_IsrCanShrinkToZero and testEligibleLeaderReplicas_lastKnownElrShouldBePopulatedWhenNoLeader. */
    @Test
    void theIsrCanShrinkToZeroAndTheLastLeaderIsRemembered() {
        startBrokers(3);
        Uuid foo = topic("foo", List.of(1, 2, 3), Map.of("min.insync.replicas", "2"));
        fence(3);
        fence(2);
        fence(1);
        PartitionRegistration p = partition(foo);
        assertFalse(p.hasLeader());
        assertEquals(List.of(), p.isr(), "with ELR on, the last member leaves the ISR too");
        assertEquals(List.of(1, 2), p.eligibleLeaderReplicas());
        assertEquals(List.of(1), p.lastKnownElr(), "LastKnownElr keeps the last leader");
    }

    /** PartitionChangeBuilderTest.testEligibleLeaderReplicas_ElrCanBeElected. */
    @Test
    void anElrMemberLeadsCleanlyWhenItComesBack() {
        startBrokers(3);
        Uuid foo = topic("foo", List.of(1, 2, 3), Map.of("min.insync.replicas", "2"));
        fence(3);
        fence(2);
        fence(1);
        Decision back = heartbeat(2, false);
        PartitionRegistration p = partition(foo);
        assertEquals(2, p.leader(), back.records().toString());
        assertEquals(List.of(2), p.isr(), "the ELR member becomes the ISR");
        assertEquals(List.of(1), p.eligibleLeaderReplicas(), "and leaves the ELR");
        assertEquals(List.of(), p.lastKnownElr(), "a leader again: LastKnownElr cleared");
        assertEquals(MetadataRecord.RECOVERED, p.leaderRecoveryState(), "a clean election");
    }

    /** ReplicationControlManagerTest.testEligibleLeaderReplicas_UncleanShutdown and PartitionChangeBuilderTest.testEligibleLeaderReplicas_RemoveUncleanShutdownReplicasFromElr. */
    @Test
    void aBrokerBackFromACrashLeavesTheElrButOneBackFromACleanShutdownStays() {
        for (boolean clean : new boolean[] {false, true}) {
            setUp();
            startBrokers(3);
            Uuid foo = topic("foo", List.of(1, 2, 3), Map.of("min.insync.replicas", "2"));
            fence(3);
            fence(2);
            long epoch2 = qc.image().brokers().get(2).epoch();
            run(new RegisterBroker(2, new Uuid(2, 2), endpoints(2), null, List.of(), clean ? epoch2 : -1));
            PartitionRegistration p = partition(foo);
            if (clean) {
                assertEquals(List.of(2), p.eligibleLeaderReplicas(), "a clean shutdown keeps b2 eligible");
            } else {
                assertEquals(List.of(), p.eligibleLeaderReplicas(), "its log may lack acknowledged records");
            }
        }
    }

    /** PartitionChangeBuilderTest.testEligibleLeaderReplicas_ElectLastKnownLeader: balanced recovery, unclean. */
    @Test
    void withIsrAndElrEmptyTheLastKnownLeaderLeadsAgainAsRecovering() {
        startBrokers(1);
        Uuid foo = topic("foo", List.of(1), Map.of());
        fence(1);
        assertEquals(List.of(1), partition(foo).eligibleLeaderReplicas());
        run(new RegisterBroker(1, new Uuid(1, 2), endpoints(1), null, List.of(), -1)); // back from a crash
        PartitionRegistration p = partition(foo);
        assertEquals(List.of(), p.eligibleLeaderReplicas());
        assertEquals(List.of(1), p.lastKnownElr());
        heartbeat(1, false);
        p = partition(foo);
        assertEquals(1, p.leader(), "the last known leader may lead again");
        assertEquals(MetadataRecord.RECOVERING, p.leaderRecoveryState(), "as an unclean election");
        assertEquals(List.of(), p.lastKnownElr());
    }

    /**
     * PartitionChangeBuilderTest.testUncleanSetsLeaderRecoveringState and testUncleanLeaderElection:
     * the unclean leader is the whole ISR, RECOVERING, and the ELR fields are cleared; its
     * AlterPartition with RECOVERED ends the recovery, and one with RECOVERING and two replicas is
     * refused (ReplicationControlManager.validateAlterPartitionData).
     */
    @Test
    void anUncleanLeaderRecoversThroughItsAlterPartition() {
        startBrokers(2);
        Uuid t = topic("t", List.of(1, 2), Map.of("unclean.leader.election.enable", "true"));
        assertTrue(alter(1, t, List.of(1), MetadataRecord.RECOVERED).reply().ok());
        fence(2);
        fence(1);
        PartitionRegistration p = partition(t);
        assertFalse(p.hasLeader());
        heartbeat(2, false);
        p = partition(t);
        assertEquals(2, p.leader());
        assertEquals(List.of(2), p.isr());
        assertEquals(MetadataRecord.RECOVERING, p.leaderRecoveryState());
        assertEquals(List.of(), p.eligibleLeaderReplicas(), "an unclean election clears the ELR");
        heartbeat(1, false);
        Decision refused = alter(2, t, List.of(2, 1), MetadataRecord.RECOVERING);
        assertEquals(ControllerError.INVALID_REQUEST, refused.reply().error());
        Decision done = alter(2, t, List.of(2, 1), MetadataRecord.RECOVERED);
        assertTrue(done.reply().ok(), done.reply().message());
        p = partition(t);
        assertEquals(List.of(2, 1), p.isr());
        assertEquals(MetadataRecord.RECOVERED, p.leaderRecoveryState());
        assertEquals(ControllerError.INVALID_REQUEST, alter(2, t, List.of(2), MetadataRecord.RECOVERING).reply().error(),
                "RECOVERED never goes back to RECOVERING");
    }

    /** ReplicationControlManagerTest.testElrsRemovedOnMinIsrUpdate (topic level) and ConfigurationControlManager.createClearElrRecordsAsNeeded. */
    @Test
    void alteringMinIsrWritesAConfigRecordAndClearsTheTopicsElr() {
        startBrokers(4);
        Uuid foo = topic("foo", List.of(1, 2, 4), Map.of("min.insync.replicas", "2"));
        Uuid bar = topic("bar", List.of(1, 2, 4), Map.of("min.insync.replicas", "2"));
        fence(4);
        fence(1);
        assertEquals(List.of(1), partition(foo).eligibleLeaderReplicas());
        Decision d = run(new AlterTopicConfigs("foo", Map.of("min.insync.replicas", "1")));
        assertTrue(d.reply().ok(), d.reply().message());
        assertEquals(List.of(new ConfigRecord((byte) 2, "foo", "min.insync.replicas", "1"), new ClearElrRecord("foo")),
                d.records());
        assertEquals(List.of(), partition(foo).eligibleLeaderReplicas());
        assertEquals(List.of(1), partition(bar).eligibleLeaderReplicas(), "only the altered topic");
        assertEquals("1", qc.image().topicConfig("foo", "min.insync.replicas"));
    }

    /** ConfigurationControlManagerTest's incrementalAlterConfigs cases: DELETE, unchanged values, bad values, unknown topic. */
    @Test
    void alterConfigsDeletesSkipsUnchangedAndRefusesBadInput() {
        startBrokers(1);
        topic("foo", List.of(1), Map.of("unclean.leader.election.enable", "false"));
        Map<String, String> delete = new HashMap<>();
        delete.put("unclean.leader.election.enable", null);
        Decision d = run(new AlterTopicConfigs("foo", delete));
        assertEquals(List.of(new ConfigRecord((byte) 2, "foo", "unclean.leader.election.enable", null)), d.records());
        assertNull(qc.image().topicConfig("foo", "unclean.leader.election.enable"));
        assertTrue(run(new AlterTopicConfigs("foo", delete)).records().isEmpty(), "deleting an unset config writes nothing");
        Decision bad = run(new AlterTopicConfigs("foo", Map.of("min.insync.replicas", "0")));
        assertEquals(ControllerError.INVALID_CONFIG, bad.reply().error());
        assertTrue(bad.reply().message().contains("min.insync.replicas"), bad.reply().message());
        assertEquals(ControllerError.INVALID_CONFIG, run(new AlterTopicConfigs("foo", Map.of("retention.ms", "1")))
                .reply().error());
        assertEquals(ControllerError.UNKNOWN_TOPIC_OR_PARTITION, run(new AlterTopicConfigs("nope",
                Map.of("min.insync.replicas", "1"))).reply().error());
    }

    /** ReplicationControlManagerTest.testMaybeTriggerUncleanLeaderElectionForLeaderlessPartitions. */
    @Test
    void enablingUncleanElectionLetsThePeriodicTaskElectALeaderlessPartition() {
        startBrokers(2);
        Uuid t = topic("t", List.of(1, 2), Map.of());
        assertTrue(alter(1, t, List.of(1), MetadataRecord.RECOVERED).reply().ok());
        fence(1);
        assertFalse(partition(t).hasLeader());
        assertFalse(qc.uncleanElectionPending());
        assertNull(qc.electUncleanLeaders(next), "unclean election is off for t");
        assertTrue(run(new AlterTopicConfigs("t", Map.of("unclean.leader.election.enable", "true"))).reply().ok());
        assertTrue(qc.uncleanElectionPending());
        Decision d = qc.electUncleanLeaders(next);
        next += d.records().size();
        PartitionRegistration p = partition(t);
        assertEquals(2, p.leader());
        assertEquals(MetadataRecord.RECOVERING, p.leaderRecoveryState());
        assertFalse(qc.uncleanElectionPending());
    }

    /** A property of PartitionChangeBuilder.electAnyLeader: a clean leader always comes from the ISR, or the ELR while the ISR is empty. */
    @Test
    void aCleanLeaderIsAlwaysFromTheIsrOrTheElr() {
        SplittableRandom random = new SplittableRandom(42);
        for (int round = 0; round < 300; round++) {
            List<Integer> replicas = List.of(1, 2, 3);
            List<Integer> isr = new java.util.ArrayList<>();
            List<Integer> elr = new java.util.ArrayList<>();
            for (int r : replicas) {
                int roll = random.nextInt(3);
                if (roll == 0) {
                    isr.add(r);
                } else if (roll == 1) {
                    elr.add(r);
                }
            }
            int leader = isr.isEmpty() ? -1 : isr.get(0);
            PartitionRegistration p = new PartitionRegistration(replicas, isr, List.of(), List.of(), leader,
                    MetadataRecord.RECOVERED, 3, 5, List.of(), elr, leader < 0 ? List.of(1 + random.nextInt(3)) : List.of());
            boolean[] up = {random.nextBoolean(), random.nextBoolean(), random.nextBoolean()};
            PartitionChangeRecord r = new PartitionChangeBuilder(p, new Uuid(7, 7), 0, b -> up[b - 1], 2, true)
                    .setTargetIsr(isr.stream().filter(b -> up[b - 1]).toList()).build();
            if (r == null || r.leader() < 0 || r.leaderRecoveryState() == MetadataRecord.RECOVERING) {
                continue;
            }
            List<Integer> liveIsr = isr.stream().filter(b -> up[b - 1]).toList();
            assertTrue(liveIsr.contains(r.leader()) || (liveIsr.isEmpty() && elr.contains(r.leader())),
                    "clean leader " + r.leader() + " from ISR " + isr + " ELR " + elr + " up " + java.util.Arrays.toString(up));
        }
    }

    // ------------------------------------------------------------- helpers

    private PartitionRegistration partition(Uuid topic) {
        return qc.image().topic(topic).partitions().get(0);
    }

    private Uuid topic(String name, List<Integer> replicas, Map<String, String> configs) {
        Decision d = run(new CreateTopic(name, -1, -1, Map.of(0, replicas), configs));
        assertTrue(d.reply().ok(), d.reply().message());
        return ((ControllerReply.TopicCreated) d.reply().body()).topicId();
    }

    private Decision alter(int leader, Uuid topic, List<Integer> isr, byte recovery) {
        PartitionRegistration p = partition(topic);
        return run(new AlterPartition(leader, qc.image().brokers().get(leader).epoch(), topic, 0, p.leaderEpoch(),
                p.partitionEpoch(), isr, recovery));
    }

    private Decision run(ControllerCommand command) {
        Decision d = qc.handle(now, next, command);
        next += d.records().size();
        return d;
    }

    private static List<Endpoint> endpoints(int id) {
        return List.of(new Endpoint("PLAINTEXT", "b" + id, 9092, MetadataRecord.SecurityProtocol.PLAINTEXT));
    }

    private void startBrokers(int n) {
        for (int id = 1; id <= n; id++) {
            assertTrue(run(new RegisterBroker(id, new Uuid(id, 1), endpoints(id), null)).reply().ok());
        }
        for (int id = 1; id <= n; id++) {
            heartbeat(id, false);
        }
    }

    private void fence(int id) {
        heartbeat(id, true);
    }

    private Decision heartbeat(int id, boolean wantFence) {
        return run(new BrokerHeartbeat(id, qc.image().brokers().get(id).epoch(), next, wantFence, false));
    }
}
