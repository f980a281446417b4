package io.yakraft.raft;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The replicated log of one node, with Kafka's leader-epoch cache (the start offset of each
 * epoch in the log) to answer "where does epoch E end?". The start offset can move forward
 * (snapshots); entries before it are gone and {@link #startEpoch()} remembers the epoch there.
 */
public final class RaftLog {
    private final ArrayList<LogEntry> entries = new ArrayList<>();
    /** Epoch cache: parallel lists of epochs (increasing) and the offset where each starts. */
    private final ArrayList<Integer> cacheEpochs = new ArrayList<>();
    private final ArrayList<Long> cacheStarts = new ArrayList<>();
    private long startOffset;
    private int startEpoch;

    public long startOffset() {
        return startOffset;
    }

    /** Epoch of the entry just before the start offset (0 for an empty history). */
    public int startEpoch() {
        return startEpoch;
    }

    public long endOffset() {
        return startOffset + entries.size();
    }

    public boolean isEmpty() {
        return entries.isEmpty() && startOffset == 0;
    }

    /** Epoch of the last entry, or the start epoch when there are no entries. */
    public int lastEpoch() {
        return entries.isEmpty() ? startEpoch : entries.get(entries.size() - 1).epoch();
    }

    public OffsetAndEpoch endOffsetAndEpoch() {
        return new OffsetAndEpoch(endOffset(), lastEpoch());
    }

    /**
     * The epochs of the entries held, as runs: each run's epoch and the offset where it starts
     * here (clipped to the log start), in offset order. Cheap: one item per epoch, not per entry.
     */
    public List<OffsetAndEpoch> epochRuns() {
        List<OffsetAndEpoch> runs = new ArrayList<>(cacheEpochs.size());
        long end = endOffset();
        for (int i = 0; i < cacheEpochs.size(); i++) {
            long from = Math.max(cacheStarts.get(i), startOffset);
            long to = i + 1 < cacheStarts.size() ? cacheStarts.get(i + 1) : end;
            if (from < Math.min(to, end)) {
                runs.add(new OffsetAndEpoch(from, cacheEpochs.get(i)));
            }
        }
        return runs;
    }

    /** The entry at {@code offset}; offset must lie in [startOffset, endOffset). */
    public LogEntry get(long offset) {
        return entries.get((int) (offset - startOffset));
    }

    /** Epoch of the entry at offset, the start epoch for offset startOffset-1, or -1 if unknown. */
    public int epochAt(long offset) {
        if (offset >= startOffset && offset < endOffset()) {
            return entries.get((int) (offset - startOffset)).epoch();
        }
        if (offset == startOffset - 1) {
            return startEpoch;
        }
        return -1;
    }

    /** Entries in [from, min(to, end)) as an unmodifiable copy; from must not precede the start. */
    public List<LogEntry> slice(long from, long to) {
        if (from < startOffset) {
            throw new IllegalArgumentException("offset " + from + " lies before the log start " + startOffset + " (compacted)");
        }
        long end = Math.min(to, endOffset());
        if (from >= end) {
            return List.of();
        }
        return Collections.unmodifiableList(new ArrayList<>(entries.subList((int) (from - startOffset), (int) (end - startOffset))));
    }

    public void append(LogEntry e) {
        if (e.offset() != endOffset()) {
            throw new IllegalArgumentException("append at " + e.offset() + " but log ends at " + endOffset());
        }
        if (e.epoch() < lastEpoch()) {
            throw new IllegalArgumentException("epoch " + e.epoch() + " older than last epoch " + lastEpoch());
        }
        if (cacheEpochs.isEmpty() || cacheEpochs.get(cacheEpochs.size() - 1) != e.epoch()) {
            cacheEpochs.add(e.epoch());
            cacheStarts.add(e.offset());
        }
        entries.add(e);
    }

    /** Removes every entry at or after {@code offset}; returns how many were removed. */
    public long truncateTo(long offset) {
        if (offset < startOffset) {
            throw new IllegalArgumentException("cannot truncate to " + offset + " before log start " + startOffset);
        }
        long removed = endOffset() - offset;
        if (removed <= 0) {
            return 0;
        }
        entries.subList((int) (offset - startOffset), entries.size()).clear();
        while (!cacheStarts.isEmpty() && cacheStarts.get(cacheStarts.size() - 1) >= offset) {
            cacheStarts.remove(cacheStarts.size() - 1);
            cacheEpochs.remove(cacheEpochs.size() - 1);
        }
        return removed;
    }

    /**
     * Kafka's endOffsetForEpoch: the largest epoch in this log that is &lt;= {@code epoch} and the
     * offset where it ends (the start of the next epoch, or the log end). When the log holds no
     * such epoch, the start position.
     */
    public OffsetAndEpoch endOffsetForEpoch(int epoch) {
        int idx = -1;
        for (int i = cacheEpochs.size() - 1; i >= 0; i--) {
            if (cacheEpochs.get(i) <= epoch) {
                idx = i;
                break;
            }
        }
        if (idx < 0) {
            return new OffsetAndEpoch(startOffset, startEpoch);
        }
        long end = idx + 1 < cacheStarts.size() ? cacheStarts.get(idx + 1) : endOffset();
        return new OffsetAndEpoch(end, cacheEpochs.get(idx));
    }

    /**
     * Drops entries before {@code newStart} (they are covered by a snapshot ending there).
     * Never moves backwards.
     */
    public void advanceStartTo(long newStart, int epochBefore) {
        if (newStart <= startOffset) {
            return;
        }
        if (newStart >= endOffset()) {
            entries.clear();
            cacheEpochs.clear();
            cacheStarts.clear();
        } else {
            entries.subList(0, (int) (newStart - startOffset)).clear();
            // keep the cache entry covering newStart, moved to start there
            while (cacheStarts.size() > 1 && cacheStarts.get(1) <= newStart) {
                cacheStarts.remove(0);
                cacheEpochs.remove(0);
            }
            if (!cacheStarts.isEmpty()) {
                cacheStarts.set(0, newStart);
            }
        }
        startOffset = newStart;
        startEpoch = epochBefore;
    }

    /** Removes everything: a node that lost its disk. */
    public void wipe() {
        entries.clear();
        cacheEpochs.clear();
        cacheStarts.clear();
        startOffset = 0;
        startEpoch = 0;
    }
}
