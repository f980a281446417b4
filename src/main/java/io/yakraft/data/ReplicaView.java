package io.yakraft.data;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One partition replica on one broker, as views show it: its role, log end and high watermark,
 * and {@code epochStarts}, the replica's leader-epoch cache (leader epoch → first offset it wrote),
 * from which a view colours each record by the epoch of the leader that appended it.
 */
public record ReplicaView(TopicPartition partition, boolean leader, int leaderEpoch, int leaderId, long logEndOffset,
                         long highWatermark, SortedMap<Integer, Long> epochStarts) {
    public ReplicaView {
        epochStarts = Collections.unmodifiableSortedMap(new TreeMap<>(epochStarts));
    }

    /** A view without the epoch cache (records drawn without their epochs). */
    public ReplicaView(TopicPartition partition, boolean leader, int leaderEpoch, int leaderId, long logEndOffset,
                       long highWatermark) {
        this(partition, leader, leaderEpoch, leaderId, logEndOffset, highWatermark, new TreeMap<>());
    }

    /** The leader epoch of the record at {@code offset} (below the log end), -1 when the cache does not say. */
    public int epochAt(long offset) {
        int epoch = -1;
        for (var e : epochStarts.entrySet()) {
            if (e.getValue() > offset) {
                break;
            }
            epoch = e.getKey();
        }
        return epoch;
    }
}
