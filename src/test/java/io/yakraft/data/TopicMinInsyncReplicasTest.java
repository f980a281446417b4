package io.yakraft.data;

import io.yakraft.data.DataMessage.Error;
import io.yakraft.data.DataMessage.ProduceRequest;
import io.yakraft.data.DataMessage.ProduceResponse;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static io.yakraft.data.Images.orders;
import static io.yakraft.data.Images.partition;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A topic's min.insync.replicas config overrides the broker's (Kafka's topic-level LogConfig). */
class TopicMinInsyncReplicasTest {
    private final RecordingOutputs out = new RecordingOutputs();
    private final Map<TopicPartition, PartitionLog> disk = new TreeMap<>(TopicPartition.ORDER);

    private static DataImage ordersWithMinIsr(int minIsr, List<Integer> isr) {
        TreeMap<Integer, PartitionState> parts = new TreeMap<>(Map.of(0, partition(1, 0, 0, List.of(1, 2), isr)));
        return new DataImage(new TreeMap<>(Map.of("orders", new TopicLayout(Images.ORDERS_ID, "orders", parts, minIsr))),
                Set.of(1, 2));
    }

    private Error produceAcksAll(ReplicaManager rm, long correlation) {
        rm.handle(correlation, 900, new ProduceRequest(correlation, orders(0), Acks.ALL, List.of(new FeedRecord("k", "v")),
                List.of(correlation)));
        List<ProduceResponse> answers = out.take(ProduceResponse.class);
        return answers.isEmpty() ? null : answers.get(0).error();
    }

    @Test
    void theTopicsMinInsyncReplicasDecidesWhetherAcksAllIsTaken() {
        ReplicaManager rm = new ReplicaManager(1, DataConfig.defaults(), disk, out); // broker default 1
        rm.follow(0, ordersWithMinIsr(2, List.of(1)));
        assertEquals(Error.NOT_ENOUGH_REPLICAS, produceAcksAll(rm, 1), "ISR [1] is under the topic's 2");

        rm.follow(1, ordersWithMinIsr(0, List.of(1)));
        assertEquals(Error.NONE, produceAcksAll(rm, 2), "without the config the broker's 1 applies");
    }
}
