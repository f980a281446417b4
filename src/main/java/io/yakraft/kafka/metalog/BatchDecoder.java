package io.yakraft.kafka.metalog;

import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.Record;
import org.apache.kafka.common.record.internal.RecordBatch;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Decodes record batches fetched from a controller (the bytes of a Fetch response's records) as {@link SegmentDecoder}
 * decodes a segment's: Kafka's {@link MemoryRecords}, control records and MetadataRecordSerde, inside the loader over
 * Kafka's jars; rows of {offset, leader epoch, type, fields, ""} out.
 */
public final class BatchDecoder implements Function<byte[], List<String[]>> {
    @Override
    public List<String[]> apply(byte[] bytes) {
        List<String[]> rows = new ArrayList<>();
        for (RecordBatch batch : MemoryRecords.readableRecords(ByteBuffer.wrap(bytes)).batches()) {
            String epoch = String.valueOf(batch.partitionLeaderEpoch());
            for (Record r : batch) {
                String[] row = batch.isControlBatch() ? SegmentDecoder.control(r, epoch) : SegmentDecoder.metadata(r, epoch);
                rows.add(new String[]{row[0], row[1], row[2], row[3], ""});
            }
        }
        return rows;
    }
}
