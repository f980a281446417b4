package io.yakraft.data;

import io.yakraft.data.DataMessage.PartitionFetch;
import io.yakraft.data.DataMessage.ProduceRequest;
import io.yakraft.data.DataMessage.ReplicaFetchRequest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static io.yakraft.data.Images.orders;
import static io.yakraft.data.Images.partition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kafka's ReplicaState.isCaughtUp (Partition.isFollowerOutOfSync): a follower whose log end is the
 * leader's counts as caught up however long ago it fetched, so an idle partition keeps its ISR;
 * only once the leader's log moves past it does replica.lag.time.max.ms count.
 */
class IsrCaughtUpTest {
    private final RecordingOutputs out = new RecordingOutputs();
    private final Map<TopicPartition, PartitionLog> disk = new TreeMap<>(TopicPartition.ORDER);
    private final DataConfig config = DataConfig.defaults();

    @Test
    void aFollowerAtTheLeadersLogEndStaysInTheIsrOfAnIdlePartition() {
        ReplicaManager rm = new ReplicaManager(1, config, disk, out);
        rm.follow(0, orders(Set.of(1, 2), partition(1, 0, 0, List.of(1, 2), List.of(1, 2))));
        rm.handle(10, 900, new ProduceRequest(1, orders(0), Acks.LEADER, List.of(new FeedRecord("k", "v")), List.of(7L)));
        rm.handle(20, 2, new ReplicaFetchRequest(1, 2, List.of(new PartitionFetch(orders(0), 0, 1, 0))));
        // then the follower fetches no more (its fetches are lost), and nothing is produced

        long idleFor = 4L * config.replicaLagMaxMs();
        for (long t = 0; t <= idleFor; t += config.replicaLagMaxMs() / 4) {
            rm.wake(t);
        }
        assertTrue(out.asks.isEmpty(), "at the leader's log end it is caught up: " + out.asks);

        rm.handle(idleFor + 10, 900, new ProduceRequest(2, orders(0), Acks.LEADER, List.of(new FeedRecord("k", "w")),
                List.of(8L)));
        rm.wake(idleFor + config.replicaLagMaxMs());
        assertEquals(List.of(1), out.asks.get(0).request().isr(), "behind the leader now, and silent for too long");
    }
}
