package io.yakraft.raft;

/**
 * How a running election round stands, as the Prospective or Candidate counts it: votes granted
 * (itself included), refused, and how many make a majority. {@link #NONE} when no round runs.
 */
public record VoteCount(boolean preVote, int granted, int rejected, int needed) {
    public static final VoteCount NONE = new VoteCount(false, 0, 0, 0);

    /** Whether a round is running (a Prospective's pre-vote or a Candidate's vote). */
    public boolean running() {
        return needed > 0;
    }
}
