package io.yakraft.cluster;

/**
 * Writes a snapshot of the node's image once it has applied {@code every} records since the
 * last one, and moves the log start up to it (Kafka: each node snapshots on its own, on
 * metadata.log.max.record.bytes.between.snapshots).
 */
final class SnapshotPolicy implements NodeProcess {
    private final int id;
    private final Cluster cluster;
    private final int every;

    SnapshotPolicy(int id, Cluster cluster, int every) {
        this.id = id;
        this.cluster = cluster;
        this.every = every;
    }

    @Override
    public void afterEvent(long now) {
        long applied = cluster.appliedOffset(id) + 1;
        long start = cluster.disk(id).log().startOffset();
        if (applied - start >= every) {
            cluster.compact(id);
        }
    }
}
