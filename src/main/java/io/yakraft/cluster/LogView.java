package io.yakraft.cluster;

import io.yakraft.raft.OffsetAndEpoch;

import java.util.List;

/**
 * One node's log for the replication view: what it holds ({@code startOffset} is the snapshot
 * boundary), the epoch of every held entry as runs, its high watermark, and its last
 * truncation ({@code truncations} counts them so a view can flash each one once; the removed
 * range is {@code [truncatedTo, truncatedFrom)}).
 */
public record LogView(long startOffset, long endOffset, long highWatermark, List<OffsetAndEpoch> epochRuns,
                      int truncations, long truncatedTo, long truncatedFrom) {

    public LogView {
        epochRuns = List.copyOf(epochRuns);
    }
}
