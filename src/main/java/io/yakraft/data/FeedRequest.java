package io.yakraft.data;

import java.util.List;

/**
 * What to feed into a topic: the records, the producer's acks, the pace in records per
 * simulated second (0: as fast as the producer can) and the broker the producer runs beside
 * ({@code viaBroker} -1: the lowest-numbered live broker).
 */
public record FeedRequest(String topic, List<FeedRecord> records, Acks acks, double recordsPerSecond, int viaBroker) {
    public FeedRequest {
        records = List.copyOf(records);
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("a feed needs a topic");
        }
        if (recordsPerSecond < 0 || Double.isNaN(recordsPerSecond)) {
            throw new IllegalArgumentException("the rate must be 0 (as fast as possible) or more, got " + recordsPerSecond);
        }
    }
}
