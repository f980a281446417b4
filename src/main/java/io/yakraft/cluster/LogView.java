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

    /** Epoch of the entry at {@code offset}, or -1 when the log does not hold it. */
    public int epochAt(long offset) {
        if (offset < startOffset || offset >= endOffset) {
            return -1;
        }
        int lo = 0;
        int hi = epochRuns.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (epochRuns.get(mid).offset() <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return epochRuns.isEmpty() ? -1 : epochRuns.get(lo).epoch();
    }
}
