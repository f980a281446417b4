package io.yakraft.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A partition replica's log on a broker's disk: records from offset 0, the high watermark this
 * replica knows, and the leader-epoch cache (epoch → first offset) that Kafka keeps beside every
 * log (KIP-101) so a follower can find where it diverged from the leader instead of
 * truncating to its high watermark.
 */
public final class PartitionLog {
    private final List<DataRecord> records = new ArrayList<>();
    private final TreeMap<Integer, Long> epochStarts = new TreeMap<>();
    private final ProducerStates producers = new ProducerStates();
    private long highWatermark;

    public long endOffset() {
        return records.size();
    }

    public long highWatermark() {
        return highWatermark;
    }

    void setHighWatermark(long hw) {
        highWatermark = Math.min(hw, endOffset());
    }

    /** Epoch of the last record, -1 when empty. */
    public int lastEpoch() {
        return epochStarts.isEmpty() ? -1 : epochStarts.lastKey();
    }

    public DataRecord get(long offset) {
        return records.get((int) offset);
    }

    DataRecord append(int leaderEpoch, long id, String key, String value) {
        return append(leaderEpoch, id, key, value, ProducerStamp.NONE, -1);
    }

    /** Appends a record of a (possibly idempotent) producer's batch with its own sequence number. */
    DataRecord append(int leaderEpoch, long id, String key, String value, ProducerStamp batch, int sequence) {
        DataRecord r = new DataRecord(endOffset(), leaderEpoch, id, key, value, batch, sequence);
        add(r);
        return r;
    }

    /** The producer state built from this log's records (Kafka's ProducerStateManager). */
    public ProducerStates producers() {
        return producers;
    }

    /** Appends records fetched from the leader; they must start at this log's end. */
    void appendFetched(List<DataRecord> fetched) {
        for (DataRecord r : fetched) {
            if (r.offset() != endOffset()) {
                throw new IllegalStateException("fetched record at " + r.offset() + " does not follow the log end " + endOffset());
            }
            add(r);
        }
    }

    private void add(DataRecord r) {
        if (epochStarts.isEmpty() || r.leaderEpoch() > epochStarts.lastKey()) {
            epochStarts.put(r.leaderEpoch(), r.offset());
        }
        records.add(r);
        producers.appended(r);
    }

    /** Removes the records at and after {@code offset}; returns how many went. */
    int truncateTo(long offset) {
        int removed = 0;
        while (endOffset() > offset) {
            records.remove(records.size() - 1);
            removed++;
        }
        epochStarts.values().removeIf(start -> start >= offset);
        highWatermark = Math.min(highWatermark, endOffset());
        if (removed > 0 && !producers.isEmpty()) {
            // as Kafka after a truncation: the producer state is rebuilt from what the log still holds
            producers.clear();
            records.forEach(producers::appended);
        }
        return removed;
    }

    /**
     * The largest epoch in this log not above {@code epoch}, and the offset where it ends (where a
     * later epoch starts, else the log end): the leader's answer to a follower's OffsetsForLeaderEpoch.
     * When every epoch in the log is later than {@code epoch}, {@code epoch} itself ends where the
     * log's first epoch starts (Kafka's LeaderEpochFileCache.endOffsetFor: "the requested epoch is
     * smaller than any known epoch"): none of this log's records is of that epoch or an earlier one.
     * {-1, 0} only when the log is empty.
     */
    long[] endOffsetForEpoch(int epoch) {
        Map.Entry<Integer, Long> e = epochStarts.floorEntry(epoch);
        if (e == null) {
            return epochStarts.isEmpty() ? new long[] {-1, 0} : new long[] {epoch, epochStarts.firstEntry().getValue()};
        }
        Map.Entry<Integer, Long> next = epochStarts.higherEntry(e.getKey());
        return new long[] {e.getKey(), next == null ? endOffset() : next.getValue()};
    }

    List<DataRecord> read(long from, int max) {
        if (from >= endOffset()) {
            return List.of();
        }
        return List.copyOf(records.subList((int) from, (int) Math.min(endOffset(), from + max)));
    }

    /** The leader-epoch cache as it stands (epoch → first offset), a copy for views. */
    public java.util.SortedMap<Integer, Long> epochStarts() {
        return new TreeMap<>(epochStarts);
    }

    /** Every record, oldest first (for checks and views). */
    public List<DataRecord> records() {
        return java.util.Collections.unmodifiableList(records);
    }
}
