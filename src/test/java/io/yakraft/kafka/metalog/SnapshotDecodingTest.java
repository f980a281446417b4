package io.yakraft.kafka.metalog;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.metadata.TopicRecord;
import org.apache.kafka.metadata.MetadataRecordSerde;
import org.apache.kafka.server.common.OffsetAndEpoch;
import org.apache.kafka.server.common.ApiMessageAndVersion;
import org.apache.kafka.server.common.KRaftVersion;
import org.apache.kafka.snapshot.FileRawSnapshotWriter;
import org.apache.kafka.snapshot.RecordsSnapshotWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A metadata log whose prefix was snapshotted still reads from the start: a snapshot written with Kafka's own
 * RecordsSnapshotWriter (as a controller writes its .checkpoint files) is decoded before the log, with no Kafka process.
 */
class SnapshotDecodingTest {

    private static void snapshot(Path dir, long endOffset, int epoch, String topic) throws Exception {
        try (RecordsSnapshotWriter<ApiMessageAndVersion> w = new RecordsSnapshotWriter.Builder()
                .setKraftVersion(KRaftVersion.KRAFT_VERSION_0)
                .setRawSnapshotWriter(FileRawSnapshotWriter.create(dir, new OffsetAndEpoch(endOffset, epoch)))
                .build(MetadataRecordSerde.INSTANCE)) {
            w.append(List.of(new ApiMessageAndVersion(new TopicRecord().setName(topic).setTopicId(Uuid.randomUuid()), (short) 0)));
            w.freeze();
        }
    }

    @Test
    void aLogWhosePrefixIsGoneStartsFromTheSnapshotThatReachesItsStart(@TempDir Path dir) throws Exception {
        snapshot(dir, 100, 2, "orders");
        snapshot(dir, 250, 3, "payments");
        Files.createFile(dir.resolve("00000000000000000100.log")); // the log now starts at offset 100, its segment empty
        Files.createFile(dir.resolve("00000000000000000300-0000000003.checkpoint.part")); // a snapshot still being written

        List<String[]> rows = new SegmentDecoder().apply(dir.toString(), new long[]{1000, 0});
        assertEquals(List.of("SnapshotHeaderRecord (control)", "TopicRecord", "SnapshotFooterRecord (control)"),
                rows.stream().map(r -> r[2]).toList());
        assertTrue(rows.get(1)[3].contains("name='orders'"), rows.get(1)[3]);
        assertEquals("00000000000000000100-0000000002.checkpoint", rows.get(1)[4], "each row names the snapshot it came from");

        List<String[]> newest = new SegmentDecoder().apply(dir.toString(), new long[]{1000, SegmentDecoder.FROM_NEWEST_SNAPSHOT});
        assertTrue(newest.get(1)[3].contains("name='payments'"), "the newest finished snapshot, not the partial one: " + newest.get(1)[3]);
    }

    @Test
    void aLogThatStartsAtZeroIsReadWithoutItsSnapshots(@TempDir Path dir) throws Exception {
        snapshot(dir, 100, 2, "orders");
        Files.createFile(dir.resolve("00000000000000000000.log"));
        assertEquals(List.of(), new SegmentDecoder().apply(dir.toString(), new long[]{1000, 0}));
    }
}
