package io.yakraft.raft;

/**
 * Everything of a node that survives a crash: the quorum-state file and the log. Writes are
 * synchronous (as if fsynced) so the node always persists before it acts on what it wrote.
 */
public final class DurableState {
    private final String directoryId;
    private final VoterSet bootstrapVoters;
    private ElectionState election = ElectionState.INITIAL;
    private final RaftLog log = new RaftLog();
    private long writes;
    /** The snapshots on disk by end offset, oldest first (Kafka's KafkaMetadataLog.snapshots). */
    private final java.util.TreeMap<Long, RaftSnapshot> snapshots = new java.util.TreeMap<>();

    /** A disk of a static (kraft.version 0) quorum: no directory id, the voters come from configuration. */
    public DurableState() {
        this(ReplicaKey.NO_DIRECTORY, null);
    }

    /**
     * A disk formatted by kafka-storage: {@code directoryId} is its meta.properties directory.id;
     * {@code bootstrapVoters} the voter set its bootstrap checkpoint holds (format
     * --initial-controllers), or null (--no-initial-controllers: the node starts as an observer).
     */
    public DurableState(String directoryId, VoterSet bootstrapVoters) {
        this.directoryId = directoryId;
        this.bootstrapVoters = bootstrapVoters;
    }

    public String directoryId() {
        return directoryId;
    }

    /** The voter set of the bootstrap checkpoint (kraft.version 1), or null when the disk has none. */
    public VoterSet bootstrapVoters() {
        return bootstrapVoters;
    }

    public ElectionState election() {
        return election;
    }

    public void writeElection(ElectionState state) {
        election = state;
        writes++;
    }

    public RaftLog log() {
        return log;
    }

    /**
     * The latest snapshot, or null. The log may still hold entries before it: they go only when
     * the retention rule lets them ({@link RaftNode#maybeClean}).
     */
    public RaftSnapshot snapshot() {
        return snapshots.isEmpty() ? null : snapshots.lastEntry().getValue();
    }

    /** The snapshot with exactly this id, or null (Kafka's readSnapshot). */
    public RaftSnapshot snapshot(OffsetAndEpoch id) {
        RaftSnapshot s = snapshots.get(id.offset());
        return s != null && s.id().equals(id) ? s : null;
    }

    /** Every snapshot on disk, oldest first. */
    public java.util.List<RaftSnapshot> snapshots() {
        return java.util.List.copyOf(snapshots.values());
    }

    /** Stores a frozen snapshot beside the ones already there. */
    public void saveSnapshot(RaftSnapshot s) {
        snapshots.put(s.id().offset(), s);
    }

    /** Deletes the snapshots that end before {@code offset} (Kafka's forgetSnapshotsBefore); returns how many. */
    public int forgetSnapshotsBefore(long offset) {
        var older = snapshots.headMap(offset, false);
        int n = older.size();
        older.clear();
        return n;
    }

    /** How many quorum-state writes were made (for views and tests). */
    public long electionWrites() {
        return writes;
    }
}
