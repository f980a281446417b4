package io.yakraft.data;

/**
 * Settings of the data plane (partition replicas and producers), in simulated milliseconds.
 * Kafka's defaults are scaled down so a classroom sees ISR changes and retries within seconds:
 * replica.lag.time.max.ms 30 s → 3 s, request.timeout.ms 30 s → 1.5 s,
 * delivery.timeout.ms 120 s → 30 s (longer than the broker session, so a producer outlives a
 * leader's crash until the controller moves leadership). replica.fetch.wait.max.ms 500 and
 * retry.backoff.ms 100 are Kafka's own; min.insync.replicas 1 is Kafka's default.
 */
public record DataConfig(int replicaLagMaxMs, int fetchMaxWaitMs, int requestTimeoutMs, int retryBackoffMs,
                         int deliveryTimeoutMs, int minInsyncReplicas, int maxBatchRecords) {

    public DataConfig {
        if (replicaLagMaxMs <= 0 || fetchMaxWaitMs <= 0 || requestTimeoutMs <= fetchMaxWaitMs || retryBackoffMs <= 0
                || deliveryTimeoutMs <= requestTimeoutMs || minInsyncReplicas < 1 || maxBatchRecords < 1) {
            throw new IllegalArgumentException("data settings must be positive, the request timeout longer than the"
                    + " fetch wait and the delivery timeout longer than the request timeout: " + this);
        }
    }

    public static DataConfig defaults() {
        return new DataConfig(3000, 500, 1500, 100, 30000, 1, 20);
    }

    public DataConfig withMinInsyncReplicas(int n) {
        return new DataConfig(replicaLagMaxMs, fetchMaxWaitMs, requestTimeoutMs, retryBackoffMs, deliveryTimeoutMs, n,
                maxBatchRecords);
    }
}
