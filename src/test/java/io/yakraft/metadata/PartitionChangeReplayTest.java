package io.yakraft.metadata;

import io.yakraft.metadata.MetadataRecord.PartitionChangeRecord;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** PartitionRegistration.merge as Kafka's: which PartitionChangeRecords bump which epochs. */
class PartitionChangeReplayTest {
    private static final Uuid TOPIC = new Uuid(1, 2);
    private static final PartitionRegistration P = PartitionRegistration.of(new MetadataRecord.PartitionRecord(0, TOPIC,
            List.of(1, 2, 3), List.of(1, 2, 3), List.of(), List.of(), 1, 4, 9));

    @Test
    void anIsrChangeBumpsOnlyThePartitionEpoch() {
        PartitionRegistration q = P.merge(new PartitionChangeRecord(0, TOPIC, List.of(1, 2), MetadataRecord.NO_LEADER_CHANGE,
                null, null, null));
        assertEquals(4, q.leaderEpoch());
        assertEquals(10, q.partitionEpoch());
        assertEquals(List.of(1, 2), q.isr());
    }

    @Test
    void namingTheSameLeaderAgainBumpsTheLeaderEpoch() {
        // PartitionChangeBuilder writes the current leader to force a leader-epoch bump (e.g. replicas leaving)
        PartitionRegistration q = P.merge(new PartitionChangeRecord(0, TOPIC, null, 1, null, null, null));
        assertEquals(1, q.leader());
        assertEquals(5, q.leaderEpoch());
        assertEquals(10, q.partitionEpoch());
    }

    @Test
    void recoveryStateDirectoriesAndElrChangeOnlyWhenGiven() {
        PartitionRegistration q = P.merge(new PartitionChangeRecord(0, TOPIC, List.of(2), 2, null, null, null,
                MetadataRecord.RECOVERING, List.of(new Uuid(0, 7), new Uuid(0, 8), new Uuid(0, 9)), List.of(1), List.of(3)));
        assertEquals(MetadataRecord.RECOVERING, q.leaderRecoveryState());
        assertEquals(List.of(1), q.eligibleLeaderReplicas());
        assertEquals(List.of(3), q.lastKnownElr());
        PartitionRegistration r = q.merge(new PartitionChangeRecord(0, TOPIC, null, MetadataRecord.NO_LEADER_CHANGE, null,
                null, null));
        assertEquals(MetadataRecord.RECOVERING, r.leaderRecoveryState(), "-1: unchanged");
        assertEquals(q.directories(), r.directories());
        assertEquals(List.of(1), r.eligibleLeaderReplicas());
    }

    @Test
    void recordsWriteKafkasFieldNamesAndTheSecurityProtocolAsItsId() {
        String json = MetadataJson.toJson(new MetadataRecord.RegisterBrokerRecord(101, new Uuid(1, 1), 7,
                List.of(new MetadataRecord.Endpoint("PLAINTEXT", "h", 9092, MetadataRecord.SecurityProtocol.PLAINTEXT)),
                KafkaFeatures.supported(), null, true, false, List.of(new Uuid(0, 5))));
        assertEquals(true, json.contains("\"IsMigratingZkBroker\":false"), json);
        assertEquals(true, json.contains("\"SecurityProtocol\":0"), json);
        assertEquals(true, json.contains("\"CordonedLogDirs\":[]"), json);
        String change = MetadataJson.toJson(new PartitionChangeRecord(0, TOPIC, List.of(1), -2, null, null, null));
        assertEquals(false, change.contains("Replicas"), "an absent tagged field is not written: " + change);
        assertEquals(new PartitionChangeRecord(0, TOPIC, List.of(1), -2, null, null, null), MetadataJson.fromJson(change));
    }
}
