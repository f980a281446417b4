package io.yakraft.check;

import io.yakraft.cluster.Cluster;
import io.yakraft.raft.VoterSet;
import io.yakraft.sim.NodeStatus;

/**
 * The operator of a KIP-853 quorum in a random-fault run, and the voter faults it repairs. A
 * voter whose disk was lost runs on a new disk that the voter set does not know: the operator
 * removes the old replica key and adds the new one (KIP-853's disk-failure recovery). A voter
 * that was removed is added back once it has caught up as an observer. One change at a time:
 * the operator acts only when the leader has no change pending; the leader refuses the rest.
 */
final class VoterOperator {
    /** How often the operator looks at the quorum. */
    static final long PERIOD_MS = 300;

    private VoterOperator() {
    }

    /** Looks every {@link #PERIOD_MS} from {@code from}; after {@code until} only until the quorum is whole again. */
    static void schedule(Cluster c, long from, long until) {
        c.quietlyAt(from + PERIOD_MS, x -> tick(x, until));
    }

    /** A look that finds nothing to do leaves no trace line; a repair is traced as an input of its own. */
    private static void tick(Cluster c, long until) {
        boolean whole = repairOne(c);
        if (c.now() < until || !whole) {
            c.quietlyAt(c.now() + PERIOD_MS, x -> tick(x, until));
        }
    }

    /** One repair step if one is due and possible now; true when nothing is left to repair. */
    private static boolean repairOne(Cluster c) {
        VoterSet voters = c.currentVoters();
        Integer stale = null;
        Integer missing = null;
        for (VoterSet.Voter v : voters.voters()) {
            if (stale == null && !v.key().matches(c.replicaKey(v.key().id()))) {
                stale = v.key().id();
            }
        }
        for (int id : c.voterIds()) {
            if (missing == null && !voters.containsId(id)) {
                missing = id;
            }
        }
        if (stale == null && missing == null) {
            return true;
        }
        if (c.leaderId() < 0 || c.pendingVoterChange().isPresent()) {
            return false;
        }
        if (stale != null) {
            int id = stale;
            c.at(c.now(), "voter operator: RemoveRaftVoter n" + id + " (the voter set lists a disk n" + id
                    + " no longer runs on)", x -> x.removeVoter(id));
        } else if (c.status(missing) == NodeStatus.UP && caughtUp(c, missing)) {
            int id = missing;
            c.at(c.now(), "voter operator: AddRaftVoter n" + id + " (a controller outside the voter set)", x -> x.addVoter(id));
        }
        return false;
    }

    /**
     * Whether the controller's log reaches the leader's log end, as an operator reads it from
     * DescribeQuorum's observers before asking AddRaftVoter (which the leader refuses for a lagging
     * observer): the operator waits rather than being refused every look.
     */
    private static boolean caughtUp(Cluster c, int id) {
        return c.logRange(id).endOffset() >= c.logRange(c.leaderId()).endOffset();
    }

    /**
     * Whether a leader runs whose latest voter set is committed, holds every controller, lists
     * each on the disk it runs on now, and is the set every controller holds: only then may a voter fault strike, so that at most one
     * voter is ever out of place (two would leave no majority to repair them).
     */
    private static boolean settled(Cluster c) {
        if (c.leaderId() < 0 || c.status(c.leaderId()) != NodeStatus.UP || !c.committedVoters().equals(c.currentVoters())) {
            return false;
        }
        for (VoterSet.Voter v : c.currentVoters().voters()) {
            if (!v.key().matches(c.replicaKey(v.key().id()))) {
                return false;
            }
        }
        // every controller must hold the leader's voter set too: one that still holds an uncommitted
        // set of its own (a removal it wrote as an earlier leader) is a second voter out of place
        for (int id : c.voterIds()) {
            if (!c.voterSetOf(id).equals(c.currentVoters())) {
                return false;
            }
        }
        return c.currentVoters().size() == c.voterIds().length && c.pendingVoterChange().isEmpty();
    }

    /**
     * The voter loses its disk: it crashes and comes back on an empty one, with a new directory
     * id. Only while the quorum is settled, so that at most one voter is ever out of place.
     */
    static void loseVoterDisk(Cluster c, int voter) {
        if (!settled(c)) {
            return;
        }
        if (c.status(voter) != NodeStatus.DOWN) {
            c.crash(voter);
        }
        c.restart(voter, true);
    }

    /** RemoveRaftVoter for the voter (the leader too), while the quorum is settled. */
    static void removeVoter(Cluster c, int voter) {
        if (settled(c) && c.leaderId() >= 0) {
            c.removeVoter(voter);
        }
    }
}
