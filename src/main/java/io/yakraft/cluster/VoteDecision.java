package io.yakraft.cluster;

import io.yakraft.raft.VoteReason;
import io.yakraft.sim.TraceDetail;
import io.yakraft.sim.TraceEvent;

/**
 * The detail of a VOTE record: how this node answered {@code candidateId}'s (pre-)vote request
 * for {@code epoch}, and why, as the raft core's reason code (the words say the same for people).
 */
public record VoteDecision(int candidateId, int epoch, boolean preVote, boolean granted, VoteReason reason)
        implements TraceDetail {

    /** The vote decision a trace record carries, or null when it carries none. */
    public static VoteDecision of(TraceEvent event) {
        return event.detail() instanceof VoteDecision v ? v : null;
    }
}
