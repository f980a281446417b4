package io.yakraft.cluster;

import io.yakraft.raft.OffsetAndEpoch;
import io.yakraft.raft.SnapshotTransfer;

import java.util.List;

/**
 * One node's log for the replication view: what it holds ({@code startOffset} is the snapshot
 * boundary), the epoch of every held entry as runs, its high watermark, and its last
 * truncation ({@code truncations} counts them so a view can flash each one once; the removed
 * range is {@code [truncatedTo, truncatedFrom)}). {@code latestSnapshot} is the end offset of the
 * node's latest snapshot (-1: none); the log between {@code startOffset} and it is the prefix
 * retention still keeps. {@code transfer} is the snapshot the node is downloading, or null.
 */
public record LogView(long startOffset, long endOffset, long highWatermark, List<OffsetAndEpoch> epochRuns,
                      int truncations, long truncatedTo, long truncatedFrom, long latestSnapshot,
                      SnapshotTransfer transfer) {

    public LogView {
        epochRuns = List.copyOf(epochRuns);
    }

    /** A log with no snapshot and no transfer to show. */
    public LogView(long startOffset, long endOffset, long highWatermark, List<OffsetAndEpoch> epochRuns,
                   int truncations, long truncatedTo, long truncatedFrom) {
        this(startOffset, endOffset, highWatermark, epochRuns, truncations, truncatedTo, truncatedFrom, -1, null);
    }
}
