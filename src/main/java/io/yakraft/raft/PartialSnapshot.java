package io.yakraft.raft;

import java.util.ArrayList;
import java.util.List;

/**
 * A snapshot a follower is downloading (Kafka's FollowerState.fetchingSnapshot, a
 * RawSnapshotWriter not yet frozen): the chunks received so far, in order. It lives in the
 * follower's state, so a new epoch or role drops a half-fetched snapshot, as Kafka's does.
 */
final class PartialSnapshot {
    private final OffsetAndEpoch id;
    private final List<SnapshotRecord> received = new ArrayList<>();
    /** The snapshot's whole size in records, known from the first chunk (-1 before). */
    private long size = -1;

    PartialSnapshot(OffsetAndEpoch id) {
        this.id = id;
    }

    OffsetAndEpoch id() {
        return id;
    }

    /** How many records have arrived: the position of the next FetchSnapshot (Kafka's sizeInBytes). */
    long position() {
        return received.size();
    }

    long size() {
        return size;
    }

    void append(List<SnapshotRecord> chunk, long snapshotSize) {
        received.addAll(chunk);
        size = snapshotSize;
    }

    boolean complete() {
        return size >= 0 && received.size() == size;
    }

    /** The downloaded snapshot, read back from its records (header first, footer last). */
    RaftSnapshot freeze() {
        return RaftSnapshot.fromRecords(id, received);
    }
}
