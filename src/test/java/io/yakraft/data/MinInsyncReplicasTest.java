package io.yakraft.data;

import io.yakraft.data.DataMessage.Error;
import io.yakraft.data.DataMessage.ProduceRequest;
import io.yakraft.data.DataMessage.ProduceResponse;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static io.yakraft.data.Images.orders;
import static io.yakraft.data.Images.partition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * min.insync.replicas as Kafka 3.7+ enforces it (Partition.maybeIncrementLeaderHW,
 * checkEnoughReplicasReachOffset): the high watermark does not advance while the committed ISR
 * is smaller than the minimum, so acks=all is never answered with success below it.
 */
class MinInsyncReplicasTest {
    private static final int PRODUCER = 900;
    private final RecordingOutputs out = new RecordingOutputs();
    private final Map<TopicPartition, PartitionLog> disk = new TreeMap<>(TopicPartition.ORDER);
    private final DataConfig config = DataConfig.defaults().withMinInsyncReplicas(2);

    private static ProduceRequest produce(long correlation, int records) {
        List<FeedRecord> batch = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < records; i++) {
            batch.add(new FeedRecord("k", "v" + i));
            ids.add(correlation * 100 + i);
        }
        return new ProduceRequest(correlation, orders(0), Acks.ALL, batch, ids);
    }

    @Test
    void theHighWatermarkStaysWhileTheIsrIsUnderMinInsyncReplicasAndAcksAllIsNeverAnsweredWithSuccess() {
        ReplicaManager rm = new ReplicaManager(1, config, disk, out);
        rm.follow(0, orders(Set.of(1, 2, 3), partition(1, 0, 0, List.of(1, 2, 3), List.of(1, 2, 3))));
        rm.wake(0);
        long late = config.replicaLagMaxMs() + 500; // both followers are cut off: they never fetch
        rm.wake(late);
        assertEquals(new AlterIsrRequest(orders(0), 0, 0, List.of(1)), out.asks.get(0).request());
        rm.handle(late + 10, PRODUCER, produce(1, 5)); // appended: the committed ISR is still [1, 2, 3]
        out.asks.get(0).listener().answered(late + 20, new AlterIsrAnswer.Committed(0, List.of(1), 1));

        assertEquals(0, disk.get(orders(0)).highWatermark(), "the ISR [1] is under min.insync.replicas 2");
        assertTrue(out.take(ProduceResponse.class).isEmpty(), "no answer while the records are not on 2 replicas");

        rm.wake(late + 10 + config.requestTimeoutMs());
        List<ProduceResponse> answers = out.take(ProduceResponse.class);
        assertEquals(List.of(Error.REQUEST_TIMED_OUT), answers.stream().map(ProduceResponse::error).toList());

        rm.handle(late + 2000, PRODUCER, produce(2, 1));
        assertEquals(Error.NOT_ENOUGH_REPLICAS, out.take(ProduceResponse.class).get(0).error(), "refused before append");
        assertEquals(0, disk.get(orders(0)).highWatermark());
    }

    @Test
    void recordsOnEnoughReplicasAreAcknowledgedOnceTheIsrIsBackAtTheMinimum() {
        ReplicaManager rm = new ReplicaManager(1, config, disk, out);
        rm.follow(0, orders(Set.of(1, 2, 3), partition(1, 0, 1, List.of(1, 2, 3), List.of(1, 2))));
        rm.handle(10, PRODUCER, produce(1, 2));
        rm.handle(20, 2, new DataMessage.ReplicaFetchRequest(1, 2,
                List.of(new DataMessage.PartitionFetch(orders(0), 0, 2, 0))));
        ProduceResponse ok = out.take(ProduceResponse.class).get(0);
        assertEquals(Error.NONE, ok.error(), "the ISR [1, 2] holds both records");
        assertEquals(2, disk.get(orders(0)).highWatermark());
    }
}
