package io.yakraft.data;

import io.yakraft.data.DataMessage.Error;
import io.yakraft.data.DataMessage.PartitionData;
import io.yakraft.data.DataMessage.PartitionFetch;
import io.yakraft.data.DataMessage.ProduceRequest;
import io.yakraft.data.DataMessage.ProduceResponse;
import io.yakraft.data.DataMessage.ReplicaFetchRequest;
import io.yakraft.data.DataMessage.ReplicaFetchResponse;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static io.yakraft.data.Images.orders;
import static io.yakraft.data.Images.partition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The leader's duplicate and sequence checks (UnifiedLog.analyzeAndValidateProducerState), producer
 * state that a follower builds from the records it fetches, so that it knows a batch when it leads,
 * and the producer's side: a retried batch keeps its sequences.
 */
class IdempotentProduceTest {
    private static final int PRODUCER = 900;
    private static final long PID = 4000;
    private final RecordingOutputs out = new RecordingOutputs();
    private final Map<TopicPartition, PartitionLog> disk1 = new TreeMap<>(TopicPartition.ORDER);
    private final Map<TopicPartition, PartitionLog> disk2 = new TreeMap<>(TopicPartition.ORDER);

    private static ProduceRequest batch(long correlation, short epoch, int firstSequence, int records) {
        List<FeedRecord> rs = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < records; i++) {
            rs.add(new FeedRecord("k", "v" + (firstSequence + i)));
            ids.add(100L + firstSequence + i);
        }
        return new ProduceRequest(correlation, orders(0), Acks.LEADER, rs, ids,
                new ProducerStamp(PID, epoch, firstSequence, firstSequence + records - 1));
    }

    private ProduceResponse answer() {
        List<ProduceResponse> answers = out.take(ProduceResponse.class);
        assertEquals(1, answers.size(), answers.toString());
        return answers.get(0);
    }

    @Test
    void aRetriedBatchIsAnsweredWithTheFirstCopysOffsetsAndAGapIsOutOfOrder() {
        ReplicaManager leader = new ReplicaManager(1, DataConfig.defaults(), disk1, out);
        leader.follow(0, orders(Set.of(1), partition(1, 0, 0, List.of(1), List.of(1))));
        leader.handle(1, PRODUCER, batch(1, (short) 0, 0, 3));
        assertEquals(0, answer().baseOffset());
        leader.handle(2, PRODUCER, batch(2, (short) 0, 3, 2));
        assertEquals(3, answer().baseOffset());

        leader.handle(3, PRODUCER, batch(3, (short) 0, 0, 3)); // the first batch again: its answer was lost
        ProduceResponse dup = answer();
        assertEquals(Error.NONE, dup.error(), "a duplicate is a success");
        assertEquals(0, dup.baseOffset(), "at the first copy's offset");
        assertEquals(5, disk1.get(orders(0)).endOffset(), "and is not appended again");

        leader.handle(4, PRODUCER, batch(4, (short) 0, 7, 1));
        assertEquals(Error.OUT_OF_ORDER_SEQUENCE_NUMBER, answer().error(), "sequences 5 and 6 are missing");
        leader.handle(5, PRODUCER, batch(5, (short) 1, 0, 1));
        assertEquals(Error.NONE, answer().error(), "a new epoch starts at sequence 0");
        leader.handle(6, PRODUCER, batch(6, (short) 0, 5, 1));
        assertEquals(Error.INVALID_PRODUCER_EPOCH, answer().error(), "the old epoch is fenced");
        assertEquals(6, disk1.get(orders(0)).endOffset());
    }

    @Test
    void aFollowerThatBecomesLeaderKnowsTheBatchesItFetched() {
        ReplicaManager b1 = new ReplicaManager(1, DataConfig.defaults(), disk1, out);
        ReplicaManager b2 = new ReplicaManager(2, DataConfig.defaults(), disk2, out);
        DataImage epoch0 = orders(Set.of(1, 2), partition(1, 0, 0, List.of(1, 2), List.of(1, 2)));
        b1.follow(0, epoch0);
        b2.follow(0, epoch0);
        b1.handle(1, PRODUCER, batch(1, (short) 0, 0, 4));
        out.take(ProduceResponse.class);
        out.take(ReplicaFetchRequest.class);
        b1.handle(2, 2, new ReplicaFetchRequest(1, 2, List.of(new PartitionFetch(orders(0), 0, 0, -1))));
        ReplicaFetchResponse fetched = out.take(ReplicaFetchResponse.class).get(0);
        PartitionData d = fetched.partitions().get(0);
        assertEquals(4, d.records().size());
        assertEquals(new ProducerStamp(PID, (short) 0, 0, 3), d.records().get(0).batch(), "the stamp travels with the records");
        out.take(ReplicaFetchRequest.class);
        b2.afterEvent(3);
        long fetchId = out.take(ReplicaFetchRequest.class).get(0).fetchId();
        b2.handle(4, 1, new ReplicaFetchResponse(fetchId, List.of(d)));
        assertEquals(3, disk2.get(orders(0)).producers().lastSequence(PID));

        // b1 dies before its answer reached the producer; b2 leads and the batch comes again
        b2.follow(5, orders(Set.of(2), partition(2, 1, 1, List.of(1, 2), List.of(2))));
        b2.handle(6, PRODUCER, batch(2, (short) 0, 0, 4));
        ProduceResponse dup = answer();
        assertEquals(Error.NONE, dup.error());
        assertEquals(0, dup.baseOffset());
        assertEquals(4, disk2.get(orders(0)).endOffset(), "exactly one copy");
    }

    @Test
    void producerStateIsRebuiltFromTheLogAfterATruncation() {
        PartitionLog log = new PartitionLog();
        log.append(0, 1, "k", "a", new ProducerStamp(PID, (short) 0, 0, 1), 0);
        log.append(0, 2, "k", "b", new ProducerStamp(PID, (short) 0, 0, 1), 1);
        log.append(0, 3, "k", "c", new ProducerStamp(PID, (short) 0, 2, 2), 2);
        assertEquals(2, log.producers().lastSequence(PID));
        log.truncateTo(2);
        assertEquals(1, log.producers().lastSequence(PID), "the truncated batch is forgotten");
        assertInstanceOf(ProducerStates.Verdict.Append.class, log.producers().check(new ProducerStamp(PID, (short) 0, 2, 2)),
                "so its retry is appended, not taken for a duplicate");
    }

    @Test
    void theProducerRetriesAFailedBatchWholeWithItsSequences() {
        List<FeedRecord> rs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            rs.add(new FeedRecord("same-key", "v" + i));
        }
        Feed feed = new Feed(1, new FeedRequest("orders", rs, Acks.ALL, 0, -1), 0);
        assertTrue(feed.request().idempotent(), "Kafka 3.0+'s default with acks=all");
        Producer p = new Producer(101, DataConfig.defaults(), feed, out);
        DataImage image = orders(Set.of(1), partition(1, 0, 0, List.of(1), List.of(1)));
        p.afterEvent(0, image);
        assertEquals(1000, p.producerId(), "the id InitProducerId gave");
        ProduceRequest first = out.take(ProduceRequest.class).get(0);
        assertEquals(new ProducerStamp(1000, (short) 0, 0, 2), first.producer());
        p.handle(5, 1, new ProduceResponse(first.correlationId(), orders(0), Error.NOT_LEADER_OR_FOLLOWER, -1, ""), image);
        p.wake(p.nextWakeAt(), image);
        ProduceRequest retry = out.take(ProduceRequest.class).get(0);
        assertEquals(first.producer(), retry.producer(), "the same sequences, so the leader can tell a duplicate");
        assertEquals(first.recordIds(), retry.recordIds());
    }

    @Test
    void keylessRecordsStickToOnePartitionForABatch() {
        TreeMap<Integer, PartitionState> parts = new TreeMap<>();
        for (int i = 0; i < 4; i++) {
            parts.put(i, partition(1, 0, 0, List.of(1), List.of(1)));
        }
        TopicLayout topic = new TopicLayout(Images.ORDERS_ID, "orders", parts);
        StickyPartitioner sticky = new StickyPartitioner(7);
        List<Integer> chosen = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            chosen.add(sticky.partition(topic, 20));
        }
        for (int batch = 0; batch < 3; batch++) {
            assertEquals(1, chosen.subList(batch * 20, batch * 20 + 20).stream().distinct().count(),
                    "one partition per batch of 20: " + chosen);
        }
        StickyPartitioner again = new StickyPartitioner(7);
        for (int i = 0; i < 60; i++) {
            assertEquals(chosen.get(i), again.partition(topic, 20), "a function of the seed");
        }
    }
}
