package io.yakraft.data;

import java.util.List;

/**
 * What to feed into a topic: the records, the producer's acks, the pace in records per
 * simulated second (0: as fast as the producer can), the broker the producer runs beside
 * ({@code viaBroker} -1: the lowest-numbered live broker) and whether the producer is idempotent
 * (enable.idempotence). As in Kafka 3.0+, idempotence is on by default when acks=all; with acks 0 or 1
 * the default turns it off, and asking for it explicitly is an error (ProducerConfig: "Must set acks
 * to all in order to use the idempotent producer").
 */
public record FeedRequest(String topic, List<FeedRecord> records, Acks acks, double recordsPerSecond, int viaBroker,
                          boolean idempotent) {
    public FeedRequest {
        records = List.copyOf(records);
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("a feed needs a topic");
        }
        if (recordsPerSecond < 0 || Double.isNaN(recordsPerSecond)) {
            throw new IllegalArgumentException("the rate must be 0 (as fast as possible) or more, got " + recordsPerSecond);
        }
        if (idempotent && acks != Acks.ALL) {
            throw new IllegalArgumentException("enable.idempotence=true needs acks=all, got acks=" + acks.label());
        }
    }

    /** With Kafka's default for enable.idempotence: on for acks=all, off otherwise. */
    public FeedRequest(String topic, List<FeedRecord> records, Acks acks, double recordsPerSecond, int viaBroker) {
        this(topic, records, acks, recordsPerSecond, viaBroker, idempotentByDefault(acks));
    }

    /** Kafka 3.0+'s default: idempotence unless a conflicting setting (acks 0 or 1) turns it off. */
    public static boolean idempotentByDefault(Acks acks) {
        return acks == Acks.ALL;
    }
}
