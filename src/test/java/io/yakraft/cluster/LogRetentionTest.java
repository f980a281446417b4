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

    /**
     * What the window draws during a download (Kafka's FollowerState.fetchingSnapshot): the
     * follower's log view names the snapshot, the records received and the chunks, mid-transfer;
     * the leader's view marks its latest snapshot past a retained log prefix.
     */
    @Test
    void theLogViewShowsASnapshotTransferInProgress() {
        ClusterConfig config = ClusterConfig.defaults(7, 3, 0)
                .withRaft(io.yakraft.raft.RaftConfig.kafkaDefaults().withFetchSnapshotMaxRecords(4))
                .withMetadata(MetadataConfig.kafkaDefaults().withSnapshotEvery(10).withRetention(50, -1));
        Cluster c = new Cluster(config);
        new InvariantChecker(c);
        c.start();
        c.at(1_500, "kill n3", x -> x.crash(3));
        for (int i = 0; i < 8; i++) {
            int k = i;
            c.at(2_000 + 100L * i, "write", x -> x.propose(List.of("w" + k + "a", "w" + k + "b", "w" + k + "c")));
        }
        c.at(4_000, "restart n3", x -> x.restart(3, false));
        c.runUntil(4_011); // chunk 1 of 4 arrived at 4010 (golden chunked-snapshot.trace)
        LogView follower = c.logView(3);
        assertTrue(follower.transfer() != null, "n3 is downloading a snapshot");
        assertEquals(new io.yakraft.raft.OffsetAndEpoch(42, 1), follower.transfer().id());
        assertEquals(4, follower.transfer().received());
        assertEquals(14, follower.transfer().size());
        assertEquals(2, follower.transfer().nextChunk());
        assertEquals(4, follower.transfer().chunks());
        LogView leader = c.logView(c.leaderId());
        assertEquals(32, leader.startOffset());
        assertEquals(42, leader.latestSnapshot(), "the log between 32 and 42 is kept by retention");
        c.runUntil(4_100);
        assertEquals(null, c.logView(3).transfer(), "installed: no transfer left");
        assertEquals(42, c.logView(3).latestSnapshot());
    }

    /**
     * Kafka: SnapshotGenerator with metadata.log.max.snapshot.interval.ms. Far fewer records than
     * the byte (here record) threshold, yet a node that committed anything since its latest
     * snapshot writes one once the interval passed; 0 turns the time rule off.
     */
    @Test
    void theSnapshotIntervalWritesSnapshotsOfAQuietLog() {
        MetadataConfig byTime = MetadataConfig.kafkaDefaults().withSnapshotEvery(100_000).withSnapshotInterval(3_000);
        Cluster c = run(byTime, 0);
        c.runUntil(12_000);
        int leader = c.leaderId();
        assertTrue(c.snapshots(leader).size() >= 2, "NoOpRecords committed; a snapshot every 3 s: " + c.snapshots(leader).size());
        Cluster off = run(byTime.withSnapshotInterval(0), 0);
        off.runUntil(12_000);
        assertEquals(0, off.snapshots(off.leaderId()).size(), "interval 0: only the record count counts");
    }
}
