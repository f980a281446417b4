package io.yakraft.cluster;

/**
 * Broker lifecycle and snapshot settings, in simulated milliseconds and records.
 * {@code snapshotEveryRecords} stands in for Kafka's
 * {@code metadata.log.max.record.bytes.between.snapshots}: the simulation counts records,
 * not bytes. 0 turns automatic snapshots off.
 */
public record MetadataConfig(int heartbeatIntervalMs, int sessionTimeoutMs, int fencedHeartbeatMs,
                             int snapshotEveryRecords) {

    public MetadataConfig {
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
        return new MetadataConfig(heartbeatIntervalMs, sessionTimeoutMs, fencedHeartbeatMs, records);
    }
}
