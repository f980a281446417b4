package io.yakraft.raft;

import java.util.ArrayList;
import java.util.List;

/**
 * A snapshot of the replicated state machine covering every offset before {@code id.offset()}
 * (whose last entry had epoch {@code id.epoch()}). {@code state} is opaque to consensus: the
 * metadata layer puts its image here, and {@code stateRecords} says how many records Kafka's
 * SnapshotGenerator would write for it. {@code voters} is the voter set at the snapshot's end
 * (kraft.version 1 writes KRaftVersionRecord and VotersRecord into every snapshot), or null for
 * a static quorum. {@code lastContainedLogTimestamp} is the header's field, which
 * metadata.max.retention.ms measures a snapshot's age by.
 *
 * <p>As a file, the snapshot is {@link #records()}: header first, footer last (Kafka's
 * RecordsSnapshotWriter); FetchSnapshot ships those records in chunks and
 * {@link #fromRecords} assembles them again.
 */
public record RaftSnapshot(OffsetAndEpoch id, Object state, VoterSet voters, long lastContainedLogTimestamp,
                           int stateRecords) {

    public RaftSnapshot {
        if (stateRecords < 1) {
            throw new IllegalArgumentException("a snapshot holds at least one state record, got " + stateRecords);
        }
    }

    /** A snapshot of a static quorum, or one whose voter set is not of interest (tests). */
    public RaftSnapshot(OffsetAndEpoch id, Object state) {
        this(id, state, null);
    }

    public RaftSnapshot(OffsetAndEpoch id, Object state, VoterSet voters) {
        this(id, state, voters, 0, 1);
    }

    /** How many records the snapshot file holds, header and footer included: its size. */
    public int size() {
        return 2 + (voters != null ? 2 : 0) + stateRecords;
    }

    /** The snapshot's records in file order, as Kafka's RecordsSnapshotWriter writes them. */
    public List<SnapshotRecord> records() {
        List<SnapshotRecord> out = new ArrayList<>(size());
        out.add(new SnapshotRecord.Header(0, lastContainedLogTimestamp));
        if (voters != null) {
            out.add(new SnapshotRecord.KRaftVersion(1));
            out.add(new SnapshotRecord.Voters(voters));
        }
        for (int i = 0; i < stateRecords; i++) {
            out.add(new SnapshotRecord.State(i, stateRecords, state));
        }
        out.add(new SnapshotRecord.Footer(0));
        return out;
    }

    /** Records {@code [position, position + max)} of the file, clipped to its end (one FetchSnapshot chunk). */
    public List<SnapshotRecord> slice(int position, int max) {
        List<SnapshotRecord> all = records();
        return List.copyOf(all.subList(position, Math.min(all.size(), position + max)));
    }

    /**
     * Reads a snapshot back from its records (Kafka's RecordsSnapshotReader): the header must come
     * first and the footer last; a file without them is refused.
     */
    public static RaftSnapshot fromRecords(OffsetAndEpoch id, List<SnapshotRecord> records) {
        if (records.isEmpty() || !(records.get(0) instanceof SnapshotRecord.Header header)) {
            throw new IllegalStateException("snapshot " + id + " does not start with a SnapshotHeaderRecord");
        }
        if (!(records.get(records.size() - 1) instanceof SnapshotRecord.Footer)) {
            throw new IllegalStateException("snapshot " + id + " does not end with a SnapshotFooterRecord");
        }
        VoterSet voters = null;
        Object state = null;
        int stateRecords = 0;
        for (SnapshotRecord r : records.subList(1, records.size() - 1)) {
            if (r instanceof SnapshotRecord.Voters v) {
                voters = v.voters();
            } else if (r instanceof SnapshotRecord.State s) {
                state = s.state();
                stateRecords++;
            } else if (!(r instanceof SnapshotRecord.KRaftVersion)) {
                throw new IllegalStateException("snapshot " + id + " holds an unexpected record inside: " + r);
            }
        }
        return new RaftSnapshot(id, state, voters, header.lastContainedLogTimestamp(), stateRecords);
    }
}
