package io.yakraft.raft;

/**
 * Everything of a node that survives a crash: the quorum-state file and the log. Writes are
 * synchronous (as if fsynced) so the node always persists before it acts on what it wrote.
 */
public final class DurableState {
    private ElectionState election = ElectionState.INITIAL;
    private final RaftLog log = new RaftLog();
    private long writes;

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

    /** How many quorum-state writes were made (for views and tests). */
    public long electionWrites() {
        return writes;
    }
}
