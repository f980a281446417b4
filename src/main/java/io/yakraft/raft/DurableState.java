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
    private RaftSnapshot snapshot;

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

    /** The latest snapshot, or null; the log starts where it ends. */
    public RaftSnapshot snapshot() {
        return snapshot;
    }

    public void saveSnapshot(RaftSnapshot s) {
        snapshot = s;
    }

    /** How many quorum-state writes were made (for views and tests). */
    public long electionWrites() {
        return writes;
    }
}
