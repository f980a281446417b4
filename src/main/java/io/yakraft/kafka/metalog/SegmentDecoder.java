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
import java.util.function.BiFunction;

/**
 * Reads a controller's {@code __cluster_metadata-0} directory with Kafka's own classes: {@link FileRecords} for the
 * segments' batches, {@link ControlRecordUtils} for KRaft's control records (LeaderChange, KRaftVersion, Voters…) and
 * {@link MetadataRecordSerde} for the metadata records. Runs inside a class loader over Kafka's jars
 * ({@link MetadataLogReader}), so it speaks only JDK types to the app: the directory and how many of the last records
 * to keep in, rows of {offset, leader epoch, record type, fields} out.
 */
public final class SegmentDecoder implements BiFunction<String, Integer, List<String[]>> {

    @Override
    public List<String[]> apply(String directory, Integer limit) {
        File[] segments = new File(directory).listFiles((d, name) -> name.endsWith(".log"));
        if (segments == null) {
            throw new IllegalArgumentException(directory + " is not a directory");
        }
        Arrays.sort(segments);
        Deque<String[]> rows = new ArrayDeque<>();
        for (File segment : segments) {
            // read-only: the running controller keeps appending to this file; closeHandlers, not close, which would
            // flush and trim a channel opened for reading
            FileRecords records;
            try {
                records = FileRecords.open(segment, false, true, 0, false);
            } catch (Exception e) {
                rows.addLast(new String[]{"-1", "-", "unreadable", segment.getName() + ": " + e});
                continue;
            }
            try {
                for (FileLogInputStream.FileChannelRecordBatch batch : records.batches()) {
                    String epoch = String.valueOf(batch.partitionLeaderEpoch());
                    for (Record r : batch) {
                        String[] row = batch.isControlBatch() ? control(r, epoch) : metadata(r, epoch);
                        rows.addLast(row);
                        if (rows.size() > limit) {
                            rows.removeFirst();
                        }
                    }
                }
            } catch (Exception e) {
                // the last batch may be half written while we read; what came before it stands
                rows.addLast(new String[]{"-1", "-", "unreadable", segment.getName() + ": " + e});
            } finally {
                try {
                    records.closeHandlers();
                } catch (Exception ignored) {
                    // a read-only channel that will not close is released with the process
                }
            }
        }
        return new ArrayList<>(rows);
    }

    private static String[] metadata(Record r, String epoch) {
        ApiMessageAndVersion m = MetadataRecordSerde.INSTANCE.read(new ByteBufferAccessor(r.value()), r.valueSize());
        return row(r.offset(), epoch, m.message().getClass().getSimpleName(), m.message());
    }

    private static String[] control(Record r, String epoch) {
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
