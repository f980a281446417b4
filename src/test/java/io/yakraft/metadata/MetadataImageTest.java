package io.yakraft.metadata;

import io.yakraft.metadata.MetadataRecord.Endpoint;
import io.yakraft.metadata.MetadataRecord.FenceBrokerRecord;
import io.yakraft.metadata.MetadataRecord.NoOpRecord;
import io.yakraft.metadata.MetadataRecord.PartitionChangeRecord;
import io.yakraft.metadata.MetadataRecord.PartitionRecord;
import io.yakraft.metadata.MetadataRecord.ProducerIdsRecord;
import io.yakraft.metadata.MetadataRecord.RegisterBrokerRecord;
import io.yakraft.metadata.MetadataRecord.RemoveTopicRecord;
import io.yakraft.metadata.MetadataRecord.TopicRecord;
import io.yakraft.metadata.MetadataRecord.UnfenceBrokerRecord;
import io.yakraft.metadata.MetadataRecord.UnregisterBrokerRecord;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Replaying committed records into images, as each node will. */
class MetadataImageTest {
    private final SplittableRandom random = new SplittableRandom(7);
    private final Uuid orders = Uuid.random(random);
    private final Uuid users = Uuid.random(random);

    private static RegisterBrokerRecord register(int id, long epoch, Uuid incarnation) {
        return new RegisterBrokerRecord(id, incarnation, epoch, List.of(new Endpoint("PLAINTEXT", "b" + id, 9092, MetadataRecord.SecurityProtocol.PLAINTEXT)),
                List.of(), "rack-" + (id % 2), true, false, List.of());
    }

    private List<MetadataRecord> history() {
        return List.of(
                register(101, 0, Uuid.random(random)),
                register(102, 1, Uuid.random(random)),
                new UnfenceBrokerRecord(101, 0),
                new UnfenceBrokerRecord(102, 1),
                new TopicRecord("orders", orders),
                new PartitionRecord(0, orders, List.of(101, 102), List.of(101, 102), List.of(), List.of(), 101, 0, 0),
                new PartitionRecord(1, orders, List.of(102, 101), List.of(102, 101), List.of(), List.of(), 102, 0, 0),
                new TopicRecord("users", users),
                new PartitionRecord(0, users, List.of(102), List.of(102), List.of(), List.of(), 102, 0, 0),
                new ProducerIdsRecord(101, 0, 1000),
                new NoOpRecord());
    }

    private static MetadataImage replay(MetadataImage from, long firstOffset, List<MetadataRecord> records) {
        MetadataDelta d = from.toDelta();
        long o = firstOffset;
        for (MetadataRecord r : records) {
            d.replay(o++, r);
        }
        return d.apply();
    }

    @Test
    void replayBuildsBrokersTopicsPartitionsAndProducerIds() {
        MetadataImage img = replay(MetadataImage.EMPTY, 0, history());
        assertEquals(10, img.offset());
        assertEquals(2, img.brokers().size());
        assertFalse(img.brokers().get(101).fenced());
        assertEquals(2, img.topics().get("orders").partitions().size());
        assertEquals(1000, img.nextProducerId());
    }

    @Test
    void fencingMovesNothingByItselfButAChangeRecordMovesLeadership() {
        MetadataImage img = replay(MetadataImage.EMPTY, 0, history());
        MetadataImage next = replay(img, 11, List.of(
                new FenceBrokerRecord(101, 0),
                new PartitionChangeRecord(0, orders, List.of(102), 102, null, null, null)));
        PartitionRegistration p = next.topics().get("orders").partitions().get(0);
        assertTrue(next.brokers().get(101).fenced());
        assertEquals(102, p.leader());
        assertEquals(List.of(102), p.isr());
        assertEquals(1, p.leaderEpoch(), "a new leader bumps the leader epoch");
        assertEquals(1, p.partitionEpoch(), "every change bumps the partition epoch");
        assertEquals(List.of(101, 102), p.replicas(), "null means unchanged");
    }

    @Test
    void unchangedTopicsAreSharedBetweenImages() {
        MetadataImage img = replay(MetadataImage.EMPTY, 0, history());
        MetadataImage next = replay(img, 11, List.of(new PartitionChangeRecord(0, orders, List.of(101), -2, null, null, null)));
        assertSame(img.topics().get("users"), next.topics().get("users"));
        assertSame(img.brokers().get(102), next.brokers().get(102));
        assertNotEquals(img.topics().get("orders"), next.topics().get("orders"));
        assertEquals(101, next.topics().get("orders").partitions().get(0).leader(), "-2 keeps the leader");
    }

    @Test
    void theHashDependsOnContentNotHistory() {
        List<MetadataRecord> h = history();
        MetadataImage once = replay(MetadataImage.EMPTY, 0, h);
        MetadataImage stepwise = MetadataImage.EMPTY;
        long o = 0;
        for (MetadataRecord r : h) {
            stepwise = replay(stepwise, o++, List.of(r));
        }
        assertEquals(once.sha256(), stepwise.sha256());
        MetadataImage removed = replay(once, 11, List.of(new RemoveTopicRecord(users)));
        assertNotEquals(once.sha256(), removed.sha256());
        assertFalse(removed.topics().containsKey("users"));
    }

    @Test
    void recordsNamingUnknownThingsAreRejected() {
        MetadataImage img = replay(MetadataImage.EMPTY, 0, history());
        assertThrows(IllegalArgumentException.class, () -> img.toDelta().replay(11, new FenceBrokerRecord(999, 0)));
        assertThrows(IllegalArgumentException.class, () -> img.toDelta().replay(11, new UnregisterBrokerRecord(101, 42)),
                "a stale broker epoch");
        assertThrows(IllegalArgumentException.class, () -> img.toDelta().replay(11, new RemoveTopicRecord(Uuid.random(random))));
        assertThrows(IllegalArgumentException.class, () -> img.toDelta().replay(5, new NoOpRecord()), "offsets only move forward");
        assertThrows(IllegalArgumentException.class, () -> img.toDelta().replay(11, new ProducerIdsRecord(101, 0, 10)));
    }
}
