package io.yakraft.cluster;

/**
 * Broker lifecycle and snapshot settings, in simulated milliseconds and records.
 * {@code snapshotEveryRecords} stands in for Kafka's
 * {@code metadata.log.max.record.bytes.between.snapshots}: the simulation counts records,
 * not bytes. 0 turns automatic snapshots off.
 */
public record MetadataConfig(int heartbeatIntervalMs, int sessionTimeoutMs, int fencedHeartbeatMs,
                             int snapshotEveryRecords, int maxIdleIntervalMs) {

    /** Kafka's metadata.max.idle.interval.ms: how often an idle active controller writes a NoOpRecord. */
    public static final int DEFAULT_MAX_IDLE_INTERVAL_MS = 500;

    public MetadataConfig(int heartbeatIntervalMs, int sessionTimeoutMs, int fencedHeartbeatMs, int snapshotEveryRecords) {
        this(heartbeatIntervalMs, sessionTimeoutMs, fencedHeartbeatMs, snapshotEveryRecords, DEFAULT_MAX_IDLE_INTERVAL_MS);
    }

    public MetadataConfig {
        if (maxIdleIntervalMs < 0) {
            throw new IllegalArgumentException("metadata.max.idle.interval.ms must be 0 (no NoOpRecords) or more, got "
                    + maxIdleIntervalMs);
        }
        if (heartbeatIntervalMs <= 0 || sessionTimeoutMs <= heartbeatIntervalMs || fencedHeartbeatMs <= 0
                || snapshotEveryRecords < 0) {
            throw new IllegalArgumentException("heartbeat interval and session timeout must be positive, the session"
                    + " longer than the interval, and the snapshot interval 0 or more: " + this);
        }
    }

    /**
     * broker.heartbeat.interval.ms 2000, broker.session.timeout.ms 9000. A fenced broker that is
     * catching up heartbeats every 100 ms (Kafka: 10 ms; coarser here to keep traces readable).
     */
    public static MetadataConfig kafkaDefaults() {
        return new MetadataConfig(2000, 9000, 100, 500);
    }

    public MetadataConfig withSnapshotEvery(int records) {
        return new MetadataConfig(heartbeatIntervalMs, sessionTimeoutMs, fencedHeartbeatMs, records, maxIdleIntervalMs);
    }

    /** 0: the active controller writes no NoOpRecords. */
    public MetadataConfig withMaxIdleInterval(int ms) {
        return new MetadataConfig(heartbeatIntervalMs, sessionTimeoutMs, fencedHeartbeatMs, snapshotEveryRecords, ms);
    }
}
