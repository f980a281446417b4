package io.yakraft.cluster;

/**
 * Where one node's metadata log stands at one moment, as an immutable value: it holds offsets
 * {@code [startOffset, endOffset)} (the snapshot covers what lies before the start),
 * {@code lastEpoch} is the epoch of its last entry (the snapshot's when it holds none), and
 * {@code highWatermark} is what the node knows to be committed (0 while it is down: the high
 * watermark is volatile in KRaft).
 */
public record LogRange(long startOffset, long endOffset, int lastEpoch, long highWatermark) {

    /** True when the node holds the entry at {@code offset} itself (not only in its snapshot). */
    public boolean holds(long offset) {
        return offset >= startOffset && offset < endOffset;
    }
}
