package io.yakraft.cluster;

import io.yakraft.sim.NodeStatus;

import java.util.ArrayList;
import java.util.List;

/**
 * Carries out {@link Action.SplitVote}: picks or checks the two voters, refuses when no split is
 * possible (a broker, a node that is down or paused, the leader, fewer than two voters), and sets
 * their timers to run out together.
 */
final class SplitVotes {
    private static final String WHAT = "splitVote";

    private SplitVotes() {
    }

    static Outcome apply(Cluster c, Action.SplitVote a) {
        List<Integer> pair = new ArrayList<>();
        if (a.nodes() == null) {
            for (int id : c.voterIds()) {
                if (c.status(id) == NodeStatus.UP && id != c.leaderId() && pair.size() < 2) {
                    pair.add(id);
                }
            }
            if (pair.size() < 2) {
                return new Outcome.Refused(ErrorCode.INVALID_REQUEST, WHAT, "no candidate possible: a split vote needs two"
                        + " live voters that do not lead, and this cluster has " + (pair.isEmpty() ? "none" : "only n" + pair.get(0)));
            }
        } else {
            for (NodeRef ref : a.nodes()) {
                int id = c.resolve(ref);
                if (id < 0 || !c.allIds().contains(id)) {
                    return new Outcome.Refused(ErrorCode.NO_SUCH_NODE, WHAT, "no candidate possible: "
                            + (ref instanceof NodeRef.Id n ? "no node " + n.id() + " in this cluster" : ref.text() + " names nobody now"));
                }
                String why = whyNot(c, id);
                if (why != null) {
                    return new Outcome.Refused(ErrorCode.INVALID_REQUEST, WHAT, "no candidate possible: " + why);
                }
                if (pair.contains(id)) {
                    return new Outcome.Refused(ErrorCode.INVALID_REQUEST, WHAT, "a split vote needs two different voters, "
                            + "both name n" + id);
                }
                pair.add(id);
            }
        }
        c.splitVote(pair.get(0), pair.get(1));
        int leader = c.leaderId();
        return new Outcome.Accepted("n" + pair.get(0) + " and n" + pair.get(1) + " time out together"
                + (leader >= 0 ? " (leader n" + leader + " is alive and may break the tie)" : ""));
    }

    /** Why the node cannot stand in a split vote, or null when it can. */
    private static String whyNot(Cluster c, int id) {
        if (!c.isVoter(id)) {
            return "n" + id + " is an observer (a broker): it never stands for election";
        }
        if (c.status(id) != NodeStatus.UP) {
            return "n" + id + " is " + c.status(id).name().toLowerCase(java.util.Locale.ROOT) + ": its timers do not run";
        }
        if (id == c.leaderId()) {
            return "n" + id + " leads epoch " + c.epochOf(id) + ": a leader runs no election timer";
        }
        return null;
    }
}
