package io.yakraft.cluster;

/**
 * Broker lifecycle and snapshot settings, in simulated milliseconds and records.
 * {@code snapshotEveryRecords} stands in for Kafka's
 * {@code metadata.log.max.record.bytes.between.snapshots}: the simulation counts records,
 * not bytes. 0 turns automatic snapshots off. {@code retentionRecords} and {@code retentionMs}
 * stand in for {@code metadata.max.retention.bytes} (log plus snapshots, in records) and
 * {@code metadata.max.retention.ms}; -1 turns a rule off (Kafka's meaning of -1 too).
 */
public record MetadataConfig(int heartbeatIntervalMs, int sessionTimeoutMs, int fencedHeartbeatMs,
                             int snapshotEveryRecords, int maxIdleIntervalMs, long retentionRecords, long retentionMs,
                             long snapshotIntervalMs) {

    /**
     * Kafka's metadata.log.max.snapshot.interval.ms is an hour, against 7 days of retention; scaled
     * to a simulated run, 30 s: a node that committed anything since its latest snapshot writes a
     * new one after that long even when fewer than {@code snapshotEveryRecords} were applied.
     */
    public static final long DEFAULT_SNAPSHOT_INTERVAL_MS = 30_000;

    public MetadataConfig(int heartbeatIntervalMs, int sessionTimeoutMs, int fencedHeartbeatMs, int snapshotEveryRecords,
                          int maxIdleIntervalMs, long retentionRecords, long retentionMs) {
        this(heartbeatIntervalMs, sessionTimeoutMs, fencedHeartbeatMs, snapshotEveryRecords, maxIdleIntervalMs,
                retentionRecords, retentionMs, DEFAULT_SNAPSHOT_INTERVAL_MS);
    }

    /**
     * Kafka's metadata.max.retention.ms is 7 days against a snapshot interval of an hour; a
     * simulated run lasts minutes, so the default here is one simulated minute.
     */
    public static final long DEFAULT_RETENTION_MS = 60_000;

    /**
     * The retention size for a snapshot interval: twice the interval, so the log keeps about one
     * interval of records before the latest snapshot (Kafka's defaults, 100 MiB against 20 MiB
     * between snapshots, keep five; fewer here so that lessons reach a trimmed log quickly).
     */
    public static long defaultRetentionRecords(int snapshotEveryRecords) {
        return snapshotEveryRecords <= 0 ? -1 : 2L * snapshotEveryRecords;
    }

    public MetadataConfig(int heartbeatIntervalMs, int sessionTimeoutMs, int fencedHeartbeatMs, int snapshotEveryRecords,
                          int maxIdleIntervalMs) {
        this(heartbeatIntervalMs, sessionTimeoutMs, fencedHeartbeatMs, snapshotEveryRecords, maxIdleIntervalMs,
                defaultRetentionRecords(snapshotEveryRecords), DEFAULT_RETENTION_MS);
    }

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
        if (snapshotIntervalMs < 0) {
            throw new IllegalArgumentException("metadata.log.max.snapshot.interval.ms must be 0 (off) or more, got "
                    + snapshotIntervalMs);
        }
        if (retentionRecords < -1 || retentionMs < -1) {
            throw new IllegalArgumentException("metadata.max.retention (records) and metadata.max.retention.ms must be -1"
                    + " (off) or more, got " + retentionRecords + " and " + retentionMs);
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

    /** Another snapshot interval; the retention size goes back to its default for that interval. */
    public MetadataConfig withSnapshotEvery(int records) {
        return new MetadataConfig(heartbeatIntervalMs, sessionTimeoutMs, fencedHeartbeatMs, records, maxIdleIntervalMs,
                defaultRetentionRecords(records), retentionMs, snapshotIntervalMs);
    }

    /** 0: the active controller writes no NoOpRecords. */
    public MetadataConfig withMaxIdleInterval(int ms) {
        return new MetadataConfig(heartbeatIntervalMs, sessionTimeoutMs, fencedHeartbeatMs, snapshotEveryRecords, ms,
                retentionRecords, retentionMs, snapshotIntervalMs);
    }

    /** Other retention limits (records for metadata.max.retention.bytes, ms for metadata.max.retention.ms; -1: off). */
    public MetadataConfig withRetention(long records, long ms) {
        return new MetadataConfig(heartbeatIntervalMs, sessionTimeoutMs, fencedHeartbeatMs, snapshotEveryRecords,
                maxIdleIntervalMs, records, ms, snapshotIntervalMs);
    }

    /** Another metadata.log.max.snapshot.interval.ms (0: snapshots by record count only). */
    public MetadataConfig withSnapshotInterval(long ms) {
        return new MetadataConfig(heartbeatIntervalMs, sessionTimeoutMs, fencedHeartbeatMs, snapshotEveryRecords,
                maxIdleIntervalMs, retentionRecords, retentionMs, ms);
    }
}
