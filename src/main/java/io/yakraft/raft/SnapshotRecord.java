package io.yakraft.raft;

/**
 * One record of a snapshot, in the order Kafka's RecordsSnapshotWriter writes them: a
 * SnapshotHeaderRecord first; with kraft.version 1 a KRaftVersionRecord and a VotersRecord; the
 * state machine's records; a SnapshotFooterRecord last. FetchSnapshot ships these in chunks,
 * and a snapshot counts its size in them (the simulation's stand-in for bytes).
 */
public sealed interface SnapshotRecord {

    /** Kafka's SnapshotHeaderRecord: version 0 and the append time of the last record the snapshot covers. */
    record Header(int version, long lastContainedLogTimestamp) implements SnapshotRecord {
    }

    /** Kafka's KRaftVersionRecord as the snapshot writer puts it after the header. */
    record KRaftVersion(int kraftVersion) implements SnapshotRecord {
    }

    /** Kafka's VotersRecord as the snapshot writer puts it after the header. */
    record Voters(VoterSet voters) implements SnapshotRecord {
    }

    /**
     * Record {@code index} of the {@code count} records the state machine wrote (Kafka's
     * SnapshotGenerator writes the image's records). The simulation keeps the image as one
     * immutable object, so every such record carries it; the reader takes it from any of them.
     */
    record State(int index, int count, Object state) implements SnapshotRecord {
    }

    /** Kafka's SnapshotFooterRecord, written by freeze(): the snapshot is complete. */
    record Footer(int version) implements SnapshotRecord {
    }
}
