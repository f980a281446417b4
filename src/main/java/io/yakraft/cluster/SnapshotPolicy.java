package io.yakraft.cluster;

import io.yakraft.raft.LogRetention;

/**
 * Writes a snapshot of the node's image once it has applied {@code every} records since the
 * latest one (Kafka: each node snapshots on its own, on
 * metadata.log.max.record.bytes.between.snapshots), then lets the retention rule delete the log
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
    private long nextCleanAt;

    SnapshotPolicy(int id, Cluster cluster, int every, LogRetention retention) {
        this.id = id;
        this.cluster = cluster;
        this.every = every;
        this.retention = retention;
    }

    @Override
    public void afterEvent(long now) {
        long applied = cluster.appliedOffset(id) + 1;
        boolean wrote = applied - cluster.latestSnapshotEnd(id) >= every && cluster.takeSnapshot(id);
        if (wrote || now >= nextCleanAt) {
            nextCleanAt = now + CLEAN_INTERVAL_MS;
            cluster.cleanLog(id, retention);
        }
    }
}
