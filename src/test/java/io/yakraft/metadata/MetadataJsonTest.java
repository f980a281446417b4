package io.yakraft.metadata;

import io.yakraft.metadata.MetadataRecord.BrokerRegistrationChangeRecord;
import io.yakraft.metadata.MetadataRecord.ConfigRecord;
import io.yakraft.metadata.MetadataRecord.Endpoint;
import io.yakraft.metadata.MetadataRecord.FeatureLevelRecord;
import io.yakraft.metadata.MetadataRecord.FeatureRange;
import io.yakraft.metadata.MetadataRecord.FenceBrokerRecord;
import io.yakraft.metadata.MetadataRecord.LeaderChangeRecord;
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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every record survives a JSON round trip and is written with Kafka's field names. */
class MetadataJsonTest {
    private final SplittableRandom random = new SplittableRandom(42);
    private final Uuid topic = Uuid.random(random);

    private List<MetadataRecord> everyKind() {
        return List.of(
                new RegisterBrokerRecord(101, Uuid.random(random), 17, List.of(new Endpoint("PLAINTEXT", "b1", 9092, MetadataRecord.SecurityProtocol.PLAINTEXT)),
                        List.of(new FeatureRange("metadata.version", (short) 1, (short) 20)), "rack-a", true, false, List.of()),
                new UnregisterBrokerRecord(101, 17),
                new TopicRecord("orders", topic),
                new PartitionRecord(0, topic, List.of(101, 102), List.of(101, 102), List.of(), List.of(), 101, 0, 0),
                new ConfigRecord((byte) 2, "orders", "retention.ms", "1000"),
                new PartitionChangeRecord(0, topic, List.of(102), 102, null, null, null),
                new FenceBrokerRecord(101, 17),
                new UnfenceBrokerRecord(101, 17),
                new RemoveTopicRecord(topic),
                new FeatureLevelRecord("metadata.version", (short) 20),
                new ProducerIdsRecord(101, 17, 1000),
                new BrokerRegistrationChangeRecord(101, 17, (byte) -1, (byte) 0),
                new NoOpRecord(),
                new LeaderChangeRecord((short) 0, 1, List.of(1, 2, 3), List.of(1, 2)));
    }

    @Test
    void everyRecordRoundTrips() {
        for (MetadataRecord r : everyKind()) {
            String json = MetadataJson.toJson(r);
            assertEquals(r, MetadataJson.fromJson(json), json);
            assertTrue(json.contains("\"type\":\"" + r.getClass().getSimpleName() + "\""), json);
        }
    }

    @Test
    void fieldsCarryKafkasNames() {
        String json = MetadataJson.toJson(new PartitionRecord(3, topic, List.of(1), List.of(1), List.of(), List.of(), 1, 4, 5));
        for (String field : new String[] {"\"PartitionId\":3", "\"TopicId\":\"" + topic + "\"", "\"Replicas\"", "\"Isr\"",
                "\"Leader\":1", "\"LeaderEpoch\":4", "\"PartitionEpoch\":5"}) {
            assertTrue(json.contains(field), field + " in " + json);
        }
    }

    @Test
    void uuidsPrintAsKafkaDoesAndBadInputIsNamed() {
        assertEquals(22, topic.toString().length());
        assertEquals(topic, Uuid.fromString(topic.toString()));
        assertThrows(IllegalArgumentException.class, () -> Uuid.fromString("nope"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MetadataJson.fromJson("{\"type\":\"TopicRecord\",\"Name\":\"x\",\"Bogus\":1}"));
        assertTrue(e.getMessage().contains("Bogus"), e.getMessage());
    }
}
