package io.yakraft.raft;

/**
 * A snapshot a follower is downloading, for views: {@code received} of {@code size} records
 * ({@code size} is -1 until the first chunk arrives), {@code chunkRecords} at most per chunk.
 */
public record SnapshotTransfer(OffsetAndEpoch id, long received, long size, int chunkRecords) {

    /** The chunk the next FetchSnapshot asks for, counted from 1. */
    public long nextChunk() {
        return received / chunkRecords + 1;
    }

    /** How many chunks the whole snapshot takes, or -1 while its size is unknown. */
    public long chunks() {
        return size < 0 ? -1 : (size + chunkRecords - 1) / chunkRecords;
    }
}
