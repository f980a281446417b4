package io.yakraft.data;

/**
 * Settings of the data plane (partition replicas and producers), in simulated milliseconds.
 * replica.lag.time.max.ms 30 s and delivery.timeout.ms 120 s are Kafka's own, unscaled, because
 * the broker session they are ordered against (broker.session.timeout.ms 9 s, in
 * MetadataConfig) is Kafka's own too: Kafka relies on the controller fencing a dead broker (and
 * taking it out of every ISR) before a leader's lag check would, and on a producer outliving
 * both. Scaling one side alone inverts that order. request.timeout.ms 30 s → 1.5 s so a class sees
 * retries; replica.fetch.wait.max.ms 500 and retry.backoff.ms 100 are Kafka's own;
 * min.insync.replicas 1 is Kafka's default.
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
        return new DataConfig(30000, 500, 1500, 100, 120000, 1, 20);
    }

    public DataConfig withMinInsyncReplicas(int n) {
        return new DataConfig(replicaLagMaxMs, fetchMaxWaitMs, requestTimeoutMs, retryBackoffMs, deliveryTimeoutMs, n,
                maxBatchRecords);
    }
}
