package io.yakraft.data;

import java.util.Map;

/**
 * How far a feed has got: of {@code total} records, how many are acknowledged, failed for good
 * (delivery timeout) or sent without an answer (acks=0); how many requests were retried; the
 * acknowledged records per partition; the broker its producer runs beside (-1: none is up) and
 * the last error the producer saw.
 */
public record FeedStatus(int id, String topic, Acks acks, int total, int acked, int failed, int sentWithoutAck,
                         int retries, Map<Integer, Integer> ackedByPartition, int homeBroker, String lastError) {

    public int finished() {
        return acked + failed + sentWithoutAck;
    }

    public boolean done() {
        return finished() >= total;
    }
}
