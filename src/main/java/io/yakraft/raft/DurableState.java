package io.yakraft.raft;

/**
 * Everything of a node that survives a crash: the quorum-state file and the log. Writes are
 * synchronous (as if fsynced) so the node always persists before it acts on what it wrote.
 */
public final class DurableState {
    private ElectionState election = ElectionState.INITIAL;
    private final RaftLog log = new RaftLog();
    private long writes;
    private RaftSnapshot snapshot;

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
