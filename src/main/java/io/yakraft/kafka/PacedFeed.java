package io.yakraft.kafka;

import io.yakraft.data.FeedRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A feed into a real topic that runs beside whoever started it: one thread sends the prepared records with a
 * real {@link KafkaProducer} at a given rate (records per second, 0 for as fast as possible), and anyone may read
 * its progress (sent, acknowledged, failed, the first error) while it runs. {@link RealFeed} is the blocking form.
 */
public final class PacedFeed implements AutoCloseable {
    /** Progress at one instant. */
    public record Progress(long total, long sent, long acked, long failed, String firstError, boolean done) {
    }

    private final List<FeedRecord> records;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong acked = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicReference<String> firstError = new AtomicReference<>("");
    private final Thread thread;
    private volatile boolean done;
    private volatile boolean cancelled;

    private PacedFeed(List<FeedRecord> records, Runnable body) {
        this.records = List.copyOf(records);
        this.thread = new Thread(body, "yakraft-feed");
        this.thread.setDaemon(true);
    }

    /**
     * Starts sending. {@code acks} is Kafka's "0", "1" or "all"; {@code requestTimeout} is the producer's
     * request.timeout.ms (a request to a dead leader is retried after it); delivery gives up after 2 minutes.
     */
    public static PacedFeed start(String bootstrapServers, Properties clientProperties, String topic, List<FeedRecord> records,
                                  String acks, boolean idempotent, double rate, Duration requestTimeout) {
        return start(bootstrapServers, clientProperties, topic, records, acks, idempotent, rate, requestTimeout,
                Duration.ofMinutes(2));
    }

    /** As above, giving up on a record's delivery after {@code deliveryTimeout} (at least the request timeout). */
    static PacedFeed start(String bootstrapServers, Properties clientProperties, String topic, List<FeedRecord> records,
                           String acks, boolean idempotent, double rate, Duration requestTimeout, Duration deliveryTimeout) {
        Properties p = new Properties();
        p.putAll(clientProperties);
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ACKS_CONFIG, acks);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, idempotent);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) requestTimeout.toMillis());
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) deliveryTimeout.toMillis());
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "yakraft-feed");
        PacedFeed[] self = new PacedFeed[1];
        self[0] = new PacedFeed(records, () -> self[0].run(p, topic, rate));
        self[0].thread.start();
        return self[0];
    }

    private void run(Properties p, String topic, double rate) {
        long startNanos = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < records.size() && !cancelled; i++) {
                if (rate > 0) {
                    // record i leaves at i / rate seconds after the start: a steady rate, not bursts
                    long dueNanos = startNanos + (long) (i / rate * 1e9);
                    long waitNanos = dueNanos - System.nanoTime();
                    if (waitNanos > 0) {
                        TimeUnit.NANOSECONDS.sleep(waitNanos);
                    }
                }
                FeedRecord r = records.get(i);
                producer.send(new ProducerRecord<>(topic, r.key(), r.value()), (meta, error) -> {
                    if (error == null) {
                        acked.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                        firstError.compareAndSet("", error.getClass().getSimpleName() + ": " + error.getMessage());
                    }
                });
                sent.incrementAndGet();
            }
            producer.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            firstError.compareAndSet("", e.getClass().getSimpleName() + ": " + e.getMessage());
        } finally {
            done = true;
        }
    }

    public Progress progress() {
        return new Progress(records.size(), sent.get(), acked.get(), failed.get(), firstError.get(), done);
    }

    /** Waits until every record was sent and answered (or given up on), at most {@code timeout}; true when done. */
    boolean awaitDone(Duration timeout) throws InterruptedException {
        thread.join(Math.max(1, timeout.toMillis()));
        return done;
    }

    /** Stops sending (records not yet sent are not sent) and waits for the producer to close. */
    @Override
    public void close() {
        cancelled = true;
        try {
            thread.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
