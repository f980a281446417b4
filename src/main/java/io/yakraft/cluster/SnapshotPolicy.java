package io.yakraft.cluster;

import io.yakraft.raft.LogRetention;

/**
 * Writes a snapshot of the node's image once it has applied {@code every} records since the
 * latest one, or anything at all once {@code intervalMs} passed since this process's latest
 * snapshot (Kafka's SnapshotGenerator: metadata.log.max.record.bytes.between.snapshots and
 * metadata.log.max.snapshot.interval.ms, each node on its own), then lets the retention rule delete the log
 * before snapshots (Kafka's KafkaMetadataLog.maybeClean). Kafka's raft client cleans every
 * 60 s; here right after each snapshot and at most every {@link #CLEAN_INTERVAL_MS} otherwise,
 * so the time rule also acts on an idle node.
 */
final class SnapshotPolicy implements NodeProcess {
    /** Kafka's RaftMetadataLogCleanerManager runs every 60 000 ms; scaled to simulated runs of minutes. */
    static final long CLEAN_INTERVAL_MS = 1_000;

    private final int id;
    private final Cluster cluster;
    private final int every;
    private final LogRetention retention;
    private final long intervalMs;
    private long nextCleanAt;
    /** When this process last wrote a snapshot, or started (Kafka's SnapshotGenerator starts its clock then); -1 before. */
    private long lastSnapshotAt = -1;

    SnapshotPolicy(int id, Cluster cluster, int every, LogRetention retention, long intervalMs) {
        this.id = id;
        this.cluster = cluster;
        this.every = every;
        this.retention = retention;
        this.intervalMs = intervalMs;
    }

    @Override
    public void afterEvent(long now) {
        if (lastSnapshotAt < 0) {
            lastSnapshotAt = now;
        }
        long applied = cluster.appliedOffset(id) + 1;
        long since = applied - cluster.latestSnapshotEnd(id);
        boolean due = since >= every || (intervalMs > 0 && since > 0 && now - lastSnapshotAt >= intervalMs);
        boolean wrote = due && cluster.takeSnapshot(id);
        if (wrote) {
            lastSnapshotAt = now;
        }
        if (wrote || now >= nextCleanAt) {
            nextCleanAt = now + CLEAN_INTERVAL_MS;
            cluster.cleanLog(id, retention);
        }
    }
}
