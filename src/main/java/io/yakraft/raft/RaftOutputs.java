package io.yakraft.raft;

import java.util.List;

/**
 * Where a {@link RaftNode} puts what it decided. The node does no I/O itself: the host routes
 * messages, records the trace and checks invariants from these calls.
 */
public interface RaftOutputs {
    void send(int destination, RaftMessage message);

    void roleChanged(Role from, Role to, int epoch, int leaderId, String reason);

    /**
     * A Vote or PreVote request was decided. {@code code} says why, for views and tests to
     * classify by; {@code reason} says the same in words for the trace.
     */
    void voteDecision(int candidateId, int epoch, boolean preVote, boolean granted, VoteReason code, String reason);

    void appended(List<LogEntry> entries, String reason);

    void truncated(long newEndOffset, long removed, String reason);

    void highWatermarkChanged(long from, long to);

    void timerExpired(String what);

    /**
     * The node replaced its log prefix with a snapshot fetched from the leader; the host loads
     * the state from it. Also called at start when the disk holds a snapshot.
     */
    default void snapshotLoaded(RaftSnapshot snapshot, String reason) {
    }

    /** Anything else worth a line in the trace (ignored responses, retries...). */
    void note(String detail);
}
