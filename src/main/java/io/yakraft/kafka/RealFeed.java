package io.yakraft.kafka;

import io.yakraft.data.FeedRecord;

import java.time.Duration;
import java.util.List;
import java.util.Properties;

/**
 * Sends prepared feed records (the preprocessing pipeline's output) into a real topic with a real
 * {@code KafkaProducer}: acks and idempotence as chosen, every send's answer counted.
 */
public final class RealFeed {
    /** What came back: acknowledged and failed sends, and the first failure's reason ("" when none). */
    public record Result(long acked, long failed, String firstError) {
    }

    private RealFeed() {
    }

    /**
     * {@code acks} is Kafka's value: "0", "1" or "all". Blocks until every send has its answer (or the
     * timeout): a {@link PacedFeed} at full speed, waited for; a send never answered counts as failed.
     */
    public static Result send(String bootstrapServers, Properties clientProperties, String topic, List<FeedRecord> records,
                              String acks, boolean idempotent, Duration timeout) {
        Duration requestTimeout = Duration.ofMillis(Math.min(timeout.toMillis(), 30_000));
        try (PacedFeed feed = PacedFeed.start(bootstrapServers, clientProperties, topic, records, acks, idempotent, 0,
                requestTimeout, timeout)) {
            try {
                feed.awaitDone(timeout.plusSeconds(5)); // the producer gives up on a record after timeout itself
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            PacedFeed.Progress p = feed.progress();
            long unanswered = records.size() - p.acked() - p.failed();
            return new Result(p.acked(), p.failed() + Math.max(0, unanswered), p.firstError());
        }
    }
}
