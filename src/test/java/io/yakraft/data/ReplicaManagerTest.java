package io.yakraft.data;

import io.yakraft.data.DataMessage.Error;
import io.yakraft.data.DataMessage.PartitionData;
import io.yakraft.data.DataMessage.PartitionFetch;
import io.yakraft.data.DataMessage.ProduceRequest;
import io.yakraft.data.DataMessage.ProduceResponse;
import io.yakraft.data.DataMessage.ReplicaFetchRequest;
import io.yakraft.data.DataMessage.ReplicaFetchResponse;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static io.yakraft.data.Images.orders;
import static io.yakraft.data.Images.partition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The replica manager as a pure core: images, messages and times in; sends, trace lines and ISR asks out. */
class ReplicaManagerTest {
    private static final int PRODUCER = 900;
    private final RecordingOutputs out = new RecordingOutputs();
    private final Map<TopicPartition, PartitionLog> disk = new TreeMap<>(TopicPartition.ORDER);

    private ReplicaManager broker(int id) {
        return new ReplicaManager(id, DataConfig.defaults(), disk, out);
    }

    private static ProduceRequest produce(long correlation, Acks acks, int records) {
        List<FeedRecord> batch = new java.util.ArrayList<>();
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < records; i++) {
            batch.add(new FeedRecord("k", "v" + i));
            ids.add(100L + i);
        }
        return new ProduceRequest(correlation, orders(0), acks, batch, ids);
    }

    private static ReplicaFetchRequest fetch(long fetchId, int follower, int leaderEpoch, long offset, int lastEpoch) {
        return new ReplicaFetchRequest(fetchId, follower, List.of(new PartitionFetch(orders(0), leaderEpoch, offset, lastEpoch)));
    }

    @Test
    void acksAllIsAnsweredOnceTheFollowersFetchPassesTheRecords() {
        ReplicaManager rm = broker(1);
        rm.follow(0, orders(Set.of(1, 2), partition(1, 0, 0, List.of(1, 2), List.of(1, 2))));
        assertEquals(List.of("leads orders-0 in 0 at 0"), out.events);
        assertTrue(disk.containsKey(orders(0)), "the log is on the broker's disk");

        rm.handle(10, PRODUCER, produce(1, Acks.ALL, 2));
        assertTrue(out.take(ProduceResponse.class).isEmpty(), "not before the ISR has the records");

        rm.handle(20, 2, fetch(1, 2, 0, 0, -1));
        ReplicaFetchResponse first = out.take(ReplicaFetchResponse.class).get(0);
        assertEquals(2, first.partitions().get(0).records().size(), "the follower gets both records");
        assertTrue(out.take(ProduceResponse.class).isEmpty(), "the follower has not appended them yet");

        rm.handle(30, 2, fetch(2, 2, 0, 2, 0));
        List<ProduceResponse> answers = out.take(ProduceResponse.class);
        assertEquals(1, answers.size());
        assertEquals(Error.NONE, answers.get(0).error());
        assertEquals(0, answers.get(0).baseOffset());
        assertEquals(2, disk.get(orders(0)).highWatermark());
        assertTrue(out.trace.stream().anyMatch(t -> t.endsWith("acks=all answered")), out.trace.toString());
    }

    @Test
    void aBrokerThatDoesNotLeadRefusesProduceAndLeavesProducersAnswersAlone() {
        ReplicaManager rm = broker(2);
        rm.follow(0, orders(Set.of(1, 2), partition(1, 0, 0, List.of(1, 2), List.of(1, 2))));
        rm.handle(5, PRODUCER, produce(7, Acks.LEADER, 1));
        ProduceResponse refused = out.take(ProduceResponse.class).get(0);
        assertEquals(Error.NOT_LEADER_OR_FOLLOWER, refused.error());
        assertEquals("b2 does not lead orders-0 (leader b1)", refused.message());
        assertFalse(rm.handle(6, 1, new ProduceResponse(7, orders(0), Error.NONE, 0, "")),
                "a produce answer is for the producers beside the broker");
    }

    @Test
    void aFollowerAppendsWhatItFetchedAndTruncatesWhereTheLeaderSaysTheLogsDiverge() {
        ReplicaManager rm = broker(2);
        rm.follow(0, orders(Set.of(1, 2), partition(1, 0, 0, List.of(1, 2), List.of(1, 2))));
        rm.afterEvent(0);
        ReplicaFetchRequest asked = out.take(ReplicaFetchRequest.class).get(0);
        assertEquals(List.of(new PartitionFetch(orders(0), 0, 0, -1)), asked.partitions());

        rm.handle(5, 1, new ReplicaFetchResponse(asked.fetchId(), List.of(new PartitionData(orders(0), Error.NONE, 1,
                List.of(new DataRecord(0, 0, 100, "k", "a"), new DataRecord(1, 0, 101, "k", "b")), -1, -1))));
        PartitionLog log = disk.get(orders(0));
        assertEquals(2, log.endOffset());
        assertEquals(1, log.highWatermark());

        rm.afterEvent(5);
        ReplicaFetchRequest next = out.take(ReplicaFetchRequest.class).get(0);
        assertEquals(List.of(new PartitionFetch(orders(0), 0, 2, 0)), next.partitions(), "from the new log end");
        rm.handle(9, 1, new ReplicaFetchResponse(next.fetchId(), List.of(new PartitionData(orders(0), Error.NONE, 1,
                List.of(), 0, 1))));
        assertEquals(1, log.endOffset());
        assertEquals("truncated orders-0 to 1 (1)", out.events.get(out.events.size() - 1));
        assertTrue(out.trace.contains("orders-0: log diverges from b1's after epoch 0: truncated 1 record(s) to offset 1"),
                out.trace.toString());
    }

    /**
     * KIP-903 (Partition.scala's isrWithBrokerEpoch): the leader's AlterPartition names each
     * member's broker epoch, its own and each follower's from that follower's last fetch.
     */
    @Test
    void anIsrChangeCarriesEachMembersBrokerEpoch() {
        out.brokerEpoch = 7;
        ReplicaManager rm = broker(1);
        rm.follow(0, orders(Set.of(1, 2), partition(1, 0, 0, List.of(1, 2), List.of(1))));
        rm.handle(20, 2, new ReplicaFetchRequest(1, 2, List.of(new PartitionFetch(orders(0), 0, 0, -1)), 12));
        assertEquals(1, out.asks.size(), "a follower at the leader's end joins the ISR");
        assertEquals(new AlterIsrRequest(orders(0), 0, 0, List.of(1, 2), List.of(7L, 12L)), out.asks.get(0).request());
    }

    @Test
    void aLaggingFollowerIsDroppedFromTheIsrOnceTheControllerCommitsTheChange() {
        ReplicaManager rm = broker(1);
        rm.follow(0, orders(Set.of(1, 2), partition(1, 0, 0, List.of(1, 2), List.of(1, 2))));
        assertEquals(0, rm.nextWakeAt(), "a leader watches its followers' lag");
        rm.wake(0);
        assertTrue(out.asks.isEmpty(), "the follower is in sync at first");

        long late = DataConfig.defaults().replicaLagMaxMs() + 500;
        rm.wake(late);
        assertEquals(1, out.asks.size());
        assertEquals(new AlterIsrRequest(orders(0), 0, 0, List.of(1)), out.asks.get(0).request());

        rm.handle(late + 10, PRODUCER, produce(1, Acks.ALL, 1));
        assertTrue(out.take(ProduceResponse.class).isEmpty(), "the asked-for shrink is not trusted before it commits");

        out.asks.get(0).listener().answered(late + 20, new AlterIsrAnswer.Committed(0, List.of(1), 1));
        assertTrue(out.trace.contains("orders-0: the controller committed ISR [1] (partition epoch 1)"), out.trace.toString());
        ProduceResponse acked = out.take(ProduceResponse.class).get(0);
        assertEquals(Error.NONE, acked.error(), "the leader alone is the ISR now: acks=all is answered");
    }

    @Test
    void anIsrChangeRefusedForGoodIsAskedAgainAndOneThatCouldNotGoOutIsNotAwaited() {
        // a lag of 1 s: the ISR is checked every 500 ms (half of it, as Kafka's isr-expiration task)
        ReplicaManager rm = new ReplicaManager(1, new DataConfig(1000, 500, 1500, 100, 30000, 1, 20), disk, out);
        rm.follow(0, orders(Set.of(1, 2), partition(1, 0, 0, List.of(1, 2), List.of(1, 2))));
        long late = 1000 + 500;
        rm.wake(late);
        out.asks.get(0).listener().answered(late + 1, new AlterIsrAnswer.Refused("INELIGIBLE_REPLICA"));
        rm.wake(late + 500);
        assertEquals(2, out.asks.size(), "asked again at the next check");
        out.asks.get(1).listener().answered(late + 501, new AlterIsrAnswer.Unsettled("NOT_CONTROLLER"));
        out.registered = false;
        rm.wake(late + 1000);
        assertEquals(2, out.asks.size(), "still awaited: only the image or a deadline settles it");
        rm.wake(late + 500 + DataConfig.defaults().requestTimeoutMs());
        assertEquals(2, out.asks.size(), "the broker could not send it again");
        out.registered = true;
        rm.wake(late + 1000 + DataConfig.defaults().requestTimeoutMs());
        assertEquals(3, out.asks.size(), "nothing in flight: asked anew");
    }

    @Test
    void acksAllBelowMinInsyncReplicasIsRefused() {
        ReplicaManager rm = new ReplicaManager(1, DataConfig.defaults().withMinInsyncReplicas(2), disk, out);
        rm.follow(0, orders(Set.of(1, 2), partition(1, 0, 0, List.of(1, 2), List.of(1))));
        rm.handle(1, PRODUCER, produce(3, Acks.ALL, 1));
        assertEquals(Error.NOT_ENOUGH_REPLICAS, out.take(ProduceResponse.class).get(0).error());
        rm.handle(2, PRODUCER, produce(4, Acks.LEADER, 1));
        assertEquals(Error.NONE, out.take(ProduceResponse.class).get(0).error());
    }
}
