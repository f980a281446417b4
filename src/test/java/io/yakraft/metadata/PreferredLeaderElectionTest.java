package io.yakraft.metadata;

import io.yakraft.metadata.ControllerCommand.AlterPartition;
import io.yakraft.metadata.ControllerCommand.BrokerHeartbeat;
import io.yakraft.metadata.ControllerCommand.CreateTopic;
import io.yakraft.metadata.ControllerCommand.ElectLeaders;
import io.yakraft.metadata.ControllerCommand.RegisterBroker;
import io.yakraft.metadata.MetadataRecord.Endpoint;
import io.yakraft.metadata.MetadataRecord.PartitionChangeRecord;
import io.yakraft.metadata.QuorumController.Decision;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ElectLeaders (PREFERRED): the first replica gets leadership back once it is in the ISR again. */
class PreferredLeaderElectionTest {
    private final QuorumController qc = new QuorumController(9000, new SplittableRandom(1));
    private long next;

    private Decision run(ControllerCommand command) {
        Decision d = qc.handle(0, next, command);
        next += d.records().size();
        return d;
    }

    private PartitionRegistration partition() {
        return qc.image().topics().get("t").partitions().get(0);
    }

    @Test
    void thePreferredReplicaLeadsAgainOnlyWhenAskedAndOnlyFromTheIsr() {
        qc.activate(0, MetadataImage.EMPTY);
        for (int id = 1; id <= 2; id++) {
            run(new RegisterBroker(id, new Uuid(id, 1), List.of(new Endpoint("PLAINTEXT", "b" + id, 9092, MetadataRecord.SecurityProtocol.PLAINTEXT)), null));
        }
        for (int id = 1; id <= 2; id++) {
            run(new BrokerHeartbeat(id, qc.image().brokers().get(id).epoch(), next, false, false));
        }
        Decision created = run(new CreateTopic("t", -1, -1, Map.of(0, List.of(1, 2))));
        Uuid topic = ((ControllerReply.TopicCreated) created.reply().body()).topicId();
        run(new BrokerHeartbeat(1, qc.image().brokers().get(1).epoch(), next, true, false)); // b1 fenced: b2 leads
        assertEquals(2, partition().leader());
        run(new BrokerHeartbeat(1, qc.image().brokers().get(1).epoch(), next, false, false)); // b1 back, out of the ISR

        ControllerReply.LeadersElected none = (ControllerReply.LeadersElected) run(new ElectLeaders("t")).reply().body();
        assertEquals(new ControllerReply.LeadersElected(List.of(), 0, 1), none, "b1 is not in the ISR: not available");

        PartitionRegistration p = partition();
        assertTrue(run(new AlterPartition(2, qc.image().brokers().get(2).epoch(), topic, 0, p.leaderEpoch(), p.partitionEpoch(),
                List.of(2, 1))).reply().ok());
        int epochBefore = partition().leaderEpoch();
        Decision elect = run(new ElectLeaders(null));
        assertEquals(List.of(new PartitionChangeRecord(0, topic, null, 1, null, null, null)), elect.records());
        assertEquals(new ControllerReply.LeadersElected(List.of("t-0"), 0, 0), elect.reply().body());
        assertEquals(1, partition().leader());
        assertEquals(epochBefore + 1, partition().leaderEpoch(), "a new leader epoch");
        assertEquals(new ControllerReply.LeadersElected(List.of(), 1, 0), run(new ElectLeaders("t")).reply().body(),
                "ELECTION_NOT_NEEDED the second time");
        assertEquals(ControllerError.UNKNOWN_TOPIC_OR_PARTITION, run(new ElectLeaders("nope")).reply().error());
    }
}
