package io.yakraft.cluster;

import io.yakraft.raft.ReplicaState;
import io.yakraft.raft.Role;
import io.yakraft.raft.VoteCount;
import io.yakraft.sim.NodeStatus;

import java.util.List;

/**
 * An immutable picture of one node at one moment, for views, the CLI and tests.
 * {@code timerStart}/{@code timerDeadline} bound the running election or fetch timer
 * (Long.MAX_VALUE deadline when none runs). {@code appliedOffset} is the last committed offset
 * the node applied to its metadata image; {@code metadataRole} is "active controller" or
 * "standby controller" on a live controller ("" when down); on a broker, its registration as
 * the leader's committed image holds it ("fenced", "unfenced", "shut down", "not registered",
 * or "registering" while a live broker waits for its first registration to commit), so a dead
 * broker shows "unfenced" until the controller's session timeout fences it. {@code votes} is the
 * running (pre-)vote round as a Prospective or Candidate counts it; {@code replicas}, on a leader,
 * each replica's fetch offset as the leader believes it (empty on any other node). {@code voter}
 * says the node is a controller; {@code inVoterSet} that it is in the latest voter set of its own
 * log (KIP-853): a controller outside it (added but not yet a voter, or on a replaced disk) is an
 * observer of the quorum.
 */
public record NodeView(int id, boolean voter, NodeStatus status, Role role, int epoch, int leaderId, int votedId,
                       long logStartOffset, long logEndOffset, int lastEpoch, long highWatermark,
                       long timerDeadline, int incarnation, long appliedOffset, String metadataRole,
                       VoteCount votes, List<ReplicaState> replicas, boolean inVoterSet) {

    public NodeView {
        votes = votes == null ? VoteCount.NONE : votes;
        replicas = replicas == null ? List.of() : List.copyOf(replicas);
    }

    /** A node whose voter-set membership is its being a controller (a static quorum). */
    public NodeView(int id, boolean voter, NodeStatus status, Role role, int epoch, int leaderId, int votedId,
                    long logStartOffset, long logEndOffset, int lastEpoch, long highWatermark,
                    long timerDeadline, int incarnation, long appliedOffset, String metadataRole,
                    VoteCount votes, List<ReplicaState> replicas) {
        this(id, voter, status, role, epoch, leaderId, votedId, logStartOffset, logEndOffset, lastEpoch, highWatermark,
                timerDeadline, incarnation, appliedOffset, metadataRole, votes, replicas, voter);
    }

    /** A controller outside the voter set: an observer of the quorum until AddRaftVoter makes it a voter. */
    public boolean observerController() {
        return voter && !inVoterSet;
    }

    /** A node with no election round and no replica progress to show. */
    public NodeView(int id, boolean voter, NodeStatus status, Role role, int epoch, int leaderId, int votedId,
                    long logStartOffset, long logEndOffset, int lastEpoch, long highWatermark,
                    long timerDeadline, int incarnation, long appliedOffset, String metadataRole) {
        this(id, voter, status, role, epoch, leaderId, votedId, logStartOffset, logEndOffset, lastEpoch, highWatermark,
                timerDeadline, incarnation, appliedOffset, metadataRole, VoteCount.NONE, List.of());
    }

    /** What a person calls the node's state: its role, or Dead/Paused, or Observer for a fetching broker. */
    public String displayRole() {
        if (status == NodeStatus.DOWN) {
            return "Dead";
        }
        if (status == NodeStatus.PAUSED) {
            return "Paused";
        }
        if (!voter) {
            return role == Role.FOLLOWER ? "Observer" : "Observer (" + role.label() + ")";
        }
        if (!inVoterSet) {
            return role == Role.FOLLOWER ? "Observer controller" : "Observer controller (" + role.label() + ")";
        }
        return role.label();
    }
}
