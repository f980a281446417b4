package io.yakraft.raft;

import io.yakraft.raft.RaftMessage.VoteRequest;

/**
 * Decides a Vote or PreVote request from the node's current state (Kafka's canGrantVote of
 * each EpochState, gathered in one place): the reason code, the words for the trace, and the
 * error the answer carries. It changes nothing; the node persists a granted vote.
 */
final class VoteHandler {
    /** Raft's log comparison; the node's (overridable) check. */
    @FunctionalInterface
    interface UpToDateCheck {
        boolean candidateLogUpToDate(int lastEpoch, long endOffset);
    }

    record Decision(VoteReason reason, String words, RaftError error) {
    }

    private final int id;
    private final RaftConfig config;
    private final DurableState disk;
    private final QuorumState quorum;
    private final UpToDateCheck upToDate;

    VoteHandler(int id, RaftConfig config, DurableState disk, QuorumState quorum, UpToDateCheck upToDate) {
        this.id = id;
        this.config = config;
        this.disk = disk;
        this.quorum = quorum;
        this.upToDate = upToDate;
    }

    /** Called after the node moved to the request's epoch if that was newer (for a Vote). */
    Decision decide(long now, VoteRequest req) {
        String kind = req.preVote() ? "pre-vote" : "vote";
        int epoch = quorum.epoch();
        if (!req.voterDirectoryId().isEmpty() && !req.voterDirectoryId().equals(disk.directoryId())) {
            return new Decision(VoteReason.INVALID_VOTER_KEY, kind + " rejected: the candidate asks n" + id + "/"
                    + req.voterDirectoryId() + " but this disk is " + disk.directoryId() + " (a replaced disk is not that voter)",
                    RaftError.INVALID_VOTER_KEY);
        }
        // No "am I a voter" check (Kafka's handleVoteRequest has none since KIP-853): a replica
        // whose own log has dropped it from the voter set may still be a voter in the candidate's
        // set, and its vote can be the one that ends a reconfiguration left half-done. The voter
        // key check above keeps a replaced disk from voting.
        if (req.epoch() < epoch) {
            return new Decision(VoteReason.STALE_EPOCH, kind + " rejected: candidate's epoch " + req.epoch() + " < ours "
                    + epoch, RaftError.FENCED_LEADER_EPOCH);
        }
        return req.preVote() ? decidePreVote(now, req) : decideVote(req);
    }

    private Decision decidePreVote(long now, VoteRequest req) {
        EpochState state = quorum.state();
        if (state instanceof LeaderState) {
            return answer(VoteReason.IS_LEADER, "pre-vote rejected: n" + id + " is the leader of epoch " + state.epoch());
        }
        if (state instanceof FollowerState follower && follower.hasFetchedFromLeader()) {
            // Kafka's FollowerState.canGrantVote: a follower that has fetched from its leader in
            // this state refuses pre-votes, also after that leader's EndQuorumEpoch.
            return answer(VoteReason.RECENT_LEADER_CONTACT, "pre-vote rejected: n" + id + " has fetched from leader n"
                    + follower.leaderId() + " in epoch " + follower.epoch());
        }
        if (!upToDate.candidateLogUpToDate(req.lastOffsetEpoch(), req.lastOffset())) {
            return answer(VoteReason.CANDIDATE_LOG_BEHIND, "pre-vote rejected: " + whyNotUpToDate(req));
        }
        return answer(VoteReason.GRANTED, "pre-vote granted: candidate's log " + logPos(req)
                + " is at least as up to date as ours " + ourPos());
    }

    private Decision decideVote(VoteRequest req) {
        EpochState state = quorum.state();
        int epoch = state.epoch();
        ElectionState saved = disk.election();
        if (saved.votedId() == req.candidateId() && saved.epoch() == epoch) {
            return answer(VoteReason.GRANTED_AGAIN, "vote granted again: already voted for n" + req.candidateId()
                    + " in epoch " + epoch);
        }
        if (saved.epoch() == epoch && saved.hasVoted()) {
            return answer(VoteReason.ALREADY_VOTED_FOR_ANOTHER, "vote rejected: already voted for n" + saved.votedId()
                    + " in epoch " + epoch);
        }
        if (state instanceof ProspectiveState prospective && prospective.formerLeader() >= 0) {
            // Kafka's unattachedOrProspectiveCanGrantVote: a Prospective that knows the epoch's
            // leader (it was following it) behaves as that leader's follower would.
            return answer(VoteReason.KNOWN_LEADER, "vote rejected: n" + id + " is Prospective in epoch " + epoch
                    + " and knows leader n" + prospective.formerLeader());
        }
        if (!(state instanceof UnattachedState) && !(state instanceof ProspectiveState)) {
            return answer(VoteReason.KNOWN_LEADER, "vote rejected: n" + id + " is " + state.role().label() + " in epoch "
                    + epoch + (state.leaderId() >= 0 ? " with leader n" + state.leaderId() : ""));
        }
        if (!upToDate.candidateLogUpToDate(req.lastOffsetEpoch(), req.lastOffset())) {
            return answer(VoteReason.CANDIDATE_LOG_BEHIND, "vote rejected: " + whyNotUpToDate(req));
        }
        return answer(VoteReason.GRANTED, "vote granted: candidate's log " + logPos(req)
                + " is at least as up to date as ours " + ourPos());
    }

    /** A decision answered without error (granted or not, as the reason says). */
    private static Decision answer(VoteReason reason, String words) {
        return new Decision(reason, words, RaftError.NONE);
    }

    private static String logPos(VoteRequest req) {
        return "(epoch " + req.lastOffsetEpoch() + ", end " + req.lastOffset() + ")";
    }

    private String ourPos() {
        return "(epoch " + disk.log().lastEpoch() + ", end " + disk.log().endOffset() + ")";
    }

    private String whyNotUpToDate(VoteRequest req) {
        RaftLog log = disk.log();
        if (req.lastOffsetEpoch() < log.lastEpoch()) {
            return "candidate's last epoch " + req.lastOffsetEpoch() + " < ours " + log.lastEpoch();
        }
        return "candidate's log ends at " + req.lastOffset() + " < ours " + log.endOffset() + " in epoch " + log.lastEpoch();
    }
}
