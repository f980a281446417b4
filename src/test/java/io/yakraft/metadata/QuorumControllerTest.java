package io.yakraft.metadata;

import io.yakraft.metadata.ControllerCommand.AllocateProducerIds;
import io.yakraft.metadata.ControllerCommand.AlterPartition;
import io.yakraft.metadata.ControllerCommand.BrokerHeartbeat;
import io.yakraft.metadata.ControllerCommand.CreatePartitions;
import io.yakraft.metadata.ControllerCommand.CreateTopic;
import io.yakraft.metadata.ControllerCommand.DeleteTopic;
import io.yakraft.metadata.ControllerCommand.RegisterBroker;
import io.yakraft.metadata.ControllerCommand.UnregisterBroker;
import io.yakraft.metadata.MetadataRecord.BrokerRegistrationChangeRecord;
import io.yakraft.metadata.MetadataRecord.Endpoint;
import io.yakraft.metadata.MetadataRecord.PartitionChangeRecord;
import io.yakraft.metadata.MetadataRecord.PartitionRecord;
import io.yakraft.metadata.MetadataRecord.ProducerIdsRecord;
import io.yakraft.metadata.MetadataRecord.RegisterBrokerRecord;
import io.yakraft.metadata.MetadataRecord.RemoveTopicRecord;
import io.yakraft.metadata.MetadataRecord.TopicRecord;
import io.yakraft.metadata.MetadataRecord.UnregisterBrokerRecord;
import io.yakraft.metadata.QuorumController.Decision;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks QuorumController: every command's records, replies and error codes, session expiry and determinism. */
class QuorumControllerTest {
    private static final long SESSION = 9000;

    private QuorumController qc;
    /** The offset the next record will be written at. */
    private long next;
    private long now;

    @BeforeEach
    void setUp() {
        qc = newController(1);
        next = 0;
        now = 0;
    }

    // ------------------------------------------------------------- RegisterBroker

    @Test
    void newRegistrationIsFencedWithEpochEqualToItsRecordOffset() {
        Decision d = run(registerCmd(1, incarnation(1, 1)));
        assertOk(d);
        assertEquals(1, d.records().size());
        RegisterBrokerRecord r = assertInstanceOf(RegisterBrokerRecord.class, d.records().get(0));
        assertEquals(1, r.brokerId());
        assertEquals(incarnation(1, 1), r.incarnationId());
        assertEquals(0, r.brokerEpoch());
        assertTrue(r.fenced());
        assertFalse(r.inControlledShutdown());
        assertEquals("rack-1", r.rack());
        assertEquals(new ControllerReply.BrokerRegistered(0), d.reply().body());

        Decision second = run(registerCmd(2, incarnation(2, 1)));
        assertEquals(1, assertInstanceOf(RegisterBrokerRecord.class, second.records().get(0)).brokerEpoch());
        assertEquals(new ControllerReply.BrokerRegistered(1), second.reply().body());

        BrokerRegistration b = qc.image().brokers().get(1);
        assertTrue(b.fenced());
        assertEquals(0, b.epoch());
        assertEquals(1, qc.image().brokers().get(2).epoch());
    }

    @Test
    void reRegistrationWithNewIncarnationWhileSessionLiveIsDuplicate() {
        startBrokers(1);
        long epoch = epoch(1);
        now = SESSION - 1;
        Decision d = run(registerCmd(1, incarnation(1, 2)));
        assertError(d, ControllerError.DUPLICATE_BROKER_REGISTRATION);
        assertEquals(epoch, epoch(1));
        assertEquals(incarnation(1, 1), qc.image().brokers().get(1).incarnationId());
        assertFalse(qc.image().brokers().get(1).fenced());
    }

    @Test
    void reRegistrationWithSameIncarnationWhileSessionLiveGetsNewEpoch() {
        startBrokers(1);
        long old = epoch(1);
        Decision d = run(registerCmd(1, incarnation(1, 1)));
        assertOk(d);
        long epoch = body(d, ControllerReply.BrokerRegistered.class).brokerEpoch();
        assertTrue(epoch > old);
        assertTrue(qc.image().brokers().get(1).fenced());
    }

    @Test
    void reRegistrationAfterSessionEndedGetsLargerEpochAndMovesLeadershipFirst() {
        startBrokers(2);
        Uuid topic = createTopic("t", Map.of(0, List.of(1, 2)));
        long old = epoch(1);
        now = SESSION / 2;
        assertOk(heartbeat(2, next));
        now = SESSION;
        long before = next;
        Decision d = run(registerCmd(1, incarnation(1, 2)));
        assertOk(d);
        assertEquals(2, d.records().size());
        PartitionChangeRecord change = assertInstanceOf(PartitionChangeRecord.class, d.records().get(0));
        assertEquals(topic, change.topicId());
        assertEquals(List.of(2), change.isr());
        assertEquals(2, change.leader());
        RegisterBrokerRecord r = assertInstanceOf(RegisterBrokerRecord.class, d.records().get(1));
        assertEquals(before + 1, r.brokerEpoch());
        assertTrue(r.brokerEpoch() > old);
        assertEquals(new ControllerReply.BrokerRegistered(before + 1), d.reply().body());
        assertEquals(incarnation(1, 2), qc.image().brokers().get(1).incarnationId());
        assertTrue(qc.image().brokers().get(1).fenced());
        assertEquals(2, partition("t", 0).leader());
    }

    @Test
    void reRegistrationOnceFencedGetsLargerEpoch() {
        startBrokers(1);
        assertOk(heartbeat(1, next, true, false));
        assertTrue(qc.image().brokers().get(1).fenced());
        long old = epoch(1);
        long before = next;
        Decision d = run(registerCmd(1, incarnation(1, 2)));
        assertOk(d);
        assertEquals(1, d.records().size());
        RegisterBrokerRecord r = assertInstanceOf(RegisterBrokerRecord.class, d.records().get(0));
        assertEquals(before, r.brokerEpoch());
        assertTrue(r.brokerEpoch() > old);
        assertEquals(before, epoch(1));
    }

    @Test
    void reRegistrationOfNeverUnfencedBrokerWithNewIncarnationIsAllowed() {
        run(registerCmd(1, incarnation(1, 1)));
        Decision d = run(registerCmd(1, incarnation(1, 2)));
        assertOk(d);
        assertEquals(1, body(d, ControllerReply.BrokerRegistered.class).brokerEpoch());
    }

    @Test
    void negativeBrokerIdIsInvalidRequest() {
        assertError(run(registerCmd(-1, incarnation(1, 1))), ControllerError.INVALID_REQUEST);
        assertTrue(qc.image().brokers().isEmpty());
    }

    // ------------------------------------------------------------- BrokerHeartbeat

    @Test
    void heartbeatFromUnknownBrokerIsNotRegistered() {
        assertError(run(new BrokerHeartbeat(7, 0, 0, false, false)), ControllerError.BROKER_ID_NOT_REGISTERED);
    }

    @Test
    void heartbeatWithWrongEpochIsStale() {
        startBrokers(1);
        assertError(run(new BrokerHeartbeat(1, epoch(1) + 1, next, false, false)), ControllerError.STALE_BROKER_EPOCH);
        assertError(run(new BrokerHeartbeat(1, epoch(1) - 1, next, false, false)), ControllerError.STALE_BROKER_EPOCH);
    }

    @Test
    void heartbeatUnfencesOnlyOnceCaughtUpToItsEpoch() {
        run(registerCmd(1, incarnation(1, 1)));
        run(registerCmd(2, incarnation(2, 1)));
        long epoch = epoch(2);
        assertEquals(1, epoch);

        Decision behind = heartbeat(2, epoch - 1);
        assertOk(behind);
        assertTrue(behind.records().isEmpty());
        assertEquals(new ControllerReply.HeartbeatAnswer(true, false), behind.reply().body());
        assertTrue(qc.image().brokers().get(2).fenced());

        Decision caughtUp = heartbeat(2, epoch);
        assertOk(caughtUp);
        assertEquals(List.of(unfence(2, epoch)), caughtUp.records());
        assertEquals(new ControllerReply.HeartbeatAnswer(false, false), caughtUp.reply().body());
        assertFalse(qc.image().brokers().get(2).fenced());

        Decision again = heartbeat(2, next);
        assertTrue(again.records().isEmpty());
        assertEquals(new ControllerReply.HeartbeatAnswer(false, false), again.reply().body());
    }

    @Test
    void heartbeatWantingFenceFencesAndMovesLeadership() {
        startBrokers(2);
        Uuid topic = createTopic("t", Map.of(0, List.of(1, 2)));
        Decision d = heartbeat(1, next, true, false);
        assertOk(d);
        assertEquals(List.of(new PartitionChangeRecord(0, topic, List.of(2), 2, null, null, null),
                fence(1, epoch(1))), d.records());
        assertEquals(new ControllerReply.HeartbeatAnswer(true, false), d.reply().body());
        assertTrue(qc.image().brokers().get(1).fenced());
        PartitionRegistration p = partition("t", 0);
        assertEquals(2, p.leader());
        assertEquals(List.of(2), p.isr());
        assertEquals(1, p.leaderEpoch());
        assertEquals(1, p.partitionEpoch());
    }

    @Test
    void controlledShutdownMovesLeadershipFirstAndLetsGoOnceTheOthersCaughtUp() {
        startBrokers(2);
        Uuid topic = createTopic("t", Map.of(0, List.of(1, 2)));
        long epoch = epoch(1);
        long shutdownOffset = next + 1; // the batch's last record
        Decision d = heartbeat(1, next, false, true);
        assertOk(d);
        // ReplicationControlManager.handleBrokerInControlledShutdown: the flag first, then the partition changes
        assertEquals(List.of(new BrokerRegistrationChangeRecord(1, epoch, (byte) 0, (byte) 1),
                new PartitionChangeRecord(0, topic, List.of(2), 2, null, null, null)), d.records());
        assertEquals(new ControllerReply.HeartbeatAnswer(false, false), d.reply().body());
        BrokerRegistration b = qc.image().brokers().get(1);
        assertFalse(b.fenced());
        assertTrue(b.inControlledShutdown());

        // broker 2 has not applied the move yet: broker 1 must wait (BrokerHeartbeatManager.lowestActiveOffset)
        assertOk(heartbeat(2, shutdownOffset - 1));
        Decision wait = heartbeat(1, next, false, true);
        assertTrue(wait.records().isEmpty(), "records: " + wait.records());
        assertEquals(new ControllerReply.HeartbeatAnswer(false, false), wait.reply().body());

        assertOk(heartbeat(2, shutdownOffset));
        Decision go = heartbeat(1, next, false, true);
        assertEquals(List.of(fence(1, epoch)), go.records());
        assertEquals(new ControllerReply.HeartbeatAnswer(true, true), go.reply().body());
        assertTrue(qc.image().brokers().get(1).fenced());

        Decision again = heartbeat(1, next, false, true);
        assertTrue(again.records().isEmpty());
        assertEquals(new ControllerReply.HeartbeatAnswer(true, true), again.reply().body());
    }

    @Test
    void lastIsrMemberInControlledShutdownKeepsItsIsrPlaceAndIsLetGoWhenAlone() {
        startBrokers(1);
        Uuid topic = createTopic("t", Map.of(0, List.of(1)));
        Decision d = heartbeat(1, next, false, true);
        assertOk(d);
        assertEquals(MetadataRecord.NO_LEADER, partition("t", 0).leader());
        assertEquals(List.of(1), partition("t", 0).isr(), "KIP-841: the last ISR member stays; topic " + topic);

        Decision go = heartbeat(1, next, false, true); // no other active broker: lowest active offset is unbounded
        assertEquals(new ControllerReply.HeartbeatAnswer(true, true), go.reply().body());
        assertTrue(qc.image().brokers().get(1).fenced());
    }

    @Test
    void fencedBrokerWantingShutdownIsLetGoAtOnce() {
        run(registerCmd(4, incarnation(4, 1)));
        Decision d = heartbeat(4, -1, false, true);
        assertTrue(d.records().isEmpty());
        assertEquals(new ControllerReply.HeartbeatAnswer(true, true), d.reply().body());
    }

    @Test
    void heartbeatKeepsTheSessionAlive() {
        startBrokers(1);
        now = SESSION - 1;
        assertOk(heartbeat(1, next));
        now = SESSION + 100;
        assertNull(fenceStale());
        assertEquals(SESSION - 1 + SESSION, qc.nextSessionEnd());
        now = 2 * SESSION - 1;
        assertNotNull(fenceStale());
        assertTrue(qc.image().brokers().get(1).fenced());
    }

    // ------------------------------------------------------------- session expiry

    @Test
    void nothingIsFencedBeforeTheSessionEnds() {
        startBrokers(2);
        now = SESSION - 1;
        assertNull(fenceStale());
        assertEquals(SESSION, qc.nextSessionEnd());
    }

    @Test
    void expiryMovesLeadershipToAnotherIsrMemberBeforeFencing() {
        startBrokers(3);
        Uuid topic = createTopic("t", Map.of(0, List.of(1, 2, 3), 1, List.of(2, 1, 3)));
        now = SESSION / 2;
        heartbeat(2, next);
        heartbeat(3, next);
        now = SESSION;
        long epoch = epoch(1);
        Decision d = fenceStale();
        assertNotNull(d);
        assertEquals(List.of(
                new PartitionChangeRecord(0, topic, List.of(2, 3), 2, null, null, null),
                new PartitionChangeRecord(1, topic, List.of(2, 3), MetadataRecord.NO_LEADER_CHANGE, null, null, null),
                fence(1, epoch)), d.records());
        assertTrue(qc.image().brokers().get(1).fenced());
        assertEquals(2, partition("t", 0).leader());
        assertEquals(1, partition("t", 0).leaderEpoch());
        assertEquals(List.of(2, 3), partition("t", 1).isr());
        assertEquals(0, partition("t", 1).leaderEpoch());
        assertNull(fenceStale());
    }

    @Test
    void expiryWithNoOtherIsrMemberLeavesPartitionLeaderlessAndUnfencingReelects() {
        startBrokers(2);
        Uuid topic = createTopic("t", Map.of(0, List.of(1, 2)));
        assertOk(alter(1, topic, 0, List.of(1)));
        now = SESSION / 2;
        heartbeat(2, next);
        now = SESSION;
        long epoch = epoch(1);
        Decision d = fenceStale();
        assertNotNull(d);
        assertEquals(List.of(new PartitionChangeRecord(0, topic, null, MetadataRecord.NO_LEADER, null, null, null),
                fence(1, epoch)), d.records());
        PartitionRegistration p = partition("t", 0);
        assertEquals(MetadataRecord.NO_LEADER, p.leader());
        assertFalse(p.hasLeader());
        assertEquals(List.of(1), p.isr());

        Decision back = heartbeat(1, next);
        assertEquals(List.of(unfence(1, epoch),
                new PartitionChangeRecord(0, topic, null, 1, null, null, null)), back.records());
        assertEquals(1, partition("t", 0).leader());
        assertEquals(List.of(1), partition("t", 0).isr());
    }

    @Test
    void activationStartsFreshSessions() {
        startBrokers(1);
        MetadataImage committed = qc.image();
        QuorumController successor = newController(2);
        successor.activate(SESSION, committed);
        assertEquals(2 * SESSION, successor.nextSessionEnd());
        assertNull(successor.fenceStaleBroker(2 * SESSION - 1, next));
        assertNotNull(successor.fenceStaleBroker(2 * SESSION, next));
    }

    // ------------------------------------------------------------- UnregisterBroker

    @Test
    void unregisterUnknownBrokerIsNotRegistered() {
        assertError(run(new UnregisterBroker(4)), ControllerError.BROKER_ID_NOT_REGISTERED);
    }

    @Test
    void unregisterMovesLeadershipThenRemovesTheBroker() {
        startBrokers(2);
        Uuid topic = createTopic("t", Map.of(0, List.of(1, 2)));
        long epoch = epoch(1);
        Decision d = run(new UnregisterBroker(1));
        assertOk(d);
        assertEquals(new ControllerReply.Done(), d.reply().body());
        assertEquals(List.of(new PartitionChangeRecord(0, topic, List.of(2), 2, null, null, null),
                new UnregisterBrokerRecord(1, epoch)), d.records());
        assertFalse(qc.image().brokers().containsKey(1));
        assertEquals(2, partition("t", 0).leader());
        assertEquals(SESSION, qc.nextSessionEnd());
    }

    // ------------------------------------------------------------- CreateTopic

    @Test
    void createTopicPlacesPartitionsWithSpreadLeaders() {
        startBrokers(3);
        Decision d = run(new CreateTopic("orders", 6, 2));
        assertOk(d);
        ControllerReply.TopicCreated created = body(d, ControllerReply.TopicCreated.class);
        assertEquals(6, created.partitions());
        assertEquals(7, d.records().size());
        assertEquals(new TopicRecord("orders", created.topicId()), d.records().get(0));
        TreeMap<Integer, Integer> leaders = new TreeMap<>();
        for (int p = 0; p < 6; p++) {
            PartitionRecord r = assertInstanceOf(PartitionRecord.class, d.records().get(p + 1));
            assertEquals(p, r.partitionId());
            assertEquals(created.topicId(), r.topicId());
            assertEquals(2, r.replicas().size());
            assertEquals(2, new HashSet<>(r.replicas()).size());
            assertEquals(r.replicas(), r.isr());
            assertEquals(r.replicas().get(0), r.leader());
            assertEquals(0, r.leaderEpoch());
            assertEquals(0, r.partitionEpoch());
            leaders.merge(r.leader(), 1, Integer::sum);
            assertEquals(2, r.replicas().stream().map(id -> qc.image().brokers().get(id).rack()).distinct().count(),
                    "each partition spans both racks: " + r.replicas());
        }
        // StripedReplicaPlacer stripes over racks first: rack-0 (broker 2) and rack-1 (brokers 1, 3) lead
        // three partitions each; rack-1's list steps once per partition, so with rf 2 it always offers 1 or
        // always 3 when it leads (Kafka's rule, uneven racks)
        assertEquals(6, leaders.values().stream().mapToInt(Integer::intValue).sum());
        assertEquals(3, leaders.get(2), "rack-0 leads half: " + leaders);
        assertEquals(6, qc.image().topics().get("orders").partitions().size());
        assertEquals(created.topicId(), qc.image().topics().get("orders").id());
    }

    @Test
    void createExistingTopicFails() {
        startBrokers(1);
        assertOk(run(new CreateTopic("orders", 1, 1)));
        assertError(run(new CreateTopic("orders", 2, 1)), ControllerError.TOPIC_ALREADY_EXISTS);
        assertEquals(1, qc.image().topics().get("orders").partitions().size());
    }

    @Test
    void createTopicWithIllegalNameFails() {
        startBrokers(1);
        for (String name : List.of("bad name!", "", ".", "..", "x".repeat(250), "a/b")) {
            assertError(run(new CreateTopic(name, 1, 1)), ControllerError.INVALID_TOPIC_EXCEPTION);
        }
        assertTrue(qc.image().topics().isEmpty());
    }

    @Test
    void createTopicCollidingOnDotAndUnderscoreFails() {
        startBrokers(1);
        assertOk(run(new CreateTopic("a.b", 1, 1)));
        assertError(run(new CreateTopic("a_b", 1, 1)), ControllerError.INVALID_TOPIC_EXCEPTION);
        assertEquals(List.of("a.b"), List.copyOf(qc.image().topics().keySet()));
    }

    @Test
    void createTopicWithBadPartitionCountFails() {
        startBrokers(1);
        assertError(run(new CreateTopic("t", 0, 1)), ControllerError.INVALID_PARTITIONS);
        assertError(run(new CreateTopic("t", -3, 1)), ControllerError.INVALID_PARTITIONS);
        assertError(run(new CreateTopic("t", QuorumController.MAX_PARTITIONS + 1, 1)), ControllerError.INVALID_PARTITIONS);
    }

    @Test
    void createTopicWithBadReplicationFactorFails() {
        startBrokers(3);
        assertError(run(new CreateTopic("t", 1, 0)), ControllerError.INVALID_REPLICATION_FACTOR);
        assertError(run(new CreateTopic("t", 1, 4)), ControllerError.INVALID_REPLICATION_FACTOR);
        assertTrue(qc.image().topics().isEmpty());
    }

    /** As ReplicationControlManagerTest.testCreateTopicsISRInvariants: a fenced broker is placed but kept out of the ISR. */
    @Test
    void aFencedBrokerHoldsFollowerReplicasButNeverLeads() {
        startBrokers(3);
        run(registerCmd(4, incarnation(4, 1))); // registered, still fenced: counted, may follow
        assertTrue(qc.image().brokers().get(4).fenced());
        assertError(run(new CreateTopic("t", 1, 5)), ControllerError.INVALID_REPLICATION_FACTOR);
        Decision d = run(new CreateTopic("t", 8, 4));
        assertOk(d);
        for (int p = 0; p < 8; p++) {
            PartitionRegistration r = partition("t", p);
            assertEquals(4, r.replicas().size());
            assertTrue(r.replicas().contains(4), "rf 4 on 4 brokers: " + r.replicas());
            assertNotEquals(4, r.replicas().get(0), "the first replica is never fenced: " + r.replicas());
            assertFalse(r.isr().contains(4), "a fenced replica is not in the ISR: " + r.isr());
            assertEquals(r.replicas().get(0), r.leader());
        }
    }

    /** As ReplicationControlManagerTest.testCreatePartitionsFailsWhenAllBrokersAreFencedOrInControlledShutdown. */
    @Test
    void createTopicWithEveryBrokerFencedFails() {
        run(registerCmd(1, incarnation(1, 1)));
        run(registerCmd(2, incarnation(2, 1)));
        Decision d = run(new CreateTopic("t", 1, 1));
        assertError(d, ControllerError.INVALID_REPLICATION_FACTOR);
        assertTrue(qc.image().topics().isEmpty());
    }

    @Test
    void createTopicWithExplicitAssignment() {
        startBrokers(3);
        Decision d = run(new CreateTopic("t", -1, -1, Map.of(0, List.of(2, 3), 1, List.of(3, 1))));
        assertOk(d);
        Uuid id = body(d, ControllerReply.TopicCreated.class).topicId();
        assertEquals(List.of(new TopicRecord("t", id),
                partition(0, id, List.of(2, 3), List.of(2, 3), 2),
                partition(1, id, List.of(3, 1), List.of(3, 1), 3)), d.records());
    }

    /**
     * A new partition as 4.3 writes it: recovered, each replica's directory (ClusterControlManager.defaultDir:
     * MIGRATING for a broker that registered none), empty ELR lists.
     */
    private static PartitionRecord partition(int p, Uuid topic, List<Integer> replicas, List<Integer> isr, int leader) {
        return new PartitionRecord(p, topic, replicas, isr, List.of(), List.of(), leader, MetadataRecord.RECOVERED, 0, 0,
                replicas.stream().map(r -> DirectoryIds.MIGRATING).toList(), List.of(), List.of());
    }

    @Test
    void explicitAssignmentLeavesFencedBrokersOutOfTheIsr() {
        startBrokers(1);
        run(registerCmd(2, incarnation(2, 1)));
        Decision d = run(new CreateTopic("t", -1, -1, Map.of(0, List.of(2, 1))));
        assertOk(d);
        PartitionRecord r = assertInstanceOf(PartitionRecord.class, d.records().get(1));
        assertEquals(List.of(2, 1), r.replicas());
        assertEquals(List.of(1), r.isr());
        assertEquals(1, r.leader());
    }

    @Test
    void explicitAssignmentOnlyOnFencedBrokersFails() {
        startBrokers(1);
        run(registerCmd(2, incarnation(2, 1)));
        assertError(run(new CreateTopic("t", -1, -1, Map.of(0, List.of(2)))), ControllerError.INVALID_REPLICATION_FACTOR);
        assertTrue(qc.image().topics().isEmpty());
    }

    @Test
    void invalidExplicitAssignmentsFail() {
        startBrokers(3);
        List<Map<Integer, List<Integer>>> bad = List.of(
                Map.of(0, List.of(1, 9)),                    // unknown broker
                Map.of(0, List.of(1, 1)),                    // duplicate broker
                Map.of(0, List.of(1, 2), 1, List.of(3)),     // unequal sizes
                Map.of(0, List.of(1), 2, List.of(2)),        // partition 1 missing
                Map.of(1, List.of(1)),                       // partition 0 missing
                Map.of(0, List.of()),                        // no replicas
                Map.of());                                   // empty
        for (Map<Integer, List<Integer>> assignment : bad) {
            Decision d = run(new CreateTopic("t", -1, -1, assignment));
            assertEquals(ControllerError.INVALID_REPLICA_ASSIGNMENT, d.reply().error(), "assignment " + assignment);
            assertTrue(d.records().isEmpty());
        }
        assertTrue(qc.image().topics().isEmpty());
    }

    // ------------------------------------------------------------- CreatePartitions

    @Test
    void createPartitionsAddsPartitionsWithTheSameReplicationFactor() {
        startBrokers(3);
        Uuid id = body(run(new CreateTopic("t", 2, 2)), ControllerReply.TopicCreated.class).topicId();
        Decision d = run(new CreatePartitions("t", 5));
        assertOk(d);
        assertEquals(new ControllerReply.PartitionsCreated(id, 5), d.reply().body());
        assertEquals(3, d.records().size());
        for (int i = 0; i < 3; i++) {
            PartitionRecord r = assertInstanceOf(PartitionRecord.class, d.records().get(i));
            assertEquals(2 + i, r.partitionId());
            assertEquals(id, r.topicId());
            assertEquals(2, r.replicas().size());
            assertEquals(2, new HashSet<>(r.replicas()).size());
            assertEquals(r.replicas(), r.isr());
            assertEquals(r.replicas().get(0), r.leader());
        }
        assertEquals(5, qc.image().topics().get("t").partitions().size());
    }

    @Test
    void createPartitionsForUnknownTopicFails() {
        startBrokers(1);
        assertError(run(new CreatePartitions("nope", 3)), ControllerError.UNKNOWN_TOPIC_OR_PARTITION);
    }

    @Test
    void createPartitionsNotLargerFails() {
        startBrokers(1);
        run(new CreateTopic("t", 3, 1));
        assertError(run(new CreatePartitions("t", 3)), ControllerError.INVALID_PARTITIONS);
        assertError(run(new CreatePartitions("t", 1)), ControllerError.INVALID_PARTITIONS);
        assertEquals(3, qc.image().topics().get("t").partitions().size());
    }

    // ------------------------------------------------------------- DeleteTopic

    @Test
    void deleteTopicWritesRemoveTopicRecord() {
        startBrokers(1);
        Uuid id = body(run(new CreateTopic("t", 2, 1)), ControllerReply.TopicCreated.class).topicId();
        Decision d = run(new DeleteTopic("t"));
        assertOk(d);
        assertEquals(List.of(new RemoveTopicRecord(id)), d.records());
        assertFalse(qc.image().topics().containsKey("t"));
        assertNull(qc.image().topic(id));
    }

    @Test
    void deleteUnknownTopicFails() {
        assertError(run(new DeleteTopic("nope")), ControllerError.UNKNOWN_TOPIC_OR_PARTITION);
    }

    // ------------------------------------------------------------- AllocateProducerIds

    @Test
    void producerIdsComeInConsecutiveBlocks() {
        startBrokers(2);
        Decision first = run(new AllocateProducerIds(1, epoch(1)));
        assertOk(first);
        assertEquals(new ControllerReply.ProducerIdBlock(1, 0, QuorumController.PRODUCER_ID_BLOCK), first.reply().body());
        assertEquals(List.of(new ProducerIdsRecord(1, epoch(1), 1000)), first.records());

        Decision second = run(new AllocateProducerIds(2, epoch(2)));
        assertEquals(new ControllerReply.ProducerIdBlock(2, 1000, 1000), second.reply().body());
        assertEquals(List.of(new ProducerIdsRecord(2, epoch(2), 2000)), second.records());

        Decision third = run(new AllocateProducerIds(1, epoch(1)));
        assertEquals(new ControllerReply.ProducerIdBlock(1, 2000, 1000), third.reply().body());
        assertEquals(3000, qc.image().nextProducerId());
    }

    @Test
    void producerIdsWithStaleEpochOrUnknownBrokerFail() {
        startBrokers(1);
        assertError(run(new AllocateProducerIds(1, epoch(1) + 5)), ControllerError.STALE_BROKER_EPOCH);
        assertError(run(new AllocateProducerIds(8, 0)), ControllerError.BROKER_ID_NOT_REGISTERED);
        assertEquals(0, qc.image().nextProducerId());
    }

    // ------------------------------------------------------------- AlterPartition

    @Test
    void alterPartitionShrinksAndExpandsIsrBumpingPartitionEpoch() {
        startBrokers(3);
        Uuid topic = createTopic("t", Map.of(0, List.of(1, 2, 3)));
        Decision shrink = alter(1, topic, 0, List.of(1, 2));
        assertOk(shrink);
        assertEquals(new ControllerReply.PartitionChanged(1, 0, 1, List.of(1, 2)), shrink.reply().body());

        Decision expand = alter(1, topic, 0, List.of(1, 2, 3));
        assertOk(expand);
        assertEquals(List.of(new PartitionChangeRecord(0, topic, List.of(1, 2, 3), MetadataRecord.NO_LEADER_CHANGE,
                null, null, null)), expand.records());
        assertEquals(new ControllerReply.PartitionChanged(1, 0, 2, List.of(1, 2, 3)), expand.reply().body());
        PartitionRegistration p = partition("t", 0);
        assertEquals(List.of(1, 2, 3), p.isr());
        assertEquals(2, p.partitionEpoch());
        assertEquals(0, p.leaderEpoch());
        assertEquals(1, p.leader());
    }

    @Test
    void alterPartitionToTheSameIsrWritesNothing() {
        startBrokers(2);
        Uuid topic = createTopic("t", Map.of(0, List.of(1, 2)));
        Decision d = alter(1, topic, 0, List.of(1, 2));
        assertOk(d);
        assertTrue(d.records().isEmpty());
        assertEquals(new ControllerReply.PartitionChanged(1, 0, 0, List.of(1, 2)), d.reply().body());
    }

    @Test
    void alterPartitionWithStaleBrokerEpochFails() {
        startBrokers(2);
        Uuid topic = createTopic("t", Map.of(0, List.of(1, 2)));
        assertError(run(new AlterPartition(1, epoch(1) + 1, topic, 0, 0, 0, List.of(1))), ControllerError.STALE_BROKER_EPOCH);
        assertError(run(new AlterPartition(9, 0, topic, 0, 0, 0, List.of(1))), ControllerError.BROKER_ID_NOT_REGISTERED);
    }

    @Test
    void alterUnknownPartitionFails() {
        startBrokers(2);
        Uuid topic = createTopic("t", Map.of(0, List.of(1, 2)));
        assertError(alter(1, topic, 7, List.of(1)), ControllerError.UNKNOWN_TOPIC_OR_PARTITION);
        // ReplicationControlManagerTest.testAlterPartitionHandleUnknownTopicIdOrName
        assertError(alter(1, new Uuid(1, 2), 0, List.of(1)), ControllerError.UNKNOWN_TOPIC_ID);
    }

    /** ReplicationControlManagerTest.testInvalidAlterPartitionRequests ("Invalid leader"): INVALID_REQUEST. */
    @Test
    void alterPartitionFromFollowerIsInvalidRequest() {
        startBrokers(2);
        Uuid topic = createTopic("t", Map.of(0, List.of(1, 2)));
        assertError(run(new AlterPartition(2, epoch(2), topic, 0, 0, 0, List.of(1, 2))), ControllerError.INVALID_REQUEST);
    }

    /**
     * ReplicationControlManagerTest.testInvalidAlterPartitionRequests: epochs ahead of the
     * controller's are NOT_CONTROLLER (this controller is behind); an older leader epoch is
     * FENCED_LEADER_EPOCH, checked before who leads.
     */
    @Test
    void alterPartitionWithWrongLeaderEpochFails() {
        startBrokers(2);
        Uuid topic = createTopic("t", Map.of(0, List.of(1, 2)));
        assertError(run(new AlterPartition(1, epoch(1), topic, 0, 500, 0, List.of(1))), ControllerError.NOT_CONTROLLER);
        assertError(run(new AlterPartition(1, epoch(1), topic, 0, 0, 500, List.of(1))), ControllerError.NOT_CONTROLLER);
        assertEquals(List.of(1, 2), partition("t", 0).isr());
        assertOk(heartbeat(1, next, true, false)); // b1 fenced: b2 leads in leader epoch 1
        assertEquals(2, partition("t", 0).leader());
        int partitionEpoch = partition("t", 0).partitionEpoch();
        assertError(run(new AlterPartition(2, epoch(2), topic, 0, 0, partitionEpoch, List.of(2))),
                ControllerError.FENCED_LEADER_EPOCH);
        assertError(run(new AlterPartition(1, epoch(1), topic, 0, 0, partitionEpoch, List.of(1))),
                ControllerError.FENCED_LEADER_EPOCH);
    }

    @Test
    void alterPartitionWithWrongPartitionEpochFails() {
        startBrokers(2);
        Uuid topic = createTopic("t", Map.of(0, List.of(1, 2)));
        assertOk(alter(1, topic, 0, List.of(1)));
        assertError(run(new AlterPartition(1, epoch(1), topic, 0, 0, 0, List.of(1, 2))), ControllerError.INVALID_UPDATE_VERSION);
        assertEquals(List.of(1), partition("t", 0).isr());
    }

    @Test
    void alterPartitionWithMalformedIsrIsInvalidRequest() {
        startBrokers(3);
        Uuid topic = createTopic("t", Map.of(0, List.of(1, 2)));
        assertError(alter(1, topic, 0, List.of(2)), ControllerError.INVALID_REQUEST);       // leader missing
        assertError(alter(1, topic, 0, List.of(1, 1)), ControllerError.INVALID_REQUEST);    // duplicate
        assertError(alter(1, topic, 0, List.of(1, 3)), ControllerError.INVALID_REQUEST);    // not a replica
        assertEquals(List.of(1, 2), partition("t", 0).isr());
    }

    @Test
    void alterPartitionAddingFencedBrokerIsIneligible() {
        startBrokers(3);
        Uuid topic = createTopic("t", Map.of(0, List.of(1, 2, 3)));
        assertOk(alter(1, topic, 0, List.of(1, 2)));
        assertOk(heartbeat(3, next, true, false));
        assertTrue(qc.image().brokers().get(3).fenced());
        assertError(alter(1, topic, 0, List.of(1, 2, 3)), ControllerError.INELIGIBLE_REPLICA);
        assertEquals(List.of(1, 2), partition("t", 0).isr());
    }

    /** ReplicationControlManagerTest.testAlterPartitionShouldRejectShuttingDownBrokers. */
    @Test
    void alterPartitionAddingABrokerInControlledShutdownIsIneligible() {
        startBrokers(3);
        Uuid topic = createTopic("t", Map.of(0, List.of(1, 2, 3), 1, List.of(3, 1, 2)));
        assertOk(alter(1, topic, 0, List.of(1, 2)));
        assertOk(heartbeat(3, next, false, true)); // b3 leads partition 1: it enters controlled shutdown
        assertTrue(qc.image().brokers().get(3).inControlledShutdown());
        Decision d = alter(1, topic, 0, List.of(1, 2, 3));
        assertError(d, ControllerError.INELIGIBLE_REPLICA);
        assertTrue(d.reply().message().contains("3 shutting down"), d.reply().message());
    }

    /**
     * ReplicationControlManagerTest.testAlterPartitionShouldRejectBrokersWithStaleEpoch (KIP-903): a
     * replica the leader saw at an older broker epoch (it restarted and registered again since) cannot
     * join; at its current epoch, or unchecked (-1), it can.
     */
    @Test
    void alterPartitionWithAMembersStaleBrokerEpochIsIneligible() {
        startBrokers(3);
        Uuid topic = createTopic("t", Map.of(0, List.of(1, 2, 3)));
        assertOk(alter(1, topic, 0, List.of(1, 2)));
        long stale = epoch(3) - 1;
        PartitionRegistration p = partition("t", 0);
        Decision d = run(new AlterPartition(1, epoch(1), topic, 0, p.leaderEpoch(), p.partitionEpoch(), List.of(1, 2, 3),
                List.of(epoch(1), epoch(2), stale)));
        assertError(d, ControllerError.INELIGIBLE_REPLICA);
        assertTrue(d.reply().message().contains("3 broker epoch mismatch: requested=" + stale + " VS expected=" + epoch(3)),
                d.reply().message());
        assertOk(run(new AlterPartition(1, epoch(1), topic, 0, p.leaderEpoch(), p.partitionEpoch(), List.of(1, 2, 3),
                List.of(epoch(1), epoch(2), epoch(3)))));
        assertEquals(List.of(1, 2, 3), partition("t", 0).isr());
    }

    /** Kafka checks every member of the new ISR, not only the added ones (ineligibleReplicasForIsr). */
    @Test
    void aShrinkKeepingAFencedMemberIsIneligible() {
        startBrokers(3);
        Uuid topic = createTopic("t", Map.of(0, List.of(1, 2, 3)));
        assertOk(heartbeat(3, next, true, false));
        PartitionRegistration p = partition("t", 0);
        assertEquals(List.of(1, 2), p.isr());
        assertError(run(new AlterPartition(1, epoch(1), topic, 0, p.leaderEpoch(), p.partitionEpoch(), List.of(1, 3))),
                ControllerError.INELIGIBLE_REPLICA);
    }

    // ------------------------------------------------------------- determinism

    @Test
    void sameSeedAndCommandsGiveEqualImages() {
        MetadataImage a = scenario(11);
        MetadataImage b = scenario(11);
        assertEquals(a, b);
        assertEquals(a.sha256(), b.sha256());
        assertEquals(a.hashCode(), b.hashCode());
        MetadataImage c = scenario(12);
        assertNotEquals(a, c);
        assertNotEquals(a.sha256(), c.sha256());
    }

    /** Runs a fixed command sequence on a fresh controller with the given seed. */
    private MetadataImage scenario(long seed) {
        qc = newController(seed);
        next = 0;
        now = 0;
        startBrokers(4);
        run(new CreateTopic("orders", 8, 3));
        run(new CreateTopic("users", 3, 2));
        run(new CreatePartitions("users", 6));
        run(new AllocateProducerIds(2, epoch(2)));
        heartbeat(3, next, true, false);
        run(new DeleteTopic("users"));
        run(new UnregisterBroker(4));
        return qc.image();
    }

    // ------------------------------------------------------------- helpers

    private static QuorumController newController(long seed) {
        QuorumController c = new QuorumController(SESSION, new SplittableRandom(seed));
        c.activate(0, MetadataImage.EMPTY);
        return c;
    }

    /** Handles a command at the current time and moves the next offset past its records. */
    private Decision run(ControllerCommand command) {
        Decision d = qc.handle(now, next, command);
        next += d.records().size();
        return d;
    }

    private Decision fenceStale() {
        Decision d = qc.fenceStaleBroker(now, next);
        if (d != null) {
            next += d.records().size();
        }
        return d;
    }

    private static Uuid incarnation(int brokerId, int generation) {
        return new Uuid(brokerId, generation);
    }

    private static RegisterBroker registerCmd(int id, Uuid incarnation) {
        return new RegisterBroker(id, incarnation, List.of(new Endpoint("PLAINTEXT", "b" + id, 9092, MetadataRecord.SecurityProtocol.PLAINTEXT)),
                "rack-" + (Math.abs(id) % 2));
    }

    /** Registers brokers 1..n and heartbeats each with an offset past its epoch, so all are unfenced. */
    private void startBrokers(int n) {
        for (int id = 1; id <= n; id++) {
            assertOk(run(registerCmd(id, incarnation(id, 1))));
        }
        for (int id = 1; id <= n; id++) {
            assertOk(heartbeat(id, next));
            assertFalse(qc.image().brokers().get(id).fenced());
        }
    }

    private Decision heartbeat(int id, long offset) {
        return heartbeat(id, offset, false, false);
    }

    private Decision heartbeat(int id, long offset, boolean wantFence, boolean wantShutdown) {
        return run(new BrokerHeartbeat(id, epoch(id), offset, wantFence, wantShutdown));
    }

    private static BrokerRegistrationChangeRecord fence(int id, long epoch) {
        return new BrokerRegistrationChangeRecord(id, epoch, (byte) 1, (byte) 0);
    }

    private static BrokerRegistrationChangeRecord unfence(int id, long epoch) {
        return new BrokerRegistrationChangeRecord(id, epoch, (byte) -1, (byte) 0);
    }

    private long epoch(int id) {
        return qc.image().brokers().get(id).epoch();
    }

    private Uuid createTopic(String name, Map<Integer, List<Integer>> assignment) {
        Decision d = run(new CreateTopic(name, -1, -1, assignment));
        assertOk(d);
        return body(d, ControllerReply.TopicCreated.class).topicId();
    }

    /** AlterPartition from {@code leader} on the partition's current epochs. */
    private Decision alter(int leader, Uuid topic, int partition, List<Integer> isr) {
        TopicImage t = qc.image().topic(topic);
        PartitionRegistration p = t == null ? null : t.partitions().get(partition);
        int leaderEpoch = p == null ? 0 : p.leaderEpoch();
        int partitionEpoch = p == null ? 0 : p.partitionEpoch();
        return run(new AlterPartition(leader, epoch(leader), topic, partition, leaderEpoch, partitionEpoch, isr));
    }

    private PartitionRegistration partition(String topic, int id) {
        return qc.image().topics().get(topic).partitions().get(id);
    }

    private static void assertOk(Decision d) {
        assertEquals(ControllerError.NONE, d.reply().error(), d.reply().message());
        assertTrue(d.reply().ok());
    }

    private static void assertError(Decision d, ControllerError expected) {
        assertEquals(expected, d.reply().error(), d.reply().message());
        assertTrue(d.records().isEmpty(), "an error writes no records: " + d.records());
        assertFalse(d.reply().message().isBlank(), "an error explains itself");
    }

    private static <T extends ControllerReply.Body> T body(Decision d, Class<T> type) {
        return assertInstanceOf(type, d.reply().body());
    }
}
