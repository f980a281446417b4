package io.yakraft.data;

import io.yakraft.data.DataMessage.Error;
import io.yakraft.data.DataMessage.ProduceRequest;
import io.yakraft.data.DataMessage.ProduceResponse;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static io.yakraft.data.Images.orders;
import static io.yakraft.data.Images.partition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The producer as a pure core: a feed, the home broker's image and answers in; produce requests out. */
class ProducerTest {
    private static final int HOME = 101;
    private final RecordingOutputs out = new RecordingOutputs();

    private static Feed feed(int id, String topic, int records) {
        List<FeedRecord> rs = new java.util.ArrayList<>();
        for (int i = 0; i < records; i++) {
            rs.add(new FeedRecord("key-" + i, "v" + i));
        }
        return new Feed(id, new FeedRequest(topic, rs, Acks.ALL, 0, -1), 0);
    }

    private static DataImage ledBy(int leader, int epoch) {
        return orders(Set.of(1, 2), partition(leader, epoch, epoch, List.of(1, 2), List.of(1, 2)));
    }

    @Test
    void aFailedBatchIsRetriedAgainstTheLeaderTheImageNamesAfterTheBackoff() {
        Feed feed = feed(1, "orders", 3);
        Producer p = new Producer(HOME, DataConfig.defaults(), feed, out);
        assertEquals(HOME, feed.home());
        p.afterEvent(0, ledBy(1, 0));
        List<RecordingOutputs.Sent> sent = List.copyOf(out.sent);
        assertEquals(1, sent.size());
        assertEquals(1, sent.get(0).to());
        ProduceRequest first = (ProduceRequest) sent.get(0).message();
        assertEquals(3, first.records().size());
        out.sent.clear();

        assertTrue(p.handle(10, 1, new ProduceResponse(first.correlationId(), orders(0), Error.NOT_LEADER_OR_FOLLOWER, -1,
                "moved"), ledBy(1, 0)));
        assertTrue(out.sent.isEmpty(), "not before retry.backoff.ms");
        assertEquals(10 + DataConfig.defaults().retryBackoffMs(), p.nextWakeAt());

        p.wake(p.nextWakeAt(), ledBy(2, 1));
        assertEquals(2, out.sent.get(0).to(), "to the leader the image names now");
        ProduceRequest retry = (ProduceRequest) out.sent.get(0).message();
        assertEquals(first.recordIds(), retry.recordIds(), "the same records, in order");

        p.handle(200, 2, new ProduceResponse(retry.correlationId(), orders(0), Error.NONE, 5, ""), ledBy(2, 1));
        assertEquals(List.of("acked orders-0 acks=all 3 from 5"), out.events);
        FeedStatus s = feed.status();
        assertEquals(3, s.acked());
        assertEquals(1, s.retries());
        assertTrue(s.done());
    }

    @Test
    void anotherFeedsAnswerIsLeftToItsOwnProducer() {
        Producer p = new Producer(HOME, DataConfig.defaults(), feed(1, "orders", 1), out);
        long otherFeeds = (2L << 40) + 1;
        assertFalse(p.handle(0, 1, new ProduceResponse(otherFeeds, orders(0), Error.NONE, 0, ""), ledBy(1, 0)));
    }

    @Test
    void anAnswerMeantForTheFeedsEarlierProducerIsNotTakenByTheNextOne() {
        // the first producer dies with its broker before its answer comes; the feed's next producer
        // (same broker, restarted) sends the records again. The late answer to the first one must not
        // acknowledge the second one's batch at the first one's offset.
        Feed feed = feed(1, "orders", 3);
        Producer first = new Producer(HOME, DataConfig.defaults(), feed, out);
        first.afterEvent(0, ledBy(1, 0));
        ProduceRequest lost = (ProduceRequest) out.sent.get(0).message();
        out.sent.clear();
        first.crashed();

        Producer next = new Producer(HOME, DataConfig.defaults(), feed, out);
        next.afterEvent(10, ledBy(1, 0));
        ProduceRequest mine = (ProduceRequest) out.sent.get(0).message();
        assertEquals(lost.recordIds(), mine.recordIds(), "the same records again");

        assertTrue(next.handle(20, 1, new ProduceResponse(lost.correlationId(), orders(0), Error.NONE, 7, ""), ledBy(1, 0)),
                "still this feed's answer");
        assertEquals(0, feed.status().acked(), "an answer to the earlier producer's request acknowledges nothing");
        next.handle(30, 1, new ProduceResponse(mine.correlationId(), orders(0), Error.NONE, 10, ""), ledBy(1, 0));
        assertEquals(3, feed.status().acked());
        assertEquals(List.of("acked orders-0 acks=all 3 from 10"), out.events);
    }

    @Test
    void recordsForATopicTheImageLacksFailAfterTheDeliveryTimeout() {
        Feed feed = feed(1, "missing", 2);
        Producer p = new Producer(HOME, DataConfig.defaults(), feed, out);
        p.afterEvent(0, DataImage.EMPTY);
        assertTrue(out.sent.isEmpty());
        assertEquals(DataConfig.defaults().retryBackoffMs(), p.nextWakeAt(), "it looks for the topic again");
        p.wake(DataConfig.defaults().deliveryTimeoutMs(), DataImage.EMPTY);
        assertEquals(2, feed.status().failed());
        assertEquals("topic 'missing' is not in b101's metadata", feed.status().lastError());
        assertTrue(out.trace.contains("producer 1: 2 record(s) failed for good: topic 'missing' is not in b101's metadata"),
                out.trace.toString());
    }

    @Test
    void whatACrashedProducerHadNotHeardBackAboutGoesOutAgainFromTheNextOne() {
        Feed feed = feed(1, "orders", 4);
        Producer first = new Producer(HOME, DataConfig.defaults(), feed, out);
        first.afterEvent(0, ledBy(1, 0));
        ProduceRequest lost = (ProduceRequest) out.sent.get(0).message();
        out.sent.clear();
        first.crashed();
        assertEquals(Long.MAX_VALUE, first.nextWakeAt(), "a dead producer sleeps for good");

        Producer second = new Producer(102, DataConfig.defaults(), feed, out);
        assertEquals(102, feed.home());
        second.afterEvent(1, ledBy(1, 0));
        ProduceRequest again = (ProduceRequest) out.sent.get(0).message();
        assertEquals(lost.recordIds(), again.recordIds(), "at least once: the same records again");
    }
}
