package io.yakraft.ui;

import io.yakraft.cluster.ClusterSnapshot;
import io.yakraft.cluster.NodeView;
import io.yakraft.raft.ReplicaState;
import io.yakraft.raft.Role;
import io.yakraft.raft.VoteCount;

import java.util.ArrayList;
import java.util.List;

/**
 * A picked node's state card (in the spirit of RaftScope's): role, epoch, vote, log end and
 * high watermark and, on the leader, each replica's fetch offset and lag as the leader believes
 * it. The lag is counted from the leader's own log end. No JavaFX here.
 */
public final class NodeCard {
    private NodeCard() {
    }

    public static List<String> lines(NodeView n, ClusterSnapshot s) {
        List<String> out = new ArrayList<>();
        out.add("n" + n.id() + " · " + n.displayRole() + (!n.voter() ? " (broker)"
                : n.observerController() ? " (not in the voter set; a voter once AddRaftVoter commits)" : ""));
        out.add("epoch " + n.epoch() + " · voted for " + (n.votedId() < 0 ? "nobody" : "n" + n.votedId())
                + " · leader " + (n.leaderId() < 0 ? "unknown" : "n" + n.leaderId()));
        out.add("log end " + n.logEndOffset() + " (last epoch " + n.lastEpoch() + ") · metadata HW " + n.highWatermark()
                + (n.logStartOffset() > 0 ? " · start " + n.logStartOffset() : ""));
        String tally = tally(n, voters(s));
        if (!tally.isEmpty()) {
            out.add(tally);
        }
        if (n.role() == Role.LEADER && !n.replicas().isEmpty()) {
            out.add("replicas as this leader believes:");
            for (ReplicaState r : n.replicas()) {
                if (r.replicaId() == n.id()) {
                    continue;
                }
                out.add(replicaLine(r, n.logEndOffset(), s.now()));
            }
        }
        return out;
    }

    /** One follower's line: "n2 fetch 120 · lag 3 · 40 ms ago", or "not fetched yet" before its first fetch. */
    static String replicaLine(ReplicaState r, long leaderEnd, long now) {
        String who = "  n" + r.replicaId() + (r.voter() ? "" : " (observer)");
        if (r.endOffset() < 0) {
            return who + " · not fetched yet this epoch";
        }
        return who + " · fetch " + r.endOffset() + " · lag " + Math.max(0, leaderEnd - r.endOffset())
                + " · " + Math.max(0, now - r.lastFetchMs()) + " ms ago";
    }

    /** "2/3 pre-votes (2 needed)" on a Prospective, "2/3 votes …" on a Candidate, "" otherwise. */
    public static String tally(NodeView n, int voters) {
        VoteCount v = n.votes();
        if (!v.running()) {
            return "";
        }
        return v.granted() + "/" + voters + (v.preVote() ? " pre-votes" : " votes")
                + (v.rejected() > 0 ? " · " + v.rejected() + " ✗" : "") + " (" + v.needed() + " needed)";
    }

    static int voters(ClusterSnapshot s) {
        int count = 0;
        for (NodeView n : s.nodes()) {
            if (n.voter()) {
                count++;
            }
        }
        return count;
    }
}
