package io.yakraft.kafka;

import io.yakraft.data.FeedRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends prepared feed records (the preprocessing pipeline's output) into a real topic with a real
 * {@link KafkaProducer}: acks and idempotence as chosen, every send's answer counted.
 */
public final class RealFeed {
    /** What came back: acknowledged and failed sends, and the first failure's reason ("" when none). */
    public record Result(long acked, long failed, String firstError) {
    }

    private RealFeed() {
    }

    /** {@code acks} is Kafka's value: "0", "1" or "all". Blocks until every send has its answer (or the timeout). */
    public static Result send(String bootstrapServers, Properties clientProperties, String topic, List<FeedRecord> records,
                              String acks, boolean idempotent, Duration timeout) {
        Properties p = new Properties();
        p.putAll(clientProperties);
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ACKS_CONFIG, acks);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, idempotent);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout.toMillis(), 30_000));
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "yakraft-feed");
        AtomicLong acked = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>("");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            for (FeedRecord r : records) {
                producer.send(new ProducerRecord<>(topic, r.key(), r.value()), (meta, error) -> {
                    if (error == null) {
                        acked.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                        firstError.compareAndSet("", error.getClass().getSimpleName() + ": " + error.getMessage());
                    }
                });
            }
            producer.flush();
            producer.close(Duration.ofSeconds(timeout.toSeconds()));
        }
        long unanswered = records.size() - acked.get() - failed.get();
        return new Result(acked.get(), failed.get() + Math.max(0, unanswered), firstError.get());
    }
}
