package io.yakraft.cluster;

import io.yakraft.check.InvariantChecker;
import io.yakraft.raft.RaftSnapshot;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Snapshots and retention in a running cluster, as Kafka's controllers run them: each node
 * snapshots on its own (SnapshotGenerator), and KafkaMetadataLog.maybeClean deletes the log
 * before a snapshot only when metadata.max.retention (scaled to records) or
 * metadata.max.retention.ms lets it.
 */
class LogRetentionTest {

    private static Cluster run(MetadataConfig meta, int writes) {
        Cluster c = new Cluster(ClusterConfig.defaults(3, 3, 0).withMetadata(meta));
        new InvariantChecker(c);
        c.start();
        c.runUntil(2_000);
        for (int i = 0; i < writes; i++) {
            int k = i;
            c.at(2_000 + 20L * i, "write", x -> x.propose(List.of("w" + k)));
        }
        c.runUntil(2_000 + 20L * writes + 1_000);
        assertTrue(c.violations().isEmpty(), c.violations().toString());
        return c;
    }

    /** Kafka: KafkaMetadataLog.cleanSnapshots with both rules off (-1): snapshots pile up and the log stays whole. */
    @Test
    void withoutRetentionTheLogIsNeverDeleted() {
        Cluster c = run(MetadataConfig.kafkaDefaults().withSnapshotEvery(10).withRetention(-1, -1), 60);
        int leader = c.leaderId();
        assertEquals(0, c.logRange(leader).startOffset());
        assertTrue(c.snapshots(leader).size() >= 5, "one snapshot per 10 records, none deleted: " + c.snapshots(leader).size());
    }

    /**
     * Kafka: KafkaMetadataLog.cleanSnapshotsRetentionSize. The log is kept before the latest
     * snapshot as long as log plus snapshots fit the limit; when deleted, it is deleted up to a
     * snapshot the node holds, and the log plus snapshots are back within the limit.
     */
    @Test
    void theSizeRuleKeepsARetainedPrefixBeforeTheLatestSnapshot() {
        Cluster c = run(MetadataConfig.kafkaDefaults().withSnapshotEvery(10).withRetention(80, -1), 60);
        int leader = c.leaderId();
        List<RaftSnapshot> snaps = c.snapshots(leader);
        LogRange range = c.logRange(leader);
        assertTrue(range.startOffset() > 0, "the log was deleted up to a snapshot");
        assertEquals(snaps.get(0).id().offset(), range.startOffset(), "the log starts at the oldest snapshot kept");
        assertTrue(snaps.size() >= 2 && range.startOffset() < snaps.get(snaps.size() - 1).id().offset(),
                "the log before the latest snapshot is still there: start " + range.startOffset() + ", snapshots " + snaps.size());
        long total = (range.endOffset() - range.startOffset()) + snaps.stream().mapToLong(RaftSnapshot::size).sum();
        assertTrue(total <= 80 + 20, "log plus snapshots stay near the limit (soft, like Kafka's): " + total);
    }

    /** Kafka: RecordsSnapshotWriter. Every snapshot a node writes reads header first, footer last. */
    @Test
    void everySnapshotWrittenHasHeaderAndFooter() {
        Cluster c = run(MetadataConfig.kafkaDefaults().withSnapshotEvery(10), 30);
        List<String> lines = new ArrayList<>();
        for (RaftSnapshot s : c.snapshots(c.leaderId())) {
            lines.addAll(RecordText.snapshotLines(s));
        }
        assertTrue(lines.get(1).startsWith("  SNAPSHOT_HEADER (control)"), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("  VOTERS (control)")), lines.toString());
        assertTrue(lines.get(lines.size() - 1).startsWith("  SNAPSHOT_FOOTER (control)"), lines.toString());
    }
}
