package io.yakraft.raft;

/**
 * When a replica may delete its log before a snapshot (Kafka's MetadataLogConfig, read by
 * KafkaMetadataLog.maybeClean): {@code maxRecords} stands for metadata.max.retention.bytes (the
 * log plus every snapshot, counted in records here) and {@code maxMs} for
 * metadata.max.retention.ms (a snapshot's age, from its header's last-contained timestamp). A
 * negative value turns that rule off. Both are soft limits: the latest snapshot is always kept,
 * and the log is only ever deleted up to a snapshot.
 */
public record LogRetention(long maxRecords, long maxMs) {

    /** Neither rule: a snapshot never deletes the log before it. */
    public static final LogRetention KEEP_ALL = new LogRetention(-1, -1);

    /** True when a snapshot of that age breaks the time rule. */
    boolean tooOld(RaftSnapshot s, long now) {
        return maxMs >= 0 && now - s.lastContainedLogTimestamp() > maxMs;
    }
}
