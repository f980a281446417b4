package io.yakraft.cluster;

import io.yakraft.sim.TraceDetail;
import io.yakraft.sim.TraceEvent;

/**
 * The detail of a VOTE record: how this node answered {@code candidateId}'s (pre-)vote request
 * for {@code epoch}.
 *
 * <p>The raft core is gaining a reason code ({@code io.yakraft.raft.VoteReason}, passed to
 * {@code RaftOutputs.voteDecision}); when it arrives it becomes this record's last component,
 * {@code VoteReason reason}, filled in {@link RaftHost#voteDecision}. Until then the reason is in
 * the record's words only.
 */
public record VoteDecision(int candidateId, int epoch, boolean preVote, boolean granted) implements TraceDetail {

    /** The vote decision a trace record carries, or null when it carries none. */
    public static VoteDecision of(TraceEvent event) {
        return event.detail() instanceof VoteDecision v ? v : null;
    }
}
