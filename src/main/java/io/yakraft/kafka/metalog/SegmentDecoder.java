package io.yakraft.kafka.metalog;

import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.ByteBufferAccessor;
import org.apache.kafka.common.record.internal.ControlRecordType;
import org.apache.kafka.common.record.internal.ControlRecordUtils;
import org.apache.kafka.common.record.internal.FileLogInputStream;
import org.apache.kafka.common.record.internal.FileRecords;
import org.apache.kafka.common.record.internal.Record;
import org.apache.kafka.metadata.MetadataRecordSerde;
import org.apache.kafka.server.common.ApiMessageAndVersion;

import java.io.File;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.nio.file.Path;
import org.apache.kafka.snapshot.SnapshotPath;
import org.apache.kafka.snapshot.Snapshots;

/**
 * Reads a controller's {@code __cluster_metadata-0} directory with Kafka's own classes: {@link FileRecords} for the
 * segments' batches, {@link ControlRecordUtils} for KRaft's control records (LeaderChange, KRaftVersion, Voters…) and
 * {@link MetadataRecordSerde} for the metadata records. Runs inside a class loader over Kafka's jars
 * ({@link MetadataLogReader}), so it speaks only JDK types to the app: the directory and how many of the last records
 * to keep in, rows of {offset, leader epoch, record type, fields} out.
 */
public final class SegmentDecoder implements BiFunction<String, long[], List<String[]>> {
    /** {@code options[1]}: read the newest snapshot first even when the log still starts at offset 0. */
    public static final long FROM_NEWEST_SNAPSHOT = 1;

    /**
     * {@code options}: {limit, mode}. The rows: offset, leader epoch, type, fields, and where the record came from
     * ("" for the log, the snapshot's file name for a snapshot's record). A log whose first segment no longer starts
     * at 0 (Kafka deleted the prefix a snapshot covers) is read from the oldest snapshot that reaches its start, then
     * the log from that snapshot's end offset: the whole state from the beginning, as a restarting controller loads it.
     */
    @Override
    public List<String[]> apply(String directory, long[] options) {
        int limit = (int) options[0];
        File[] segments = new File(directory).listFiles((d, name) -> name.endsWith(".log"));
        if (segments == null) {
            throw new IllegalArgumentException(directory + " is not a directory");
        }
        Arrays.sort(segments);
        long logStart = segments.length == 0 ? 0 : Long.parseLong(segments[0].getName().substring(0, segments[0].getName().indexOf('.')));
        Optional<SnapshotPath> snapshot = snapshotToRead(new File(directory).toPath(), logStart, options.length > 1 && options[1] == FROM_NEWEST_SNAPSHOT);
        Deque<String[]> rows = new ArrayDeque<>();
        long from = 0;
        if (snapshot.isPresent()) {
            String origin = snapshot.get().path().getFileName().toString();
            read(snapshot.get().path().toFile(), rows, limit, origin, -1);
            from = snapshot.get().snapshotId().offset();
        }
        for (File segment : segments) {
            read(segment, rows, limit, "", from);
        }
        return new ArrayList<>(rows);
    }

    /** The snapshot to start from: the newest when asked, else the oldest reaching the log's start (none when it starts at 0). */
    static Optional<SnapshotPath> snapshotToRead(Path dir, long logStart, boolean newest) {
        File[] files = dir.toFile().listFiles();
        List<SnapshotPath> snapshots = new ArrayList<>();
        for (File f : files == null ? new File[0] : files) {
            Snapshots.parse(f.toPath()).filter(sp -> !sp.partial() && !sp.deleted()).ifPresent(snapshots::add);
        }
        snapshots.sort(java.util.Comparator.comparingLong(sp -> sp.snapshotId().offset()));
        if (newest) {
            return snapshots.isEmpty() ? Optional.empty() : Optional.of(snapshots.get(snapshots.size() - 1));
        }
        if (logStart == 0) {
            return Optional.empty();
        }
        return snapshots.stream().filter(sp -> sp.snapshotId().offset() >= logStart).findFirst();
    }

    /**
     * The batches of one file (a segment or a snapshot: both are record batches), records at or past {@code from}
     * ({@code -1}: all; a snapshot's records carry offsets of their own, counted from 0).
     */
    private static void read(File file, Deque<String[]> rows, int limit, String origin, long from) {
        // read-only: the running controller keeps appending to this file; closeHandlers, not close, which would
        // flush and trim a channel opened for reading
        FileRecords records;
        try {
            records = FileRecords.open(file, false, true, 0, false);
        } catch (Exception e) {
            rows.addLast(new String[]{"-1", "-", "unreadable", file.getName() + ": " + e, origin});
            return;
        }
        try {
            for (FileLogInputStream.FileChannelRecordBatch batch : records.batches()) {
                if (from >= 0 && batch.lastOffset() < from) {
                    continue;
                }
                String epoch = String.valueOf(batch.partitionLeaderEpoch());
                for (Record r : batch) {
                    if (from >= 0 && r.offset() < from) {
                        continue;
                    }
                    String[] row = batch.isControlBatch() ? control(r, epoch) : metadata(r, epoch);
                    rows.addLast(new String[]{row[0], row[1], row[2], row[3], origin});
                    if (rows.size() > limit) {
                        rows.removeFirst();
                    }
                }
            }
        } catch (Exception e) {
            // the last batch may be half written while we read; what came before it stands
            rows.addLast(new String[]{"-1", "-", "unreadable", file.getName() + ": " + e, origin});
        } finally {
            try {
                records.closeHandlers();
            } catch (Exception ignored) {
                // a read-only channel that will not close is released with the process
            }
        }
    }

    static String[] metadata(Record r, String epoch) {
        ApiMessageAndVersion m = MetadataRecordSerde.INSTANCE.read(new ByteBufferAccessor(r.value()), r.valueSize());
        return row(r.offset(), epoch, m.message().getClass().getSimpleName(), m.message());
    }

    static String[] control(Record r, String epoch) {
        ControlRecordType type = ControlRecordType.parse(r.key());
        ApiMessage message = switch (type) {
            case LEADER_CHANGE -> ControlRecordUtils.deserializeLeaderChangeMessage(r);
            case SNAPSHOT_HEADER -> ControlRecordUtils.deserializeSnapshotHeaderRecord(r);
            case SNAPSHOT_FOOTER -> ControlRecordUtils.deserializeSnapshotFooterRecord(r);
            case KRAFT_VERSION -> ControlRecordUtils.deserializeKRaftVersionRecord(r);
            case KRAFT_VOTERS -> ControlRecordUtils.deserializeVotersRecord(r);
            default -> null;
        };
        String name = message == null ? type.name() : message.getClass().getSimpleName();
        return new String[]{String.valueOf(r.offset()), epoch, name + " (control)", message == null ? "" : fields(message)};
    }

    private static String[] row(long offset, String epoch, String type, ApiMessage message) {
        return new String[]{String.valueOf(offset), epoch, type, fields(message)};
    }

    /** The generated toString, "FeatureLevelRecord(name='metadata.version', featureLevel=29)", without the type's name. */
    private static String fields(ApiMessage message) {
        String s = message.toString();
        int open = s.indexOf('(');
        return open >= 0 && s.endsWith(")") ? s.substring(open + 1, s.length() - 1) : s;
    }
}
